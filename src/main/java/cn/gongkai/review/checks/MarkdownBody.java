package cn.gongkai.review.checks;

import java.util.BitSet;
import java.util.List;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** The body read as the renderer reads it (CommonMark, tables, footnotes), with where each node is in the text. */
final class MarkdownBody {
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create(), FootnotesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    private MarkdownBody() {
    }

    static Node parse(String body) {
        return PARSER.parse(body);
    }

    /** The offsets of the body that are code (spans and blocks): the article shows them exactly as written. */
    static BitSet code(Node parsed) {
        BitSet code = new BitSet();
        parsed.accept(new AbstractVisitor() {
            @Override
            public void visit(Code node) {
                mark(node);
            }

            @Override
            public void visit(FencedCodeBlock node) {
                mark(node);
            }

            @Override
            public void visit(IndentedCodeBlock node) {
                mark(node);
            }

            private void mark(Node node) {
                node.getSourceSpans().forEach(s -> code.set(s.getInputIndex(), s.getInputIndex() + s.getLength()));
            }
        });
        return code;
    }

    /** Where the node starts in the body, or 0 when the parser did not say. */
    static int offset(Node node) {
        return node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getInputIndex();
    }
}

package cn.gongkai.review.checks;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Heading;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * The body's paragraphs as readers count them: every top-level block the article shows (a paragraph, a 小标题, a list,
 * a table, a quote) is one; link reference definitions are not shown and do not count.
 */
final class Paragraphs {
    /** One block: its 1-based number, where it lies in the body and whether it is a heading. */
    record Block(int number, int start, int end, boolean heading) {
    }

    private final List<Block> blocks;

    private Paragraphs(List<Block> blocks) {
        this.blocks = blocks;
    }

    static Paragraphs of(String body) {
        List<Block> blocks = new ArrayList<>();
        int n = 0;
        for (Node b = MarkdownBody.parse(body).getFirstChild(); b != null; b = b.getNext()) {
            if (b instanceof LinkReferenceDefinition || b.getSourceSpans().isEmpty()) {
                continue;
            }
            List<SourceSpan> spans = b.getSourceSpans();
            SourceSpan last = spans.get(spans.size() - 1);
            blocks.add(new Block(++n, spans.get(0).getInputIndex(), last.getInputIndex() + last.getLength(),
                    b instanceof Heading));
        }
        return new Paragraphs(blocks);
    }

    /** The block that holds the offset, or else the last one that starts before it; null when there is none. */
    Block at(int offset) {
        Block found = null;
        for (Block b : blocks) {
            if (b.start() <= offset) {
                found = b;
            }
        }
        return found;
    }
}

package cn.gongkai.intake;

import cn.gongkai.item.WeChatLimits;
import cn.gongkai.review.checks.CheckLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** The Markdown body of an item: its length, the HTML it may not contain, and the images it references. */
final class ItemBody {
    private static final Pattern DANGEROUS_HTML = Pattern.compile(
            "(?i)<\\s*(script|iframe|style|object|embed|form)\\b|javascript:|<[^>]*\\son[a-z]+\\s*=");

    private ItemBody() {
    }

    /** An image reference in the body, with the line it is on. */
    record ImageRef(String src, String alt, String caption, int line) {
    }

    /** Adds a problem when the body is empty, too long or contains HTML or script WeChat would strip. */
    static void check(String body, int bodyLine, CheckLimits limits, FileProblems p) {
        if (body.isBlank()) {
            p.add(bodyLine, "正文", "正文是空的");
        } else if (body.length() > limits.bodyMax()) {
            p.add(bodyLine, "正文", "正文 " + body.length() + " 字，超过" + ItemFields.ceiling(limits.bodyMax(),
                    WeChatLimits.CONTENT_CHARS, "checks.body-max") + "（需删去 " + (body.length() - limits.bodyMax())
                    + " 字）");
        }
        checkHtml(body, bodyLine, p);
    }

    private static void checkHtml(String body, int bodyLine, FileProblems p) {
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = DANGEROUS_HTML.matcher(lines[i]);
            if (m.find()) {
                p.add(bodyLine + i, "正文", "含有不允许的 HTML 或脚本“" + m.group().strip()
                        + "”：微信会删除脚本，也可能拒收整篇文章。请删去，改用纯 Markdown");
            }
        }
    }

    /** The images referenced in the body, in order; the caption is the image's title, else its alt text. */
    static List<ImageRef> imageRefs(String body, int bodyLine) {
        Node doc = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build().parse(body);
        List<ImageRef> refs = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                refs.add(ref(image, bodyLine));
            }
        });
        return refs;
    }

    private static ImageRef ref(Image image, int bodyLine) {
        StringBuilder alt = new StringBuilder();
        for (Node n = image.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                alt.append(t.getLiteral());
            }
        }
        List<SourceSpan> spans = image.getSourceSpans();
        int line = spans.isEmpty() ? bodyLine : bodyLine + spans.get(0).getLineIndex();
        String caption = image.getTitle() == null || image.getTitle().isBlank() ? alt.toString() : image.getTitle();
        return new ImageRef(image.getDestination(), alt.toString(), caption, line);
    }
}

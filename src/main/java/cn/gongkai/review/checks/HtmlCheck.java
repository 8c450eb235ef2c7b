package cn.gongkai.review.checks;

import cn.gongkai.item.ItemContent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;

/**
 * Raw HTML in the body (a warning per paragraph, naming its tags): the article is made from the Markdown only, so a
 * tag such as {@code <b>} or {@code <span style=...>} never takes effect and would be published as literal text.
 * The body is read with the renderer's Markdown dialect, so tags inside code are not HTML and pass.
 */
final class HtmlCheck implements Check {
    static final String ID = "raw-html";
    private static final Pattern TAG = Pattern.compile("<!--|<(/?)([A-Za-z][A-Za-z0-9-]*)");

    @Override
    public void run(ItemContent c, Findings out) {
        int paragraph = 0;
        for (Node block = MarkdownBody.parse(c.body()).getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof LinkReferenceDefinition) {
                continue;
            }
            paragraph++;
            List<Node> html = htmlIn(block);
            if (!html.isEmpty()) {
                int at = MarkdownBody.offset(html.get(0));
                int end = Math.min(c.body().length(), at + literal(html.get(0)).strip().length());
                out.at(Severity.WARNING, ID, "body", c.body(), at, end, "第" + paragraph + "段含有网页标签 "
                        + String.join("、", tags(html)) + "：微信文章由 Markdown 排版，网页标签不会生效，会按原样显示为文字。"
                        + "请改用 Markdown 写法（如 **加粗**），或删去这些标签");
            }
        }
    }

    private static List<Node> htmlIn(Node block) {
        List<Node> found = new ArrayList<>();
        block.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline html) {
                found.add(html);
            }

            @Override
            public void visit(HtmlBlock html) {
                found.add(html);
            }
        });
        return found;
    }

    private static String literal(Node html) {
        return html instanceof HtmlInline i ? i.getLiteral() : ((HtmlBlock) html).getLiteral();
    }

    /** Each tag once, as {@code <b>} (a closing tag counts as its element), and {@code <!-- -->} for comments. */
    private static Set<String> tags(List<Node> html) {
        Set<String> tags = new LinkedHashSet<>();
        for (Node node : html) {
            String literal = literal(node);
            Matcher m = TAG.matcher(literal);
            boolean any = false;
            while (m.find()) {
                any = true;
                tags.add(m.group(2) == null ? "<!-- -->" : "<" + m.group(2).toLowerCase(Locale.ROOT) + ">");
            }
            if (!any) {
                String shown = literal.strip();
                tags.add(shown.length() > 12 ? shown.substring(0, 12) + "…" : shown);
            }
        }
        return tags;
    }
}

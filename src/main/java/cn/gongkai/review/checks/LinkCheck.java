package cn.gongkai.review.checks;

import cn.gongkai.item.ItemContent;
import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * External links in the body, written as links or as bare addresses: WeChat does not allow them in articles, so they
 * become numbered references. Addresses in code are shown as written and pass.
 */
final class LinkCheck implements Check {
    static final String ID = "external-link";
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s)\\]>）】，。；\"']+");
    private static final Pattern WECHAT = Pattern.compile("(?i)^https?://mp\\.weixin\\.qq\\.com/.*");

    @Override
    public void run(ItemContent c, Findings out) {
        Matcher m = URL.matcher(c.body());
        BitSet code = null;
        while (m.find()) {
            code = code != null ? code : MarkdownBody.code(MarkdownBody.parse(c.body()));
            if (WECHAT.matcher(m.group()).matches() || isImage(c.body(), m.start()) || code.get(m.start())) {
                continue;
            }
            out.at(Severity.WARNING, ID, "body", c.body(), m.start(), m.end(), "外部链接 " + m.group()
                    + " 在微信文章中不能点击，将转为文末“参考链接”。如需读者访问，可设为“阅读原文”（source_url）");
        }
    }

    /** True when the URL is the target of a Markdown image, which the import already refuses. */
    private static boolean isImage(String body, int start) {
        int open = body.lastIndexOf("](", start);
        int bang = open < 0 ? -1 : body.lastIndexOf("![", open);
        if (open < 0 || open + 2 != start || bang < 0) {
            return false;
        }
        int newline = body.indexOf('\n', bang);
        return newline < 0 || newline >= start;
    }
}

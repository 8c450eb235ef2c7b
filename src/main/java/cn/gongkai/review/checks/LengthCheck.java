package cn.gongkai.review.checks;

import cn.gongkai.item.ItemContent;
import cn.gongkai.item.WeChatLimits;

/** Title, author, digest and body within WeChat's limits. */
final class LengthCheck implements Check {
    static final String ID = "length";
    private final CheckLimits limits;

    LengthCheck(CheckLimits limits) {
        this.limits = limits;
    }

    @Override
    public void run(ItemContent c, Findings out) {
        int title = chars(c.title());
        if (title > limits.titleMax()) {
            out.error(ID, "title", "标题 " + title + " 字，超过上限 " + limits.titleMax() + " 字（需删去 "
                    + (title - limits.titleMax()) + " 字）");
        }
        int author = chars(c.author());
        if (author > limits.authorMax()) {
            out.error(ID, "author", "作者 " + author + " 字，超过上限 " + limits.authorMax() + " 字");
        }
        int digest = chars(c.digest());
        if (digest > limits.digestMax()) {
            out.error(ID, "digest", "摘要 " + digest + " 字，超过上限 " + limits.digestMax() + " 字");
        }
        int body = chars(c.body());
        if (body > limits.bodyMax()) {
            out.error(ID, "body", "正文 " + body + " 字，超过上限 " + limits.bodyMax() + " 字（需删去 "
                    + (body - limits.bodyMax()) + " 字）");
        }
    }

    static int chars(String s) {
        return WeChatLimits.chars(s);
    }
}

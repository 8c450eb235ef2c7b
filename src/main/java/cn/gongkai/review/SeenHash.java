package cn.gongkai.review;

import cn.gongkai.item.DisclosureItem;
import java.util.Locale;

/**
 * The content hash a reviewer saw: a decision is taken on the item's current text only. A hash may be given whole
 * (console, REST API) or as a prefix of at least {@link ReviewService#MIN_HASH_PREFIX} hex digits (the CLI, as
 * {@code item show} prints it).
 */
final class SeenHash {
    private static final int MIN = ReviewService.MIN_HASH_PREFIX;

    private SeenHash() {
    }

    /**
     * Refuses a decision taken on another text than the item's current one; when {@code required} is false a
     * missing hash is accepted.
     */
    static void require(DisclosureItem item, String seenHash, boolean required) {
        String current = item.contentHash();
        String seen = seenHash == null ? "" : seenHash.strip().toLowerCase(Locale.ROOT);
        if (seen.isEmpty()) {
            if (required) {
                throw new ReviewException(item.id(), "没有注明审核时看到的内容指纹，未记录同意。当前内容指纹为 " + current
                        + "；请先查看稿件（gongkai item show " + item.id() + "，或刷新审核页面），确认内容后再同意"
                        + "（命令行：--hash 内容指纹，至少前 " + MIN + " 位）");
            }
            return;
        }
        if (!seen.matches("[0-9a-f]{" + MIN + ",64}")) {
            throw new ReviewException(item.id(), "内容指纹“" + shown(seen) + "”格式不对：应为至少 " + MIN
                    + " 位十六进制数字（gongkai item show " + item.id() + " 显示的“内容指纹”）；当前内容指纹为 " + current);
        }
        if (!current.startsWith(seen)) {
            throw new ReviewException(item.id(), "审核时看到的内容（指纹 " + seen + "）已不是稿件的当前内容（指纹 "
                    + current + "）：稿件在您查看后被修改过，本次决定未记录。请刷新页面或运行 gongkai item show "
                    + item.id() + " 查看修改后的内容，再重新审核");
        }
    }

    /** A hash given by a user, shortened for a message. */
    private static String shown(String given) {
        return given.length() > 64 ? given.substring(0, 64) + "…" : given;
    }
}

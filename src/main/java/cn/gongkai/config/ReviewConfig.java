package cn.gongkai.config;

import cn.gongkai.item.WeChatLimits;
import java.util.List;
import java.util.Set;

/**
 * Review and pre-publish check settings beyond the chain itself.
 *
 * @param importantChain  roles of the extra steps an item marked 重要 needs (default 主要领导 principal-leader)
 * @param dueWorkingDays  working days within which an item should be published (条例 art. 26: 20)
 * @param titleMax        characters in a title, at most WeChat's {@link WeChatLimits#TITLE_CHARS}
 * @param authorMax       characters in the author field, at most {@link WeChatLimits#AUTHOR_CHARS}
 * @param bodyMax         characters of body, at most {@link WeChatLimits#CONTENT_CHARS}
 * @param imageMaxMb      megabytes of one image, at most WeChat's 10 MB of a permanent image material
 * @param imageMaxSide    pixels of the longer side of an image
 * @param imageMinWidth   pixels of width below which an image gets a warning
 * @param wordsFile       the 错敏字 list; empty means {@code <templates-dir>/checks/words.txt}
 * @param holidaysFile    the holiday notices' calendar (config/holidays.yml); when absent, the copy in the jar
 */
public record ReviewConfig(List<String> importantChain, int dueWorkingDays, int titleMax, int authorMax,
                           int bodyMax, int imageMaxMb, int imageMaxSide, int imageMinWidth, String wordsFile,
                           String holidaysFile) {
    /** The roles that may stand in a review chain. */
    public static final Set<String> REVIEW_ROLES =
            Set.of("dept-leader", "office-director", "office-leader", "principal-leader");

    public ReviewConfig {
        importantChain = List.copyOf(importantChain);
        for (String role : importantChain) {
            if (!REVIEW_ROLES.contains(role)) {
                throw new ConfigException("review.important-chain", role, "不是审核角色（可用：" + String.join(", ",
                        new java.util.TreeSet<>(REVIEW_ROLES)) + "）");
            }
        }
        if (dueWorkingDays < 1 || dueWorkingDays > 365) {
            throw new ConfigException("review.due-working-days", String.valueOf(dueWorkingDays), "应为 1–365 的整数");
        }
        withinWeChat(titleMax, "checks.title-max", WeChatLimits.TITLE_CHARS, "字");
        withinWeChat(authorMax, "checks.author-max", WeChatLimits.AUTHOR_CHARS, "字");
        withinWeChat(bodyMax, "checks.body-max", WeChatLimits.CONTENT_CHARS, "字");
        withinWeChat(imageMaxMb, "checks.image-max-mb", WeChatLimits.IMAGE_MATERIAL_BYTES / (1024 * 1024), "MB");
        positive(imageMaxSide, "checks.image-max-side");
        if (imageMinWidth < 0) {
            throw new ConfigException("checks.image-min-width", String.valueOf(imageMinWidth), "不能为负数");
        }
        wordsFile = wordsFile == null ? "" : wordsFile.strip();
        holidaysFile = holidaysFile == null ? "" : holidaysFile.strip();
        if (holidaysFile.isEmpty()) {
            throw new ConfigException("review.holidays-file", "节假日表文件不能为空（默认 ./config/holidays.yml）");
        }
    }

    /**
     * A limit of the checks may be stricter than WeChat's, never looser: a title WeChat refuses would pass the checks
     * and fail only when published (and the importer would overrule the setting).
     */
    private static void withinWeChat(int value, String key, int wechat, String unit) {
        positive(value, key);
        if (value > wechat) {
            throw new ConfigException(key, String.valueOf(value), "不能大于微信的上限 " + wechat + " " + unit
                    + "（微信会拒收更长的内容）；请改为 " + wechat + " 或更小的数");
        }
    }

    private static void positive(int value, String key) {
        if (value <= 0) {
            throw new ConfigException(key, String.valueOf(value), "应为正整数");
        }
    }
}

package cn.gongkai.web;

import cn.gongkai.config.AccountConfig;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Next to 计划发布: the publishing slot an item will really go out in, found with the publisher's own schedule (the
 * account's cron, {@code slots}: cron and a time → the next firing after it), and a warning when the planned time
 * has passed. The publisher takes an item in the first run at or after its planned time (or the next run when none
 * is planned); a daily cap may still move it to a later slot.
 */
final class PublishSlotText {
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("M月d日 EEE HH:mm", Locale.CHINA);

    private final Site site;
    private final BiFunction<String, Instant, Instant> slots;

    PublishSlotText(Site site, BiFunction<String, Instant, Instant> slots) {
        this.site = site;
        this.slots = slots;
    }

    /**
     * {@code slot}: when the item goes out, in words (empty when the time cannot be read); {@code warning}: why the
     * planned time needs a look (empty when it does not).
     */
    Map<String, String> of(String publishAt, String accountId) {
        Instant now = site.clock().instant();
        Instant planned;
        try {
            planned = publishAt == null || publishAt.isBlank() ? null
                    : LocalDateTime.parse(publishAt.strip().replace(' ', 'T'), INPUT)
                    .atZone(site.config().timezone()).toInstant();
        } catch (DateTimeParseException e) {
            return Map.of("slot", "", "warning", "计划发布时间“" + publishAt + "”无法识别，请用日期时间选择器填写");
        }
        boolean past = planned != null && planned.isBefore(now);
        Instant from = planned == null || past ? now : planned.minusSeconds(1);
        Instant slot = slots.apply(account(accountId).cron(), from);
        if (slot == null) {
            return Map.of("slot", "", "warning", "公众号的发布时段之后不再有发布时间，请联系管理员检查发布时段设置");
        }
        String when = SLOT.format(ZonedDateTime.ofInstant(slot, site.config().timezone()));
        String text = "将在 " + when + " 的发布时段发布";
        return Map.of("slot", text, "warning", past ? "计划发布时间已经过去，审定后" + text + "（最早的发布时段）" : "");
    }

    private AccountConfig account(String id) {
        return site.config().accounts().stream().filter(a -> a.id().equals(id)).findFirst()
                .orElse(site.config().accounts().get(0));
    }
}

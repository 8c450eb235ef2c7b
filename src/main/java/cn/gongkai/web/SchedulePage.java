package cn.gongkai.web;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 排期 ({@code /schedule?month=YYYY-MM&account=ID}): a month calendar of planned and published articles per
 * account, the approved items waiting for the next slot, and each account's slots in words.
 */
final class SchedulePage {
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    /** What 排期 reads. */
    record Uses(ItemRepository items, Site site) {
    }

    private final Uses s;
    private final Views views;

    SchedulePage(Uses services, Views views) {
        this.s = services;
        this.views = views;
    }

    void register(RoutesConfig routes) {
        routes.get("/schedule", this::page);
    }

    private void page(Context ctx) {
        LocalDate today = s.site().today();
        YearMonth month = month(ctx, today);
        String account = ctx.queryParam("account") == null ? "" : ctx.queryParam("account");
        Map<LocalDate, List<Map<String, Object>>> byDay = new LinkedHashMap<>();
        List<Map<String, Object>> waiting = new ArrayList<>();
        placeItems(account, byDay, waiting);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("active", "schedule");
        model.put("month", month.toString());
        model.put("monthLabel", month.getYear() + " 年 " + month.getMonthValue() + " 月");
        model.put("prev", month.minusMonths(1).toString());
        model.put("next", month.plusMonths(1).toString());
        model.put("account", account);
        model.put("accounts", s.site().config().accounts().stream().map(a -> Map.of("id", a.id(), "name", a.name()))
                .toList());
        model.put("weeks", weeks(month, today, byDay));
        model.put("waiting", waiting);
        model.put("slots", slots());
        views.page(ctx, "schedule.ftlh", model);
    }

    private static YearMonth month(Context ctx, LocalDate today) {
        try {
            return ctx.queryParam("month") == null || ctx.queryParam("month").isBlank() ? YearMonth.from(today)
                    : YearMonth.parse(ctx.queryParam("month"));
        } catch (RuntimeException e) {
            return YearMonth.from(today);
        }
    }

    /** Sorts the account's live items into calendar days, or into the waiting list when they take the next slot. */
    private void placeItems(String account, Map<LocalDate, List<Map<String, Object>>> byDay,
                            List<Map<String, Object>> waiting) {
        List<DisclosureItem> items = new ArrayList<>(s.items().list(null));
        items.sort(Comparator.comparing(i -> when(i) == null ? Instant.MAX : when(i)));
        for (DisclosureItem i : items) {
            if (!account.isEmpty() && !account.equals(i.content().account())) {
                continue;
            }
            if (i.status() == ItemStatus.WITHDRAWN || i.status() == ItemStatus.REJECTED) {
                continue;
            }
            Instant at = when(i);
            if (at == null) {
                if (i.status() == ItemStatus.APPROVED) {
                    waiting.add(entry(i, ""));
                }
                continue;
            }
            ZonedDateTime z = at.atZone(views.zone());
            byDay.computeIfAbsent(z.toLocalDate(), d -> new ArrayList<>()).add(entry(i, HOUR_MINUTE.format(z)));
        }
    }

    private static List<List<Map<String, Object>>> weeks(YearMonth month, LocalDate today,
                                                         Map<LocalDate, List<Map<String, Object>>> byDay) {
        List<List<Map<String, Object>>> weeks = new ArrayList<>();
        LocalDate day = month.atDay(1).with(DayOfWeek.MONDAY);
        if (day.isAfter(month.atDay(1))) {
            day = day.minusWeeks(1);
        }
        while (!day.isAfter(month.atEndOfMonth())) {
            List<Map<String, Object>> week = new ArrayList<>();
            for (int d = 0; d < 7; d++) {
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("day", day.getDayOfMonth());
                cell.put("inMonth", YearMonth.from(day).equals(month));
                cell.put("today", day.equals(today));
                cell.put("entries", byDay.getOrDefault(day, List.of()));
                week.add(cell);
                day = day.plusDays(1);
            }
            weeks.add(week);
        }
        return weeks;
    }

    private List<Map<String, String>> slots() {
        List<Map<String, String>> slots = new ArrayList<>();
        for (AccountConfig a : s.site().config().accounts()) {
            slots.add(Map.of("id", a.id(), "name", a.name(), "slot", CronText.of(a.cron()),
                    "cap", a.dailyCap() > 0 ? "每天最多 " + a.dailyCap() + " 篇" : "",
                    "dryRun", a.dryRun() ? "演练模式：只建草稿，不发布" : ""));
        }
        return slots;
    }

    /** When the item goes out: its publish time once published, else its planned time (null: the next slot). */
    private static Instant when(DisclosureItem i) {
        if (i.status() == ItemStatus.PUBLISHED || i.status() == ItemStatus.CORRECTED) {
            return i.updatedAt();
        }
        return i.content().publishAt();
    }

    private Map<String, Object> entry(DisclosureItem i, String time) {
        return Map.of("id", i.id(), "title", i.title(), "status", i.status().name(), "statusLabel",
                i.status().label(), "time", time, "account", s.site().accountName(i.content().account()));
    }
}

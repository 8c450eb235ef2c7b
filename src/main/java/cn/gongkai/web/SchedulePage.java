package cn.gongkai.web;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.ItemHead;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.Scope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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

    /** What {@code schedule.ftlh} shows: the month's calendar for an account (empty: all), and what waits. */
    public record View(String month, String monthLabel, String prev, String next, String account,
                       List<AccountOption> accounts, List<List<Day>> weeks, List<Entry> waiting, List<Slot> slots) {
    }

    /** An account to choose. */
    public record AccountOption(String id, String name) {
    }

    /** One calendar day with its articles; {@code inMonth} false for the days of the neighbouring months. */
    public record Day(int day, boolean inMonth, boolean today, List<Entry> entries) {
    }

    /** An article on the calendar ({@code time}: its hour and minute) or waiting for the next slot. */
    public record Entry(long id, String title, String status, String statusLabel, String time, String account) {
    }

    /** An account's publishing slots in words, its daily cap and dry-run note (each empty when not set). */
    public record Slot(String id, String name, String slot, String cap, String dryRun) {
    }

    private void page(Context ctx) {
        LocalDate today = s.site().today();
        YearMonth month = month(ctx, today);
        Scope scope = ConsoleAccess.user(ctx).scope();
        String account = ctx.queryParam("account") == null || ctx.queryParam("account").isEmpty() ? ""
                : s.site().account(ctx.queryParam("account"), scope);
        Map<LocalDate, List<Entry>> byDay = new LinkedHashMap<>();
        List<Entry> waiting = s.items().approvedUnplanned(account.isEmpty() ? null : account, scope).stream()
                .map(i -> entry(i, "")).toList();
        placeItems(month, account, scope, byDay);
        views.page(ctx, "schedule", "schedule.ftlh", new View(month.toString(),
                month.getYear() + " 年 " + month.getMonthValue() + " 月", month.minusMonths(1).toString(),
                month.plusMonths(1).toString(), account, s.site().accounts(scope).stream()
                .map(a -> new AccountOption(a.id(), a.name())).toList(), weeks(month, today, byDay), waiting,
                slots(scope)));
    }

    private static YearMonth month(Context ctx, LocalDate today) {
        try {
            return ctx.queryParam("month") == null || ctx.queryParam("month").isBlank() ? YearMonth.from(today)
                    : YearMonth.parse(ctx.queryParam("month"));
        } catch (RuntimeException e) {
            return YearMonth.from(today);
        }
    }

    /** Puts the account's items going out in the month's calendar (whole weeks) on their days. */
    private void placeItems(YearMonth month, String account, Scope scope, Map<LocalDate, List<Entry>> byDay) {
        ZoneId zone = views.zone();
        List<ItemHead> items = s.items().calendar(account.isEmpty() ? null : account,
                firstDay(month).atStartOfDay(zone).toInstant(), lastDay(month).plusDays(1).atStartOfDay(zone)
                        .toInstant(), scope);
        for (ItemHead i : items) {
            ZonedDateTime z = i.goesOut().atZone(zone);
            byDay.computeIfAbsent(z.toLocalDate(), d -> new ArrayList<>()).add(entry(i, HOUR_MINUTE.format(z)));
        }
    }

    /** The Monday the month's calendar starts on. */
    private static LocalDate firstDay(YearMonth month) {
        LocalDate day = month.atDay(1).with(DayOfWeek.MONDAY);
        return day.isAfter(month.atDay(1)) ? day.minusWeeks(1) : day;
    }

    /** The Sunday the month's calendar ends on. */
    private static LocalDate lastDay(YearMonth month) {
        return month.atEndOfMonth().with(DayOfWeek.SUNDAY);
    }

    private static List<List<Day>> weeks(YearMonth month, LocalDate today, Map<LocalDate, List<Entry>> byDay) {
        List<List<Day>> weeks = new ArrayList<>();
        LocalDate day = firstDay(month);
        while (!day.isAfter(month.atEndOfMonth())) {
            List<Day> week = new ArrayList<>();
            for (int d = 0; d < 7; d++) {
                week.add(new Day(day.getDayOfMonth(), YearMonth.from(day).equals(month), day.equals(today),
                        byDay.getOrDefault(day, List.of())));
                day = day.plusDays(1);
            }
            weeks.add(week);
        }
        return weeks;
    }

    private List<Slot> slots(Scope scope) {
        List<Slot> slots = new ArrayList<>();
        for (AccountConfig a : s.site().accounts(scope)) {
            slots.add(new Slot(a.id(), a.name(), CronText.of(a.cron()),
                    a.dailyCap() > 0 ? "每天最多 " + a.dailyCap() + " 篇" : "", a.dryRun() ? "演练模式：只建草稿，不发布" : ""));
        }
        return slots;
    }

    private Entry entry(ItemHead i, String time) {
        return new Entry(i.id(), i.title(), i.status().name(), i.status().label(), time,
                s.site().accountName(i.account()));
    }
}

package cn.gongkai.report;

import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerRepository;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Counts a year's publications from the ledger. A year is counted by publish time in the configured zone. */
public final class Counter {
    private final LedgerRepository ledger;
    private final ZoneId zone;
    private final List<String> categoryOrder;

    public Counter(LedgerRepository ledger, ZoneId zone, List<String> categoryOrder) {
        this.ledger = ledger;
        this.zone = zone;
        this.categoryOrder = List.copyOf(categoryOrder);
    }

    public YearCounts count(int year, CountBy by) {
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("年份超出范围：" + year);
        }
        List<LedgerEntry> entries = ledger.between(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant(),
                LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant());
        Map<String, Integer> groups = new LinkedHashMap<>();
        if (by == CountBy.CATEGORY) {
            categoryOrder.forEach(c -> groups.put(c, 0));
        } else if (by == CountBy.MONTH) {
            for (int m = 1; m <= 12; m++) {
                groups.put(String.format("%d-%02d", year, m), 0);
            }
        }
        Set<String> pushes = new HashSet<>();
        for (LedgerEntry e : entries) {
            groups.merge(key(e, by), 1, Integer::sum);
            pushes.add(e.account() + "/" + e.mode() + "/" + (e.publishId().isEmpty() ? e.articleId() : e.publishId()));
        }
        return new YearCounts(year, by, entries.size(), pushes.size(), groups);
    }

    private String key(LedgerEntry e, CountBy by) {
        return switch (by) {
            case CATEGORY -> e.category();
            case MONTH -> {
                LocalDate d = e.publishedAt().atZone(zone).toLocalDate();
                yield String.format("%d-%02d", d.getYear(), d.getMonthValue());
            }
            case ACCOUNT -> e.account();
            case DEPARTMENT -> e.department().isEmpty() ? "（未填部门）" : e.department();
        };
    }
}

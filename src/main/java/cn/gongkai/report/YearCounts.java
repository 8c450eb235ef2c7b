package cn.gongkai.report;

import java.util.Map;

/**
 * Publications of one year (Asia/Shanghai by default): articles (条), pushes (次, one per publish job) and
 * articles per group, groups in a stable order.
 */
public record YearCounts(int year, CountBy by, int articles, int pushes, Map<String, Integer> groups) {
    public YearCounts {
        groups = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groups));
        int sum = groups.values().stream().mapToInt(Integer::intValue).sum();
        if (sum != articles) {
            throw new IllegalStateException("groups add up to " + sum + " but there are " + articles + " articles");
        }
    }
}

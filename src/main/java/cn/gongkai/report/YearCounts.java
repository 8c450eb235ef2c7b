package cn.gongkai.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publications of one year (Asia/Shanghai by default): articles (条), pushes (次, one per publish job) and articles
 * per group, groups in a stable order. A correction is not an article of its own; an article deleted later is an
 * article, and is also counted in {@code deleted}.
 *
 * @param corrections    rows that corrected an earlier article (not in {@code articles})
 * @param deleted        articles deleted from the account later (included in {@code articles})
 * @param deletedGroups  of the articles of each group, how many were deleted later; same keys as {@code groups}
 */
public record YearCounts(int year, CountBy by, int articles, int pushes, int corrections, int deleted,
                         Map<String, Integer> groups, Map<String, Integer> deletedGroups) {
    public YearCounts {
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        deletedGroups = Collections.unmodifiableMap(new LinkedHashMap<>(deletedGroups));
        int sum = groups.values().stream().mapToInt(Integer::intValue).sum();
        if (sum != articles) {
            throw new IllegalStateException("groups add up to " + sum + " but there are " + articles + " articles");
        }
        int deletedSum = deletedGroups.values().stream().mapToInt(Integer::intValue).sum();
        if (deletedSum != deleted || !deletedGroups.keySet().equals(groups.keySet())) {
            throw new IllegalStateException("deleted per group " + deletedGroups + " does not match " + deleted
                    + " deleted articles in groups " + groups.keySet());
        }
    }

    /** Counts with no correction and no deletion. */
    public YearCounts(int year, CountBy by, int articles, int pushes, Map<String, Integer> groups) {
        this(year, by, articles, pushes, 0, 0, groups, zeros(groups));
    }

    /**
     * The documented JSON shape (design.md §7), as ordered maps: {@code {"year":Y,"articles":N,"pushes":M,
     * "by":{"<key>":count,…}}}. Used by {@code counts --format json} and {@code GET /api/counts}.
     */
    public Map<String, Object> jsonShape() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("year", year);
        root.put("articles", articles);
        root.put("pushes", pushes);
        root.put("by", groups);
        return root;
    }

    private static Map<String, Integer> zeros(Map<String, Integer> groups) {
        Map<String, Integer> z = new LinkedHashMap<>();
        groups.keySet().forEach(k -> z.put(k, 0));
        return z;
    }
}

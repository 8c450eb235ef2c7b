package cn.gongkai.portal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 报区政府办 channel's counts of one year: packages sent (报送) and adopted (采用), by category, by month and by
 * both. An item counts once per portal, in the month it was sent, also when the adoption was recorded later.
 *
 * @param portalId  the portal counted, or null for all of them
 * @param cells     category → month (1–12) → counts, only cells with something sent
 */
public record PortalYearCounts(int year, String portalId, Count total, Map<String, Count> byCategory,
                               Map<Integer, Count> byMonth, Map<String, Map<Integer, Count>> cells) {

    /** Sent and adopted packages. */
    public record Count(int articles, int adopted) {
        public static final Count ZERO = new Count(0, 0);

        Count plus(boolean adoptedToo) {
            return new Count(articles + 1, adopted + (adoptedToo ? 1 : 0));
        }

        /** 采用率 in percent with one decimal, e.g. 41.7%; "—" when nothing was sent. */
        public String rate() {
            return articles == 0 ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * adopted / articles);
        }

        Map<String, Object> jsonShape() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("articles", articles);
            m.put("adopted", adopted);
            return m;
        }
    }

    /** The JSON document of {@code counts --channel portal --format json}. */
    public Map<String, Object> jsonShape() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("year", year);
        root.put("channel", "portal");
        root.put("portal", portalId);
        root.put("articles", total.articles());
        root.put("adopted", total.adopted());
        Map<String, Object> categories = new LinkedHashMap<>();
        byCategory.forEach((k, c) -> categories.put(k, c.jsonShape()));
        root.put("by", categories);
        Map<String, Object> months = new LinkedHashMap<>();
        byMonth.forEach((k, c) -> months.put(String.valueOf(k), c.jsonShape()));
        root.put("months", months);
        return root;
    }
}

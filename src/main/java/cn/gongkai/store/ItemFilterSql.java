package cn.gongkai.store;

import cn.gongkai.item.ItemQuery;
import cn.gongkai.item.ItemStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.statement.Query;

/**
 * The SQL of an {@link ItemQuery}: its filters as one WHERE clause on the {@code item} table itself (not through a
 * derived table, so that H2 and PostgreSQL can use the indexes of V17 and V19 for the filters and the order), its
 * order and its page, with the values to bind.
 */
final class ItemFilterSql {
    /** Newest change first, as the V19 index {@code item_newest} (V25 {@code item_unit_newest}) is ordered. */
    private static final String NEWEST = " ORDER BY updated_at DESC, created_at, id";
    /** The same order for one status, as {@code item_status_newest} is ordered (the status is the same in every row). */
    private static final String STATUS_NEWEST = " ORDER BY status, updated_at DESC, created_at, id";
    private static final String OLDEST = " ORDER BY created_at, id";

    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> binds = new HashMap<>();
    private final Map<String, List<String>> lists = new HashMap<>();
    private final ItemQuery query;

    ItemFilterSql(ItemQuery query) {
        this.query = query;
        where.add("item.deleted_at IS NULL");
        // one unit's lists read the V25 indexes that lead with unit_id (item_unit_newest, item_unit_status_newest)
        equal("item.unit_id", "unit", query.scope().unitId().orElse(null));
        if (query.statuses() != null) {
            // an empty set matches nothing; IN () is not valid SQL
            if (query.statuses().isEmpty()) {
                where.add("1 = 0");
            } else {
                where.add("item.status IN (<statuses>)");
                lists.put("statuses", query.statuses().stream().map(ItemStatus::name).sorted().toList());
            }
        }
        equal("item.category", "category", query.category());
        equal("item.account", "account", query.account());
        equal("item.important", "important", query.important());
        text(query.text());
        if (query.from() != null) {
            where.add("(item.publish_at >= :from AND item.publish_at < :until"
                    + " OR item.publish_at IS NULL AND item.updated_at >= :from AND item.updated_at < :until)");
            binds.put("from", query.from());
            binds.put("until", query.until());
        }
        if (query.authored() != null) {
            where.add("EXISTS (SELECT 1 FROM audit_log a WHERE a.actor = :actor AND a.item_id = item.id"
                    + " AND a.decision IN (<decisions>))");
            binds.put("actor", query.authored().actor());
            lists.put("decisions", query.authored().decisions().stream().sorted().toList());
        }
    }

    private void equal(String column, String name, Object value) {
        if (value != null) {
            where.add(column + " = :" + name);
            binds.put(name, value);
        }
    }

    /**
     * The text filter. Title and body are compared ignoring case, which costs H2 a LOWER() of every body it scans:
     * only worth it when the text has a letter with case (a text of Chinese characters, digits and punctuation finds
     * the same items either way). The id is compared only when the text is one written out.
     */
    private void text(String text) {
        if (text == null) {
            return;
        }
        boolean cased = text.codePoints().anyMatch(c -> Character.toLowerCase(c) != Character.toUpperCase(c));
        String title = cased ? "LOWER(item.title)" : "item.title";
        String body = cased ? "LOWER(item.body)" : "item.body";
        boolean id = text.matches("0|[1-9]\\d{0,17}");
        where.add("(" + (id ? "item.id = :id OR " : "") + title + " LIKE :lower ESCAPE '!' OR " + body
                + " LIKE :lower ESCAPE '!' OR item.doc_no LIKE :like ESCAPE '!'"
                + " OR item.department LIKE :like ESCAPE '!' OR item.author LIKE :like ESCAPE '!')");
        if (id) {
            binds.put("id", Long.parseLong(text));
        }
        binds.put("like", likePattern(text));
        binds.put("lower", likePattern(cased ? text.toLowerCase(Locale.ROOT) : text));
    }

    /**
     * A LIKE pattern finding {@code text} anywhere, with the pattern characters in it taken literally ({@code !}
     * escapes: Jdbi's statement parser treats a backslash as its own escape).
     */
    private static String likePattern(String text) {
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** {@code SELECT columns FROM item WHERE …} in the query's order and page. */
    String select(String columns) {
        return "SELECT " + columns + " FROM item " + whereAndOrder();
    }

    /** {@code WHERE …} in the query's order and page, on a table (or view) named {@code item}. */
    String whereAndOrder() {
        return "WHERE " + String.join(" AND ", where)
                + (!query.newestFirst() ? OLDEST : query.statuses() != null && query.statuses().size() == 1
                ? STATUS_NEWEST : NEWEST)
                + " OFFSET :offset ROWS" + (query.limit() > 0 ? " FETCH FIRST :limit ROWS ONLY" : "");
    }

    /** {@code SELECT COUNT(*) FROM item WHERE …}. */
    String count() {
        return "SELECT COUNT(*) FROM item WHERE " + String.join(" AND ", where);
    }

    /** Binds the filter's values to the statement (of {@link #count}). */
    Query bindFilter(Query q) {
        binds.forEach(q::bind);
        lists.forEach(q::bindList);
        return q;
    }

    /** Binds the filter's and the page's values to the statement (of {@link #select}). */
    Query bindAll(Query q) {
        bindFilter(q).bind("offset", query.offset());
        return query.limit() > 0 ? q.bind("limit", query.limit()) : q;
    }
}

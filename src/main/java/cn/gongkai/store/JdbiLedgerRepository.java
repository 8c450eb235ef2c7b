package cn.gongkai.store;

import cn.gongkai.item.Scope;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerRepository;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.report.CountBy;
import cn.gongkai.report.LedgerStatistics;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * The publication ledger and its counting queries. A duplicate (item, mode), or source key for rows without an item,
 * is looked for first and, should a concurrent writer win the race, the unique violation is undone at a savepoint:
 * either way {@link #record} returns false and the caller's transaction stays usable, on H2 and on PostgreSQL alike.
 * The first row of each push carries {@code push_head = 1}, so pushes add up like articles. Every write also adds
 * to the per-day summary ({@link JdbiLedgerSummary}) in the same transaction, and counting of whole days (a year, a
 * month) reads the summary; other intervals are one GROUP BY pass over the index {@code ledger_counts}.
 */
final class JdbiLedgerRepository implements LedgerRepository, LedgerStatistics {

    private static final int CHUNK = 1000;
    static final String COLUMNS = "id, item_id, account, mode, publish_id, article_id, article_index, url,"
            + " title, category, department, published_at, source, source_key, corrects_id, deleted_at";
    /** Totals of a group: articles, deleted articles, corrections, pushes (first rows of their push). */
    static final String SUMS = "COALESCE(SUM(CASE WHEN corrects_id IS NULL THEN 1 ELSE 0 END), 0) AS n,"
            + " COALESCE(SUM(CASE WHEN corrects_id IS NULL AND deleted_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS d,"
            + " COALESCE(SUM(CASE WHEN corrects_id IS NULL THEN 0 ELSE 1 END), 0) AS c,"
            + " COALESCE(SUM(push_head), 0) AS p";
    private static final String INSERT = "INSERT INTO ledger (item_id, account, mode, publish_id, article_id,"
            + " article_index, url, title, category, department, published_at, source, source_key, push_key,"
            + " push_head, corrects_id, deleted_at, unit_id) VALUES (:item, :account, :mode, :publishId, :articleId,"
            + " :index, :url, :title, :category, :department, :at, :source, :sourceKey, :pushKey, :pushHead,"
            + " :corrects, :deletedAt, COALESCE((SELECT unit_id FROM item WHERE id = :item), :unit))";

    /** Card pages kept at most (years × pages looked at); beyond it they are dropped. */
    private static final int KEPT_CARDS = 256;

    private final JdbiTransactions tx;
    private final JdbiLedgerSummary summary;
    /** Counting from the rows, when the summary cannot answer (stale, or a window not cut at midnight). */
    private final JdbiAccountsLedgerStatistics rows;
    /** The unit of a row without an item (imported from history): its account's. */
    private final UnitDirectory units;
    private final Map<List<Object>, KeptCard> cards = new java.util.concurrent.ConcurrentHashMap<>();

    JdbiLedgerRepository(JdbiTransactions tx, JdbiLedgerSummary summary, UnitDirectory units) {
        this.tx = tx;
        this.rows = JdbiAccountsLedgerStatistics.everyAccount(tx);
        this.summary = summary;
        this.units = units;
    }

    @Override
    public boolean record(LedgerEntry e) {
        try {
            return tx.call("cannot record " + describe(e) + " in the ledger", h -> {
                summary.lock(h);
                if (present(h, e)) {
                    return false;
                }
                boolean head = h.createQuery("SELECT COUNT(*) FROM ledger WHERE push_key = :key")
                        .bind("key", e.pushKey()).mapTo(Long.class).one() == 0;
                bind(h.createUpdate(INSERT), e, head).bind("unit", units.unitOf(e.account())).execute();
                DailyTally added = summary.tally();
                added.add(counted(e, head), 1);
                summary.apply(h, added);
                return true;
            });
        } catch (StoreException ex) {
            if (ex.isUniqueViolation()) {
                return false;
            }
            throw ex;
        }
    }

    @Override
    public int recordAll(List<LedgerEntry> entries) {
        return tx.call("cannot record " + entries.size() + " rows in the ledger", h -> {
            summary.lock(h);
            int added = 0;
            for (int from = 0; from < entries.size(); from += CHUNK) {
                List<LedgerEntry> chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
                Set<String> known = existingKeys(h, chunk);
                Set<String> pushes = existingPushes(h, chunk);
                PreparedBatch batch = h.prepareBatch(INSERT);
                DailyTally batched = summary.tally();
                int size = 0;
                for (LedgerEntry e : chunk) {
                    if (e.source() == LedgerSource.GONGKAI) {
                        if (size > 0) {
                            batch.execute();
                            added += size;
                            size = 0;
                            batch = h.prepareBatch(INSERT);
                        }
                        added += record(e) ? 1 : 0;
                        pushes.add(e.pushKey());
                    } else if (known.add(e.sourceKey())) {
                        boolean head = pushes.add(e.pushKey());
                        bind(batch, e, head).bind("unit", units.unitOf(e.account())).add();
                        batched.add(counted(e, head), 1);
                        size++;
                    }
                }
                if (size > 0) {
                    batch.execute();
                    added += size;
                }
                summary.apply(h, batched);
            }
            return added;
        });
    }

    @Override
    public List<LedgerEntry> between(Instant fromInclusive, Instant toExclusive, Scope scope) {
        return tx.call("cannot read the ledger from " + fromInclusive + " to " + toExclusive, h -> {
            Query q = h.createQuery("SELECT " + COLUMNS + " FROM ledger WHERE published_at >= :from"
                    + " AND published_at < :to" + (scope.isDistrict() ? "" : " AND unit_id = :unit")
                    + " ORDER BY published_at, id").bind("from", fromInclusive).bind("to", toExclusive);
            scope.unitId().ifPresent(unit -> q.bind("unit", unit));
            return q.map((rs, ctx) -> entry(rs)).list();
        });
    }

    /**
     * The 台账 card's page, kept between views while the ledger's write count ({@link JdbiLedgerSummary#writes})
     * is unchanged: counting and finding the pending rows of a year is a pass over its index entries, and 统计 asks
     * for it on every view (issue 16).
     */
    @Override
    public KeptPage keptPage(Instant from, Instant to, String pending, int limit, int offset, Scope scope) {
        java.util.OptionalLong writes = tx.call("cannot read the ledger's write count", summary::writes);
        String unit = scope.unitId().orElse(null);
        List<Object> key = List.of(from, to, String.valueOf(pending), limit, offset, String.valueOf(unit));
        KeptCard kept = cards.get(key);
        if (writes.isPresent() && kept != null && kept.writes() == writes.getAsLong()) {
            return kept.page();
        }
        KeptPage page = new JdbiLedgerCard(tx, unit).page(from, to, pending, limit, offset);
        if (writes.isPresent()) {
            if (cards.size() >= KEPT_CARDS) {
                cards.clear();
            }
            cards.put(key, new KeptCard(writes.getAsLong(), page));
        }
        return page;
    }

    /** A card page and the write count it was read at. */
    private record KeptCard(long writes, KeptPage page) {
    }

    @Override
    public List<LedgerEntry> between(Instant fromInclusive, Instant toExclusive, LedgerSource source) {
        return tx.call("cannot read the " + source.code() + " rows of the ledger from " + fromInclusive + " to "
                        + toExclusive,
                h -> h.createQuery("SELECT " + COLUMNS + " FROM ledger WHERE published_at >= :from"
                                + " AND published_at < :to AND source = :source ORDER BY published_at, id")
                        .bind("from", fromInclusive).bind("to", toExclusive).bind("source", source.code())
                        .map((rs, ctx) -> entry(rs))
                        .list());
    }

    @Override
    public Optional<LedgerEntry> find(long ledgerId, Scope scope) {
        return tx.call("cannot read ledger row " + ledgerId, h -> {
            Query q = h.createQuery("SELECT " + COLUMNS + " FROM ledger WHERE id = :id"
                    + (scope.isDistrict() ? "" : " AND unit_id = :unit")).bind("id", ledgerId);
            scope.unitId().ifPresent(unit -> q.bind("unit", unit));
            return q.map((rs, ctx) -> entry(rs)).findOne();
        });
    }

    @Override
    public Optional<LedgerEntry> findByItem(long itemId, String mode) {
        return tx.call("cannot read the ledger row of item " + itemId + " (" + mode + ")",
                h -> h.createQuery("SELECT " + COLUMNS + " FROM ledger WHERE item_id = :item AND mode = :mode")
                        .bind("item", itemId).bind("mode", mode)
                        .map((rs, ctx) -> entry(rs)).findOne());
    }

    @Override
    public boolean markCorrection(long correctionId, long originalId) {
        if (correctionId == originalId) {
            throw new IllegalArgumentException("ledger row " + correctionId + " cannot correct itself");
        }
        return tx.call("cannot mark ledger row " + correctionId + " as the correction of row " + originalId, h -> {
            if (find(originalId).isEmpty() || find(correctionId).isEmpty()) {
                return false;
            }
            Long step = originalId;
            while (step != null) {
                if (step == correctionId) {
                    throw new IllegalArgumentException("ledger row " + originalId + " already corrects row "
                            + correctionId + " (directly or through other corrections)");
                }
                step = find(step).map(LedgerEntry::correctsId).orElse(null);
            }
            return changing(h, correctionId, () -> h.createUpdate("UPDATE ledger SET corrects_id = :original"
                    + " WHERE id = :id").bind("original", originalId).bind("id", correctionId).execute() == 1);
        });
    }

    @Override
    public boolean markDeleted(long ledgerId, Instant at) {
        if (at == null) {
            throw new IllegalArgumentException("deletion time of ledger row " + ledgerId + " must not be null");
        }
        return tx.call("cannot mark ledger row " + ledgerId + " as deleted",
                h -> changing(h, ledgerId, () -> h.createUpdate("UPDATE ledger SET deleted_at = :at WHERE id = :id")
                        .bind("at", at).bind("id", ledgerId).execute() == 1));
    }

    @Override
    public boolean categorise(long ledgerId, String category) {
        if (category == null || category.isBlank()) {
            throw new IllegalArgumentException("category of ledger row " + ledgerId + " must not be blank");
        }
        return tx.call("cannot set the category of ledger row " + ledgerId,
                h -> changing(h, ledgerId, () -> h.createUpdate("UPDATE ledger SET category = :category"
                        + " WHERE id = :id").bind("category", category).bind("id", ledgerId).execute() == 1));
    }

    /** Locks row {@code id}, runs the update and moves the row's counts in the summary from before to after. */
    private boolean changing(Handle h, long id, BooleanSupplier update) {
        summary.lock(h);
        Optional<DailyTally.Row> before = summary.lockedRow(h, id);
        if (before.isEmpty() || !update.getAsBoolean()) {
            return false;
        }
        DailyTally moved = summary.tally();
        moved.add(before.get(), -1);
        moved.add(summary.lockedRow(h, id).orElseThrow(), 1);
        summary.apply(h, moved);
        return true;
    }

    private static DailyTally.Row counted(LedgerEntry e, boolean head) {
        return new DailyTally.Row(e.publishedAt(), e.account(), e.category(), e.department(), e.mode(),
                e.correctsId() != null, e.deletedAt() != null, head);
    }

    // ---- counting ----

    @Override
    public Totals totals(Instant from, Instant to) {
        Optional<List<LocalDate>> days = summary.days(List.of(from, to));
        if (days.isPresent() && from.isBefore(to)) {
            return summary.totals(days.get().get(0), days.get().get(1));
        }
        return rows.totals(from, to);
    }

    @Override
    public Tally byColumn(Instant from, Instant to, CountBy by) {
        if (by == CountBy.MONTH) {
            throw new IllegalArgumentException("months are counted by byInterval, not byColumn");
        }
        Optional<List<LocalDate>> days = summary.days(List.of(from, to));
        if (days.isPresent()) {
            return summary.byColumn(days.get().get(0), days.get().get(1), by);
        }
        return rows.byColumn(from, to, by);
    }

    @Override
    public Tally byInterval(List<Instant> bounds) {
        if (bounds.size() < 2) {
            throw new IllegalArgumentException("byInterval needs at least two bounds, got " + bounds.size());
        }
        for (int i = 1; i < bounds.size(); i++) {
            if (!bounds.get(i).isAfter(bounds.get(i - 1))) {
                throw new IllegalArgumentException("interval bounds must increase: " + bounds);
            }
        }
        Optional<List<LocalDate>> days = summary.days(bounds);
        if (days.isPresent()) {
            return summary.byInterval(days.get());
        }
        return rows.byInterval(bounds);
    }

    /** The SQL that numbers the interval [:b(i), :b(i+1)) a value of {@code column} falls in, 0 for the first. */
    static String bucket(String column, int bounds) {
        StringBuilder bucket = new StringBuilder("CASE");
        for (int i = 1; i < bounds - 1; i++) {
            bucket.append(" WHEN ").append(column).append(" < :b").append(i).append(" THEN ").append(i - 1);
        }
        return bucket.append(" ELSE ").append(bounds - 2).append(" END").toString();
    }

    /** "0", "1", … for {@code intervals} intervals: every interval is a group, even an empty one. */
    static List<String> intervalKeys(int intervals) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < intervals; i++) {
            keys.add(String.valueOf(i));
        }
        return keys;
    }

    /** Totals as the sums of the groups; groups without articles left out unless listed in {@code always}. */
    static Tally tally(List<Map.Entry<String, Totals>> rows, List<String> always) {
        Map<String, Group> groups = new LinkedHashMap<>();
        always.forEach(k -> groups.put(k, new Group(0, 0)));
        long articles = 0;
        long pushes = 0;
        long corrections = 0;
        long deleted = 0;
        for (Map.Entry<String, Totals> r : rows) {
            Totals t = r.getValue();
            articles += t.articles();
            pushes += t.pushes();
            corrections += t.corrections();
            deleted += t.deleted();
            if (t.articles() > 0 || always.contains(r.getKey())) {
                groups.merge(r.getKey(), new Group(t.articles(), t.deleted()),
                        (a, b) -> new Group(a.articles() + b.articles(), a.deleted() + b.deleted()));
            }
        }
        return new Tally(new Totals(articles, pushes, corrections, deleted), groups);
    }

    static Totals totals(ResultSet rs) throws SQLException {
        return new Totals(rs.getLong("n"), rs.getLong("p"), rs.getLong("c"), rs.getLong("d"));
    }

    // ---- rows ----

    private static boolean present(Handle h, LedgerEntry e) {
        if (e.source() == LedgerSource.GONGKAI) {
            return h.createQuery("SELECT COUNT(*) FROM ledger WHERE item_id = :item AND mode = :mode")
                    .bind("item", e.itemId()).bind("mode", e.mode()).mapTo(Long.class).one() > 0;
        }
        return h.createQuery("SELECT COUNT(*) FROM ledger WHERE source_key = :key")
                .bind("key", e.sourceKey()).mapTo(Long.class).one() > 0;
    }

    private static Set<String> existingKeys(Handle h, List<LedgerEntry> chunk) {
        List<String> keys = chunk.stream().filter(e -> e.source() != LedgerSource.GONGKAI)
                .map(LedgerEntry::sourceKey).toList();
        if (keys.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(h.createQuery("SELECT source_key FROM ledger WHERE source_key IN (<keys>)")
                .bindList("keys", keys).mapTo(String.class).list());
    }

    private static Set<String> existingPushes(Handle h, List<LedgerEntry> chunk) {
        List<String> keys = chunk.stream().map(LedgerEntry::pushKey).distinct().toList();
        return new HashSet<>(h.createQuery("SELECT DISTINCT push_key FROM ledger WHERE push_key IN (<keys>)")
                .bindList("keys", keys).mapTo(String.class).list());
    }

    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bind(T s, LedgerEntry e, boolean head) {
        return s.bind("item", e.itemId()).bind("account", e.account()).bind("mode", e.mode())
                .bind("publishId", e.publishId()).bind("articleId", e.articleId()).bind("index", e.index())
                .bind("url", e.url()).bind("title", e.title()).bind("category", e.category())
                .bind("department", e.department()).bind("at", e.publishedAt())
                .bind("source", e.source().code()).bind("sourceKey", e.sourceKey()).bind("pushKey", e.pushKey())
                .bind("corrects", e.correctsId()).bind("deletedAt", e.deletedAt()).bind("pushHead", head ? 1 : 0);
    }

    static LedgerEntry entry(ResultSet rs) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), Sql.nullableLong(rs, "item_id"), rs.getString("account"),
                rs.getString("mode"), rs.getString("publish_id"), rs.getString("article_id"),
                rs.getInt("article_index"), rs.getString("url"), rs.getString("title"), rs.getString("category"),
                rs.getString("department"), Sql.instant(rs, "published_at"),
                LedgerSource.ofCode(rs.getString("source")), rs.getString("source_key"),
                Sql.nullableLong(rs, "corrects_id"), Sql.instant(rs, "deleted_at"));
    }

    private static String describe(LedgerEntry e) {
        return e.source() == LedgerSource.GONGKAI ? "item " + e.itemId() + " (" + e.mode() + ")"
                : e.source() + " row " + e.sourceKey();
    }
}

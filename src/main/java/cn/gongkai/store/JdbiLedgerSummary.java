package cn.gongkai.store;

import cn.gongkai.report.CountBy;
import cn.gongkai.report.LedgerStatistics.Tally;
import cn.gongkai.report.LedgerStatistics.Totals;
import cn.gongkai.report.LedgerSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * The per-day summary of the ledger (V12, table {@code ledger_daily}): kept by {@link JdbiLedgerRepository} in the
 * transaction of each ledger write, read by counting when an interval starts and ends at midnight in the summary's
 * zone. Every ledger write first locks the one row of {@code ledger_daily_zone} ({@link #lock}), so ledger writers
 * (and a rebuild) take turns until they commit: no increment is lost, and writers that touch several summary rows in
 * different orders cannot deadlock each other. Ledger writes are few (an article at a time, an import at a time), so
 * taking turns costs nothing that matters. An increment is an UPDATE of the cell, or an INSERT when the cell is new;
 * should the INSERT meet a unique violation all the same, it is undone at a savepoint and the UPDATE repeated.
 */
final class JdbiLedgerSummary implements LedgerSummary {

    private static final String SUMS = "COALESCE(SUM(articles), 0) AS n, COALESCE(SUM(deleted), 0) AS d,"
            + " COALESCE(SUM(corrections), 0) AS c, COALESCE(SUM(pushes), 0) AS p";
    private static final String ROW = "published_at, account, category, department, mode, corrects_id, deleted_at,"
            + " push_head";
    private static final String ADD = "UPDATE ledger_daily SET articles = articles + :n, deleted = deleted + :d,"
            + " corrections = corrections + :c, pushes = pushes + :p"
            + " WHERE dim = :dim AND pub_day = :day AND group_key = :key";
    private static final String INSERT = "INSERT INTO ledger_daily (dim, pub_day, group_key, articles, deleted,"
            + " corrections, pushes) VALUES (:dim, :day, :key, :n, :d, :c, :p)";
    /** Totals and months read one dimension: every row is in each, and mode has the fewest groups. */
    private static final String ANY_DIMENSION = "mode";

    private final JdbiTransactions tx;
    private final ZoneId zone;

    JdbiLedgerSummary(JdbiTransactions tx, ZoneId zone) {
        this.tx = tx;
        this.zone = zone;
    }

    DailyTally tally() {
        return new DailyTally(zone);
    }

    // ---- keeping ----

    /**
     * Makes the caller's transaction the only ledger writer until it ends (see the class comment). When the summary
     * was cut in another zone (a process configured with another time zone rebuilt it), this writer cannot keep it
     * right: it is marked stale (zone '') so that nobody reads it until it is rebuilt, instead of mixing two zones.
     */
    void lock(Handle h) {
        Optional<String> cutIn = h.createQuery("SELECT zone FROM ledger_daily_zone FOR UPDATE").mapTo(String.class)
                .findFirst();
        if (cutIn.isPresent() && !cutIn.get().isEmpty() && !cutIn.get().equals(zone.getId())) {
            h.createUpdate("UPDATE ledger_daily_zone SET zone = ''").execute();
        }
        h.createUpdate("UPDATE ledger_daily_zone SET writes = writes + 1").execute();
    }

    /**
     * How many times a ledger writer has locked the ledger (V22): unchanged means no ledger row was added or changed
     * since, by any process. Empty when the row is missing (then nothing may be kept on its strength).
     */
    java.util.OptionalLong writes(Handle h) {
        return h.createQuery("SELECT writes FROM ledger_daily_zone").mapTo(Long.class).findFirst()
                .map(java.util.OptionalLong::of).orElse(java.util.OptionalLong.empty());
    }

    /** Whether the summary is cut in this zone and complete (then it may be read and kept). */
    private boolean current(Handle h) {
        return h.createQuery("SELECT zone FROM ledger_daily_zone").mapTo(String.class).findFirst()
                .filter(z -> z.equals(zone.getId())).isPresent();
    }

    /** Adds the tally's cells to the summary, in the caller's transaction (nothing while the summary is stale). */
    void apply(Handle h, DailyTally tally) {
        if (!current(h)) {
            return;
        }
        tally.cells().forEach((cell, counts) -> {
            if (bind(h.createUpdate(ADD), cell, counts).execute() == 0) {
                insertOrAdd(h, cell, counts);
            }
        });
    }

    private void insertOrAdd(Handle h, DailyTally.Cell cell, long[] counts) {
        try {
            tx.call("cannot add to the ledger summary",
                    nested -> bind(nested.createUpdate(INSERT), cell, counts).execute());
        } catch (StoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            bind(h.createUpdate(ADD), cell, counts).execute();
        }
    }

    /** The counted columns of ledger row {@code id}, locked until the transaction ends; empty when missing. */
    Optional<DailyTally.Row> lockedRow(Handle h, long id) {
        return h.createQuery("SELECT " + ROW + " FROM ledger WHERE id = :id FOR UPDATE").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    // ---- reading ----

    /** The days of {@code bounds} when each is a midnight in the summary's zone; empty otherwise. */
    Optional<List<LocalDate>> days(List<Instant> bounds) {
        if (!tx.call("cannot read the zone of the ledger summary", this::current)) {
            return Optional.empty();
        }
        List<LocalDate> days = new ArrayList<>();
        for (Instant b : bounds) {
            LocalDate day = LocalDate.ofInstant(b, zone);
            if (!day.atStartOfDay(zone).toInstant().equals(b)) {
                return Optional.empty();
            }
            days.add(day);
        }
        return Optional.of(days);
    }

    Totals totals(LocalDate from, LocalDate to) {
        return tx.call("cannot count the ledger summary from " + from + " to " + to,
                h -> h.createQuery("SELECT " + SUMS + " FROM ledger_daily WHERE dim = :dim"
                                + " AND pub_day >= :from AND pub_day < :to")
                        .bind("dim", ANY_DIMENSION).bind("from", from).bind("to", to)
                        .map((rs, ctx) -> JdbiLedgerRepository.totals(rs)).one());
    }

    Tally byColumn(LocalDate from, LocalDate to, CountBy by) {
        String dim = DailyTally.DIMENSIONS.get(by);
        return tx.call("cannot count the ledger summary by " + dim + " from " + from + " to " + to,
                h -> JdbiLedgerRepository.tally(h.createQuery("SELECT group_key AS k, " + SUMS + " FROM ledger_daily"
                                + " WHERE dim = :dim AND pub_day >= :from AND pub_day < :to"
                                + " GROUP BY group_key ORDER BY group_key")
                        .bind("dim", dim).bind("from", from).bind("to", to)
                        .map((rs, ctx) -> Map.entry(rs.getString("k"), JdbiLedgerRepository.totals(rs))).list(),
                        List.of()));
    }

    Tally byInterval(List<LocalDate> bounds) {
        String bucket = JdbiLedgerRepository.bucket("pub_day", bounds.size());
        int last = bounds.size() - 1;
        List<String> keys = JdbiLedgerRepository.intervalKeys(last);
        return tx.call("cannot count the ledger summary per interval from " + bounds.get(0), h -> {
            Query q = h.createQuery("SELECT bucket AS k, " + SUMS + " FROM (SELECT " + bucket + " AS bucket,"
                    + " articles, deleted, corrections, pushes FROM ledger_daily WHERE dim = :dim"
                    + " AND pub_day >= :b0 AND pub_day < :b" + last + ") t GROUP BY bucket").bind("dim", ANY_DIMENSION);
            for (int i = 0; i < bounds.size(); i++) {
                q.bind("b" + i, bounds.get(i));
            }
            return JdbiLedgerRepository.tally(q.map((rs, ctx) -> Map.entry(String.valueOf(rs.getInt("k")),
                    JdbiLedgerRepository.totals(rs))).list(), keys);
        });
    }

    // ---- rebuilding and checking ----

    /** Rebuilds the summary when it was cut in another zone or never filled (zone '': a ledger older than V12). */
    void ensureCurrent() {
        if (!tx.call("cannot read the zone of the ledger summary", this::current)) {
            rebuild(true);
        }
    }

    @Override
    public long rebuild() {
        return rebuild(false);
    }

    /** Rebuilds the summary; with {@code onlyIfStale}, not when another process rebuilt it while this one waited. */
    private long rebuild(boolean onlyIfStale) {
        return tx.call("cannot rebuild the ledger summary", h -> {
            // Writers wait until the summary is rebuilt; the ledger read below then sees every committed row.
            lock(h);
            if (onlyIfStale && current(h)) {
                return 0L;
            }
            h.execute("DELETE FROM ledger_daily");
            long[] rows = {0};
            DailyTally tally = countLedger(h, rows);
            PreparedBatch batch = h.prepareBatch(INSERT);
            tally.cells().forEach((cell, counts) -> bind(batch, cell, counts).add());
            if (batch.size() > 0) {
                batch.execute();
            }
            if (h.createUpdate("UPDATE ledger_daily_zone SET zone = :zone").bind("zone", zone.getId()).execute() == 0) {
                h.createUpdate("INSERT INTO ledger_daily_zone (zone) VALUES (:zone)").bind("zone", zone.getId())
                        .execute();
            }
            return rows[0];
        });
    }

    @Override
    public List<String> differences(int limit) {
        return tx.call("cannot compare the ledger summary with the ledger", h -> {
            Map<DailyTally.Cell, long[]> ledger = countLedger(h, new long[1]).cells();
            DailyTally stored = tally();
            h.createQuery("SELECT dim, pub_day, group_key, articles, deleted, corrections, pushes FROM ledger_daily")
                    .map((rs, ctx) -> Map.entry(new DailyTally.Cell(rs.getString("dim"),
                            rs.getObject("pub_day", LocalDate.class), rs.getString("group_key")),
                            new long[] {rs.getLong("articles"), rs.getLong("deleted"), rs.getLong("corrections"),
                                rs.getLong("pushes")}))
                    .forEach(cell -> stored.add(cell.getKey(), cell.getValue()));
            return SummaryDifferences.describe(stored.cells(), ledger, limit);
        });
    }

    /** The ledger counted row by row in Java, so that days are cut in the zone the same way as by the writers. */
    private DailyTally countLedger(Handle h, long[] rows) {
        DailyTally tally = tally();
        h.createQuery("SELECT " + ROW + " FROM ledger").setFetchSize(10_000).map((rs, ctx) -> row(rs))
                .forEach(r -> {
                    tally.add(r, 1);
                    rows[0]++;
                });
        return tally;
    }

    static DailyTally.Row row(ResultSet rs) throws SQLException {
        return new DailyTally.Row(Sql.instant(rs, "published_at"), rs.getString("account"),
                rs.getString("category"), rs.getString("department"), rs.getString("mode"),
                Sql.nullableLong(rs, "corrects_id") != null, Sql.instant(rs, "deleted_at") != null,
                rs.getInt("push_head") == 1);
    }

    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bind(T s, DailyTally.Cell cell,
                                                                               long[] counts) {
        return s.bind("dim", cell.dim()).bind("day", cell.day()).bind("key", cell.key()).bind("n", counts[0])
                .bind("d", counts[1]).bind("c", counts[2]).bind("p", counts[3]);
    }
}

package cn.gongkai.store;

import cn.gongkai.report.CountBy;
import cn.gongkai.report.LedgerStatistics;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.Query;

/**
 * The ledger counted for some accounts only — a unit's, in a district where each account belongs to one unit. Read
 * from the ledger rows themselves (the per-day summary has no account beside its other columns); a unit's ledger is
 * a few hundred rows a year, read through the covering index on the publication time. Articles, pushes, corrections and deletions are
 * counted exactly as {@link JdbiLedgerRepository} counts the whole ledger.
 */
final class JdbiAccountsLedgerStatistics implements LedgerStatistics {
    private final JdbiTransactions tx;
    private final List<String> accounts;

    JdbiAccountsLedgerStatistics(JdbiTransactions tx, Collection<String> accounts) {
        this.tx = tx;
        this.accounts = List.copyOf(accounts);
    }

    @Override
    public Totals totals(Instant from, Instant to) {
        if (accounts.isEmpty()) {
            return new Totals(0, 0, 0, 0);
        }
        return tx.call("cannot count the ledger of " + accounts + " from " + from + " to " + to,
                h -> h.createQuery("SELECT " + JdbiLedgerRepository.SUMS + " FROM ledger WHERE account IN (<accounts>)"
                                + " AND published_at >= :from AND published_at < :to")
                        .bindList("accounts", accounts).bind("from", from).bind("to", to)
                        .map((rs, ctx) -> JdbiLedgerRepository.totals(rs)).one());
    }

    @Override
    public Tally byColumn(Instant from, Instant to, CountBy by) {
        String column = switch (by) {
            case CATEGORY -> "category";
            case ACCOUNT -> "account";
            case DEPARTMENT -> "department";
            case MODE -> "mode";
            case MONTH -> throw new IllegalArgumentException("months are counted by byInterval, not byColumn");
        };
        if (accounts.isEmpty()) {
            return JdbiLedgerRepository.tally(List.of(), List.of());
        }
        String key = "COALESCE(" + column + ", '')";
        return tx.call("cannot count the ledger of " + accounts + " by " + column,
                h -> JdbiLedgerRepository.tally(h.createQuery("SELECT " + key + " AS k, " + JdbiLedgerRepository.SUMS
                                + " FROM ledger WHERE account IN (<accounts>) AND published_at >= :from"
                                + " AND published_at < :to GROUP BY " + key + " ORDER BY " + key)
                        .bindList("accounts", accounts).bind("from", from).bind("to", to)
                        .map((rs, ctx) -> Map.entry(rs.getString("k"), JdbiLedgerRepository.totals(rs))).list(),
                        List.of()));
    }

    @Override
    public Tally byInterval(List<Instant> bounds) {
        if (bounds.size() < 2) {
            throw new IllegalArgumentException("byInterval needs at least two bounds, got " + bounds.size());
        }
        int last = bounds.size() - 1;
        List<String> keys = JdbiLedgerRepository.intervalKeys(last);
        if (accounts.isEmpty()) {
            return JdbiLedgerRepository.tally(List.of(), keys);
        }
        String bucket = JdbiLedgerRepository.bucket("published_at", bounds.size());
        return tx.call("cannot count the ledger of " + accounts + " per interval", h -> {
            Query q = h.createQuery("SELECT bucket AS k, " + JdbiLedgerRepository.SUMS + " FROM (SELECT " + bucket
                    + " AS bucket, corrects_id, deleted_at, push_head FROM ledger WHERE account IN (<accounts>)"
                    + " AND published_at >= :b0 AND published_at < :b" + last + ") t GROUP BY bucket")
                    .bindList("accounts", accounts);
            for (int i = 0; i < bounds.size(); i++) {
                q.bind("b" + i, bounds.get(i));
            }
            return JdbiLedgerRepository.tally(q.map((rs, ctx) -> Map.entry(String.valueOf(rs.getInt("k")),
                    JdbiLedgerRepository.totals(rs))).list(), keys);
        });
    }
}

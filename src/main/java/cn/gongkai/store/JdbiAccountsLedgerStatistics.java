package cn.gongkai.store;

import cn.gongkai.report.CountBy;
import cn.gongkai.report.LedgerStatistics;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.Query;

/**
 * The ledger counted from its rows, not from the per-day summary: for the whole ledger when the summary cannot
 * answer ({@link JdbiLedgerRepository} falls back to it), or for some accounts only — a unit's, in a district where
 * each account belongs to one unit (the summary has no account beside its other columns; a unit's ledger is a few
 * hundred rows a year, read through the covering index on the publication time). Articles, pushes, corrections and
 * deletions are counted the same way in both.
 */
final class JdbiAccountsLedgerStatistics implements LedgerStatistics {
    private final JdbiTransactions tx;
    /** The accounts counted; null for every row of the ledger. */
    private final List<String> accounts;

    private JdbiAccountsLedgerStatistics(JdbiTransactions tx, List<String> accounts) {
        this.tx = tx;
        this.accounts = accounts;
    }

    /** Every row of the ledger. */
    static JdbiAccountsLedgerStatistics everyAccount(JdbiTransactions tx) {
        return new JdbiAccountsLedgerStatistics(tx, null);
    }

    /** The rows of {@code accounts} only. */
    static JdbiAccountsLedgerStatistics of(JdbiTransactions tx, Collection<String> accounts) {
        return new JdbiAccountsLedgerStatistics(tx, List.copyOf(accounts));
    }

    private boolean none() {
        return accounts != null && accounts.isEmpty();
    }

    /** The condition on the account, before the time window's. */
    private String accountFilter() {
        return accounts == null ? "" : "account IN (<accounts>) AND ";
    }

    private <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bindAccounts(T statement) {
        return accounts == null ? statement : statement.bindList("accounts", accounts);
    }

    @Override
    public Totals totals(Instant from, Instant to) {
        if (none()) {
            return new Totals(0, 0, 0, 0);
        }
        return tx.call("cannot count the ledger from " + from + " to " + to,
                h -> bindAccounts(h.createQuery("SELECT " + JdbiLedgerRepository.SUMS + " FROM ledger WHERE "
                                + accountFilter() + "published_at >= :from AND published_at < :to"))
                        .bind("from", from).bind("to", to)
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
        if (none()) {
            return JdbiLedgerRepository.tally(List.of(), List.of());
        }
        String key = "COALESCE(" + column + ", '')";
        return tx.call("cannot count the ledger by " + column + " from " + from + " to " + to,
                h -> JdbiLedgerRepository.tally(bindAccounts(h.createQuery("SELECT " + key + " AS k, "
                                + JdbiLedgerRepository.SUMS + " FROM ledger WHERE " + accountFilter()
                                + "published_at >= :from AND published_at < :to GROUP BY " + key + " ORDER BY " + key))
                        .bind("from", from).bind("to", to)
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
        if (none()) {
            return JdbiLedgerRepository.tally(List.of(), keys);
        }
        String bucket = JdbiLedgerRepository.bucket("published_at", bounds.size());
        return tx.call("cannot count the ledger per interval from " + bounds.get(0) + " to " + bounds.get(last), h -> {
            Query q = bindAccounts(h.createQuery("SELECT bucket AS k, " + JdbiLedgerRepository.SUMS + " FROM (SELECT "
                    + bucket + " AS bucket, corrects_id, deleted_at, push_head FROM ledger WHERE " + accountFilter()
                    + "published_at >= :b0 AND published_at < :b" + last + ") t GROUP BY bucket"));
            for (int i = 0; i < bounds.size(); i++) {
                q.bind("b" + i, bounds.get(i));
            }
            return JdbiLedgerRepository.tally(q.map((rs, ctx) -> Map.entry(String.valueOf(rs.getInt("k")),
                    JdbiLedgerRepository.totals(rs))).list(), keys);
        });
    }
}

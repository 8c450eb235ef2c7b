package cn.gongkai.store;

import cn.gongkai.publish.PublishCallBudget;
import java.time.LocalDate;

/**
 * Daily call counters in {@code call_budget}. {@link #take} is one conditional UPDATE, so concurrent processes never
 * spend more than the limit; the day's row is created on first use (a concurrent creator's unique violation is
 * undone at a savepoint and the update tried again).
 */
final class JdbiPublishCallBudget implements PublishCallBudget {

    private final JdbiTransactions tx;

    JdbiPublishCallBudget(JdbiTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean take(String account, String endpoint, LocalDate day, int limit) {
        String what = "cannot count a " + endpoint + " call of account " + account;
        if (increment(what, account, endpoint, day, limit)) {
            return true;
        }
        if (used(account, endpoint, day) > 0 || limit <= 0) {
            return false;
        }
        try {
            tx.call(what, h -> h.createUpdate("INSERT INTO call_budget (account, endpoint, on_day, used)"
                            + " VALUES (:account, :endpoint, :day, 1)")
                    .bind("account", account).bind("endpoint", endpoint).bind("day", day.toString()).execute());
            return true;
        } catch (StoreException e) {
            if (e.isUniqueViolation()) {
                return increment(what, account, endpoint, day, limit);
            }
            throw e;
        }
    }

    private boolean increment(String what, String account, String endpoint, LocalDate day, int limit) {
        return tx.call(what, h -> h.createUpdate("UPDATE call_budget SET used = used + 1 WHERE account = :account"
                        + " AND endpoint = :endpoint AND on_day = :day AND used < :limit")
                .bind("account", account).bind("endpoint", endpoint).bind("day", day.toString())
                .bind("limit", limit).execute() == 1);
    }

    @Override
    public int used(String account, String endpoint, LocalDate day) {
        return tx.call("cannot read the " + endpoint + " calls of account " + account, h -> h.createQuery(
                        "SELECT used FROM call_budget WHERE account = :account AND endpoint = :endpoint AND on_day = :day")
                .bind("account", account).bind("endpoint", endpoint).bind("day", day.toString())
                .mapTo(Integer.class).findOne().orElse(0));
    }
}

package cn.gongkai.store;

import cn.gongkai.publish.CallCounter;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * WeChat calls per account, API and day in {@code wechat_call_count}. The conditional UPDATE takes the row lock, so
 * processes sharing the database never count past the maximum together; the first call of a day inserts the row and,
 * when another process inserted it first, counts again through the UPDATE.
 */
final class JdbiCallCounter implements CallCounter {

    private final JdbiTransactions tx;

    JdbiCallCounter(JdbiTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean tryAdd(String account, String api, LocalDate day, long max) {
        if (max <= 0) {
            return false;
        }
        String what = "cannot count a WeChat " + api + " call of account " + account;
        try {
            return tx.call(what, h -> increment(h, account, api, day, max) || insertFirst(h, account, api, day));
        } catch (StoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            return tx.call(what, h -> increment(h, account, api, day, max));
        }
    }

    @Override
    public Map<String, Long> counts(String account, LocalDate day) {
        return tx.call("cannot read WeChat call counts of account " + account, h -> {
            Map<String, Long> out = new TreeMap<>();
            h.createQuery("SELECT api, calls FROM wechat_call_count WHERE account = :account AND call_day = :day")
                    .bind("account", account).bind("day", day)
                    .map((rs, ctx) -> Map.entry(rs.getString("api"), rs.getLong("calls")))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    private static boolean increment(Handle h, String account, String api, LocalDate day, long max) {
        return h.createUpdate("UPDATE wechat_call_count SET calls = calls + 1"
                        + " WHERE account = :account AND api = :api AND call_day = :day AND calls < :max")
                .bind("account", account).bind("api", api).bind("day", day).bind("max", max)
                .execute() == 1;
    }

    /** Inserts the day's first call when there is no row yet; false when the row exists (the maximum is reached). */
    private static boolean insertFirst(Handle h, String account, String api, LocalDate day) {
        boolean exists = h.createQuery("SELECT COUNT(*) FROM wechat_call_count"
                        + " WHERE account = :account AND api = :api AND call_day = :day")
                .bind("account", account).bind("api", api).bind("day", day).mapTo(Long.class).one() > 0;
        if (exists) {
            return false;
        }
        h.createUpdate("INSERT INTO wechat_call_count (account, api, call_day, calls) VALUES (:account, :api, :day, 1)")
                .bind("account", account).bind("api", api).bind("day", day).execute();
        return true;
    }
}

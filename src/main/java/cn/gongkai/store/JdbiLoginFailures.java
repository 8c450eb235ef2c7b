package cn.gongkai.store;

import cn.gongkai.review.LoginFailures;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Failed console logins in {@code login_failure} (V23), shared by every node. */
final class JdbiLoginFailures implements LoginFailures {

    private final JdbiTransactions tx;

    JdbiLoginFailures(JdbiTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void record(Collection<String> keys, Instant at, Instant forgetBefore) {
        tx.call("cannot record a failed login", h -> {
            h.createUpdate("DELETE FROM login_failure WHERE failed_at < :before").bind("before", forgetBefore)
                    .execute();
            for (String key : keys) {
                h.createUpdate("INSERT INTO login_failure (throttle_key, failed_at) VALUES (:key, :at)")
                        .bind("key", key).bind("at", at).execute();
            }
            return null;
        });
    }

    @Override
    public List<Instant> since(String key, Instant from) {
        return tx.call("cannot read failed logins",
                h -> h.createQuery("SELECT failed_at FROM login_failure WHERE throttle_key = :key"
                                + " AND failed_at > :from ORDER BY failed_at").bind("key", key).bind("from", from)
                        .map((rs, ctx) -> Sql.instant(rs, "failed_at")).list());
    }

    @Override
    public void forget(String key) {
        tx.call("cannot clear failed logins",
                h -> h.createUpdate("DELETE FROM login_failure WHERE throttle_key = :key").bind("key", key).execute());
    }
}

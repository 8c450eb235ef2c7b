package cn.gongkai.store;

import cn.gongkai.publish.MediaCache;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Upload results per account, kind and content hash; remembering a hash again replaces the earlier value. */
final class JdbiMediaCache implements MediaCache {

    private final JdbiTransactions tx;

    JdbiMediaCache(JdbiTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<String> find(String account, Kind kind, String sha256) {
        return tx.call("cannot read media cache of account " + account,
                h -> h.createQuery("SELECT media_value FROM media_cache"
                                + " WHERE account = :account AND kind = :kind AND sha256 = :sha")
                        .bind("account", account).bind("kind", kind.name()).bind("sha", sha256)
                        .mapTo(String.class).findOne());
    }

    @Override
    public void remember(String account, Kind kind, String sha256, String value) {
        String what = "cannot remember " + kind + " " + sha256 + " of account " + account;
        try {
            tx.call(what, h -> {
                if (update(h, account, kind, sha256, value) == 0) {
                    h.createUpdate("INSERT INTO media_cache (account, kind, sha256, media_value)"
                                    + " VALUES (:account, :kind, :sha, :value)")
                            .bind("account", account).bind("kind", kind.name()).bind("sha", sha256)
                            .bind("value", value).execute();
                }
                return null;
            });
        } catch (StoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            tx.call(what, h -> update(h, account, kind, sha256, value));
        }
    }

    private static int update(Handle h, String account, Kind kind, String sha256, String value) {
        return h.createUpdate("UPDATE media_cache SET media_value = :value"
                        + " WHERE account = :account AND kind = :kind AND sha256 = :sha")
                .bind("account", account).bind("kind", kind.name()).bind("sha", sha256).bind("value", value)
                .execute();
    }
}

package cn.gongkai.store;

import cn.gongkai.review.FormTokens;
import java.time.Instant;
import java.util.Optional;

/** The editor's one-time form tokens in {@code form_token}, keyed by the SHA-256 of the token. */
final class JdbiFormTokens implements FormTokens {

    private final JdbiTransactions tx;

    JdbiFormTokens(JdbiTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void issue(Issued t) {
        tx.call("cannot store a form token of " + t.user(), h -> {
            h.createUpdate("DELETE FROM form_token WHERE expires_at < :now").bind("now", t.issuedAt()).execute();
            return h.createUpdate("INSERT INTO form_token (token_hash, user_name, scope, issued_at, expires_at)"
                            + " VALUES (:hash, :user, :scope, :issued, :expires)")
                    .bind("hash", t.tokenHash()).bind("user", t.user()).bind("scope", t.scope())
                    .bind("issued", t.issuedAt()).bind("expires", t.expiresAt()).execute();
        });
    }

    @Override
    public Optional<Issued> find(String tokenHash) {
        return tx.call("cannot read a form token",
                h -> h.createQuery("SELECT token_hash, user_name, scope, issued_at, expires_at, used_at, item_id"
                                + " FROM form_token WHERE token_hash = :hash").bind("hash", tokenHash)
                        .map((rs, ctx) -> new Issued(rs.getString("token_hash"), rs.getString("user_name"),
                                rs.getString("scope"), Sql.instant(rs, "issued_at"), Sql.instant(rs, "expires_at"),
                                Sql.instant(rs, "used_at"), Sql.nullableLong(rs, "item_id")))
                        .findOne());
    }

    @Override
    public boolean claim(String tokenHash, String user, String scope, Instant now) {
        return tx.call("cannot claim a form token", h -> h.createUpdate("UPDATE form_token SET used_at = :now"
                        + " WHERE token_hash = :hash AND user_name = :user AND scope = :scope AND used_at IS NULL"
                        + " AND expires_at > :now")
                .bind("now", now).bind("hash", tokenHash).bind("user", user).bind("scope", scope).execute()) == 1;
    }

    @Override
    public void complete(String tokenHash, long itemId) {
        tx.call("cannot complete a form token", h -> h.createUpdate(
                        "UPDATE form_token SET item_id = :item WHERE token_hash = :hash")
                .bind("item", itemId).bind("hash", tokenHash).execute());
    }

    @Override
    public void release(String tokenHash) {
        tx.call("cannot release a form token", h -> h.createUpdate(
                        "UPDATE form_token SET used_at = NULL WHERE token_hash = :hash AND item_id IS NULL")
                .bind("hash", tokenHash).execute());
    }
}

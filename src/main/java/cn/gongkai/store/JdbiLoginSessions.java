package cn.gongkai.store;

import cn.gongkai.review.LoginSessions;
import java.time.Instant;
import java.util.Optional;

/** Console sessions in {@code console_session}, keyed by the SHA-256 of the session id. */
final class JdbiLoginSessions implements LoginSessions {

    private final JdbiTransactions tx;

    JdbiLoginSessions(JdbiTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(Stored s) {
        tx.call("cannot store a console session of " + s.user(), h -> {
            h.createUpdate("DELETE FROM console_session WHERE id_hash = :id").bind("id", s.idHash()).execute();
            return h.createUpdate("INSERT INTO console_session (id_hash, user_name, csrf, created_at, last_seen)"
                            + " VALUES (:id, :user, :csrf, :created, :seen)")
                    .bind("id", s.idHash()).bind("user", s.user()).bind("csrf", s.csrf())
                    .bind("created", s.createdAt()).bind("seen", s.lastSeen()).execute();
        });
    }

    @Override
    public Optional<Stored> find(String idHash) {
        return tx.call("cannot read a console session",
                h -> h.createQuery("SELECT id_hash, user_name, csrf, created_at, last_seen FROM console_session"
                                + " WHERE id_hash = :id").bind("id", idHash)
                        .map((rs, ctx) -> new Stored(rs.getString("id_hash"), rs.getString("user_name"),
                                rs.getString("csrf"), Sql.instant(rs, "created_at"), Sql.instant(rs, "last_seen")))
                        .findOne());
    }

    @Override
    public void touch(String idHash, Instant lastSeen) {
        tx.call("cannot touch a console session", h -> h.createUpdate("UPDATE console_session SET last_seen = :seen"
                + " WHERE id_hash = :id").bind("seen", lastSeen).bind("id", idHash).execute());
    }

    @Override
    public void notice(String idHash, Notice notice) {
        tx.call("cannot keep a notice for a console session",
                h -> h.createUpdate("UPDATE console_session SET notice = :text, notice_error = :error"
                        + " WHERE id_hash = :id").bind("text", notice.text()).bind("error", notice.error())
                        .bind("id", idHash).execute());
    }

    @Override
    public Optional<Notice> takeNotice(String idHash) {
        return tx.call("cannot read the notice of a console session", h -> {
            Optional<Notice> kept = h.createQuery("SELECT notice, notice_error FROM console_session"
                            + " WHERE id_hash = :id AND notice IS NOT NULL").bind("id", idHash)
                    .map((rs, ctx) -> new Notice(rs.getString("notice"), rs.getBoolean("notice_error"))).findOne();
            // taken once: only the request that clears it shows it (another node's request may race for it)
            if (kept.isEmpty() || h.createUpdate("UPDATE console_session SET notice = NULL, notice_error = FALSE"
                    + " WHERE id_hash = :id AND notice = :text").bind("id", idHash).bind("text", kept.get().text())
                    .execute() == 0) {
                return Optional.empty();
            }
            return kept.filter(n -> !n.text().isEmpty());
        });
    }

    @Override
    public void delete(String idHash) {
        tx.call("cannot end a console session", h -> h.createUpdate("DELETE FROM console_session WHERE id_hash = :id")
                .bind("id", idHash).execute());
    }

    @Override
    public void deleteUser(String user) {
        tx.call("cannot end the console sessions of " + user, h -> h.createUpdate(
                "DELETE FROM console_session WHERE user_name = :user").bind("user", user).execute());
    }

    @Override
    public int deleteIdleSince(Instant cutoff) {
        return tx.call("cannot remove idle console sessions", h -> h.createUpdate(
                "DELETE FROM console_session WHERE last_seen < :cutoff").bind("cutoff", cutoff).execute());
    }
}

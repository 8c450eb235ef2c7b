package cn.gongkai.review;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the console keeps its logged-in sessions, so that a restart of the service does not log everyone out.
 * Sessions are found by the SHA-256 of their id: the stored rows alone cannot be replayed as cookies.
 */
public interface LoginSessions {

    /**
     * One stored session.
     *
     * @param idHash   hex SHA-256 of the session id the browser holds
     * @param csrf     the session's CSRF token
     * @param lastSeen when the session was last used (a little behind: not every request writes)
     */
    record Stored(String idHash, String user, String csrf, Instant createdAt, Instant lastSeen) {
        public Stored {
            if (idHash == null || !idHash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("session idHash must be 64 lowercase hex digits");
            }
            if (user == null || user.isBlank()) {
                throw new IllegalArgumentException("session user must not be blank");
            }
            if (csrf == null || csrf.isBlank()) {
                throw new IllegalArgumentException("session csrf must not be blank");
            }
            if (createdAt == null || lastSeen == null) {
                throw new IllegalArgumentException("session times must not be null");
            }
        }
    }

    void save(Stored session);

    Optional<Stored> find(String idHash);

    void touch(String idHash, Instant lastSeen);

    void delete(String idHash);

    /** Ends every session of the user. */
    void deleteUser(String user);

    /**
     * A message shown once on the session's next page, on whichever node serves it.
     *
     * @param error whether it reports a failure (shown as such)
     */
    record Notice(String text, boolean error) {
        public Notice {
            text = text == null ? "" : text;
        }
    }

    /** Keeps {@code notice} for the session's next page, replacing one not yet shown. */
    void notice(String idHash, Notice notice);

    /** The notice kept for the session, removed as it is taken; empty when there is none. */
    Optional<Notice> takeNotice(String idHash);

    /** Removes sessions last used before {@code cutoff}; returns how many. */
    int deleteIdleSince(Instant cutoff);
}

package cn.gongkai.web;

import cn.gongkai.item.ContentHash;
import cn.gongkai.review.LoginSessions;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions. A visitor gets an anonymous session on the login page, held in memory only, which carries the
 * CSRF token of the login form (derived from its id, so that every node can check it); logging in replaces it with a new session id and a new token, so an id planted
 * before login is worthless. Logged-in sessions are also kept in {@link LoginSessions} (by the hash of their id),
 * so a restart of the service does not log anyone out; the store is also the truth on every request, so a session
 * ended elsewhere (a password change or a disabled account, from the CLI or another node) ends here at once.
 * Sessions end after {@link #IDLE} without a request.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofHours(8);
    /** How stale the stored last-use time may get before a request writes it again. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(5);
    static final Duration ANONYMOUS_IDLE = Duration.ofHours(1);
    static final int MAX_SESSIONS = 10_000;
    /** What {@link #token()} issues: 32 random bytes in URL-safe Base64. */
    private static final java.util.regex.Pattern ISSUED = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{43}");

    /**
     * One browser's session; {@code user} is null until login. The notice of a logged-in session is kept in the
     * store (any node shows it on the next page); the login form's stays in memory.
     */
    static final class Session {
        final String id;
        final String user;
        final String csrf;
        volatile Instant lastSeen;
        volatile Instant storedSeen;
        private final LoginSessions store;
        private volatile LoginSessions.Notice notice;

        Session(String id, String user, String csrf, Instant now, LoginSessions store) {
            this.id = id;
            this.user = user;
            this.csrf = csrf;
            this.lastSeen = now;
            this.storedSeen = now;
            this.store = user == null ? null : store;
        }

        boolean loggedIn() {
            return user != null;
        }

        /** A message shown once on the next page. */
        void flash(String message, boolean error) {
            LoginSessions.Notice n = new LoginSessions.Notice(message, error);
            if (store != null) {
                store.notice(hash(id), n);
            } else {
                notice = n;
            }
        }

        /** The message to show on this page, once; an empty text when there is none. */
        LoginSessions.Notice takeNotice() {
            if (store != null) {
                return store.takeNotice(hash(id)).orElse(NONE);
            }
            LoginSessions.Notice n = notice;
            notice = null;
            return n == null ? NONE : n;
        }
    }

    private static final LoginSessions.Notice NONE = new LoginSessions.Notice("", false);

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final LoginSessions store;

    Sessions(Clock clock, LoginSessions store) {
        this.clock = clock;
        this.store = store;
    }

    /** The live session of that id, touched; empty when unknown or expired. */
    Optional<Session> find(String id) {
        if (id == null || id.isBlank() || id.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session s = byId.get(id);
        if (s == null) {
            s = restore(id, now);
            if (s == null) {
                // the login form's session of another node (or of this one before a restart)
                return ISSUED.matcher(id).matches() ? Optional.of(new Session(id, null, loginToken(id), now, store))
                        : Optional.empty();
            }
        } else if (s.loggedIn() && !stillStored(s)) {
            // ended elsewhere: a password change, a disabled account, another node or the CLI
            byId.remove(id);
            return Optional.empty();
        }
        if (expired(s, now)) {
            end(s);
            return Optional.empty();
        }
        s.lastSeen = now;
        if (s.loggedIn() && s.storedSeen.plus(TOUCH_EVERY).isBefore(now)) {
            s.storedSeen = now;
            store.touch(hash(id), now);
        }
        return Optional.of(s);
    }

    private boolean stillStored(Session s) {
        return store.find(hash(s.id)).filter(stored -> stored.user().equals(s.user)).isPresent();
    }

    /** A logged-in session kept by an earlier run of the service. */
    private Session restore(String id, Instant now) {
        Optional<LoginSessions.Stored> stored = store.find(hash(id));
        if (stored.isEmpty()) {
            return null;
        }
        Session s = new Session(id, stored.get().user(), stored.get().csrf(), stored.get().lastSeen(), store);
        if (expired(s, now)) {
            store.delete(hash(id));
            return null;
        }
        byId.put(id, s);
        return s;
    }

    /** A new session without a user (the login form's). */
    Session anonymous() {
        return put(null);
    }

    /** Ends {@code old} and starts a logged-in session for {@code user} with a fresh id and CSRF token. */
    Session login(Session old, String user) {
        if (old != null) {
            end(old);
        }
        Session s = put(user);
        Instant now = clock.instant();
        store.deleteIdleSince(now.minus(IDLE));
        store.save(new LoginSessions.Stored(hash(s.id), user, s.csrf, now, now));
        return s;
    }

    void end(Session s) {
        if (s != null) {
            byId.remove(s.id);
            if (s.loggedIn()) {
                store.delete(hash(s.id));
            }
        }
    }

    /** Ends every session of the user (after a password change by an administrator). */
    void endAll(String user) {
        byId.values().removeIf(s -> user.equals(s.user));
        store.deleteUser(user);
    }

    /**
     * The login form's CSRF token: derived from the session id in the visitor's cookie, so that any node can check
     * it (behind one address the form may be posted to another node than the one that showed it). Only the holder of
     * the cookie, which scripts cannot read, can derive it; logging in then issues a new id and a random token.
     */
    private static String loginToken(String id) {
        return ContentHash.sha256(("gongkai-login-form:" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static String hash(String id) {
        return ContentHash.sha256(id.getBytes(StandardCharsets.UTF_8));
    }

    private Session put(String user) {
        Instant now = clock.instant();
        if (byId.size() >= MAX_SESSIONS) {
            byId.values().removeIf(s -> expired(s, now));
            if (byId.size() >= MAX_SESSIONS) {
                byId.values().stream().filter(s -> !s.loggedIn()).min(Comparator.comparing(s -> s.lastSeen))
                        .ifPresent(s -> byId.remove(s.id));
            }
        }
        String id = token();
        Session s = new Session(id, user, user == null ? loginToken(id) : token(), now, store);
        byId.put(s.id, s);
        return s;
    }

    private boolean expired(Session s, Instant now) {
        return s.lastSeen.plus(s.loggedIn() ? IDLE : ANONYMOUS_IDLE).isBefore(now);
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

package cn.gongkai.web;

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
 * Console sessions, held in server memory (a restart logs everyone out). A visitor gets an anonymous session on
 * the login page, which carries the CSRF token of the login form; logging in replaces it with a new session id and
 * a new token, so an id planted before login is worthless. Sessions end after {@link #IDLE} without a request.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofHours(8);
    static final Duration ANONYMOUS_IDLE = Duration.ofHours(1);
    static final int MAX_SESSIONS = 10_000;

    /** One browser's session; {@code user} is null until login. */
    static final class Session {
        final String id;
        final String user;
        final String csrf;
        volatile Instant lastSeen;
        volatile String flash = "";
        volatile boolean flashError;

        Session(String id, String user, String csrf, Instant now) {
            this.id = id;
            this.user = user;
            this.csrf = csrf;
            this.lastSeen = now;
        }

        boolean loggedIn() {
            return user != null;
        }

        /** A message shown once on the next page. */
        void flash(String message, boolean error) {
            this.flash = message == null ? "" : message;
            this.flashError = error;
        }

        String takeFlash() {
            String f = flash;
            flash = "";
            return f;
        }
    }

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    /** The live session of that id, touched; empty when unknown or expired. */
    Optional<Session> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        Session s = byId.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(s, now)) {
            byId.remove(id);
            return Optional.empty();
        }
        s.lastSeen = now;
        return Optional.of(s);
    }

    /** A new session without a user (the login form's). */
    Session anonymous() {
        return put(null);
    }

    /** Ends {@code old} and starts a logged-in session for {@code user} with a fresh id and CSRF token. */
    Session login(Session old, String user) {
        if (old != null) {
            byId.remove(old.id);
        }
        return put(user);
    }

    void end(Session s) {
        if (s != null) {
            byId.remove(s.id);
        }
    }

    /** Ends every session of the user (after a password change by an administrator). */
    void endAll(String user) {
        byId.values().removeIf(s -> user.equals(s.user));
    }

    private Session put(String user) {
        Instant now = clock.instant();
        if (byId.size() >= MAX_SESSIONS) {
            byId.values().removeIf(s -> expired(s, now));
            if (byId.size() >= MAX_SESSIONS) {
                byId.values().stream().filter(s -> !s.loggedIn()).min(Comparator.comparing(s -> s.lastSeen))
                        .ifPresent(this::end);
            }
        }
        Session s = new Session(token(), user, token(), now);
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

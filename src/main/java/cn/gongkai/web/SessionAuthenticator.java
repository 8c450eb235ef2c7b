package cn.gongkai.web;

import cn.gongkai.review.User;
import cn.gongkai.review.Users;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The console's login session: the {@code gk_session} cookie names a server-side session of a logged-in user.
 * Unsafe requests made with it must also carry the session's CSRF token; {@link ConsoleAccess} checks that.
 */
final class SessionAuthenticator implements Authenticator {
    static final String COOKIE = "gk_session";

    private final Sessions sessions;
    private final Users users;

    SessionAuthenticator(Sessions sessions, Users users) {
        this.sessions = sessions;
        this.users = users;
    }

    /** The live session the request's cookie names, logged in or not. */
    Optional<Sessions.Session> session(Context ctx) {
        return sessions.find(ctx.cookie(COOKIE));
    }

    @Override
    public Optional<User> authenticate(Context ctx) {
        return session(ctx).filter(Sessions.Session::loggedIn).flatMap(s -> users.findActive(s.user));
    }
}

package cn.gongkai.web;

import cn.gongkai.review.User;
import cn.gongkai.review.Users;
import io.javalin.http.Context;
import java.util.Optional;

/** {@code Authorization: Bearer <token>} with an API token made by {@code gongkai user token NAME}. */
public final class BearerTokenAuthenticator implements Authenticator {
    private static final String PREFIX = "bearer ";
    private final Users users;

    public BearerTokenAuthenticator(Users users) {
        this.users = users;
    }

    @Override
    public Optional<User> authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.length() <= PREFIX.length()
                || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        return users.authenticate(header.substring(PREFIX.length()).strip());
    }
}

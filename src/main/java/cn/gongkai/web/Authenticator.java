package cn.gongkai.web;

import cn.gongkai.review.User;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Finds who makes a request. The REST API accepts a request when any configured authenticator knows its user;
 * API tokens are one way, and a session login for the console can be another.
 */
public interface Authenticator {

    /** The user the request authenticates as, or empty when it carries no credentials this authenticator knows. */
    Optional<User> authenticate(Context ctx);
}

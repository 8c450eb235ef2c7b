package cn.gongkai.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of staff accounts and their API tokens. Secrets are stored only as hashes. */
public interface UserRepository {

    /**
     * Stores a new user with the bcrypt hash of their password.
     *
     * @throws IllegalArgumentException when a user of that name exists
     */
    void add(User user, String passwordHash);

    Optional<User> find(String name);

    /** Every user, by name. */
    List<User> list();

    /** The bcrypt hash of the user's password, if the user exists. */
    Optional<String> passwordHash(String name);

    /** Replaces the user's password hash; false when the user does not exist. */
    boolean changePasswordHash(String name, String passwordHash);

    /** Stores the SHA-256 of a new API token for the user. */
    void addToken(String name, String tokenSha256, Instant now);

    /** The user an API token (given by its SHA-256) belongs to. */
    Optional<User> userOfToken(String tokenSha256);
}

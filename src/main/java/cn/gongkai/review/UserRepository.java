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

    /**
     * Replaces the user's password hash and, in the same transaction, ends every console session of the user and
     * removes all their API tokens; false when the user does not exist.
     */
    boolean changePasswordHash(String name, String passwordHash);

    /**
     * Disables or enables the user; disabling also ends every console session of the user and removes all their
     * API tokens, in the same transaction. False when the user does not exist.
     */
    boolean setDisabled(String name, boolean disabled);

    /** Stores the SHA-256 of a new API token for the user. */
    void addToken(String name, String tokenSha256, Instant now);

    /** The user an API token (given by its SHA-256) belongs to; empty when unknown or the user is disabled. */
    Optional<User> userOfToken(String tokenSha256);

    /** Records that the token was used at {@code now}, unless its last use was recorded at or after {@code since}. */
    void touchToken(String tokenSha256, Instant now, Instant since);

    /** The tokens of one user, or of everyone when {@code name} is null; newest first. */
    List<ApiToken> tokens(String name);

    /** Removes one token; false when there was none of that hash. */
    boolean revokeToken(String tokenSha256);

    /** Removes every token of the user; returns how many. */
    int revokeTokens(String name);
}

package cn.gongkai.review;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the console keeps the one-time tokens of its editor forms, so that a form posted twice (Back and submit
 * again, a double click, a browser re-post) creates one item. Tokens are found by their SHA-256; the store is shared
 * by every node and survives a restart.
 */
public interface FormTokens {

    /**
     * One issued token.
     *
     * @param tokenHash hex SHA-256 of the token the form carries
     * @param user      the user the form was shown to
     * @param scope     {@code new} or the id of the item edited
     * @param usedAt    when a POST claimed it, or null
     * @param itemId    the item that POST saved, or null (not yet, or it failed)
     */
    record Issued(String tokenHash, String user, String scope, Instant issuedAt, Instant expiresAt, Instant usedAt,
                  Long itemId) {
        public Issued {
            if (tokenHash == null || !tokenHash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("form tokenHash must be 64 lowercase hex digits");
            }
            if (user == null || user.isBlank() || scope == null || scope.isBlank()) {
                throw new IllegalArgumentException("form token user and scope must not be blank");
            }
            if (issuedAt == null || expiresAt == null) {
                throw new IllegalArgumentException("form token times must not be null");
            }
        }
    }

    /** Stores a new, unused token and removes the tokens that expired before {@code issued.issuedAt()}. */
    void issue(Issued issued);

    Optional<Issued> find(String tokenHash);

    /**
     * Marks the token used by {@code user} at {@code now}, atomically: true only for the one caller that found it
     * unused, not expired and issued to that user for that form ({@code scope}).
     */
    boolean claim(String tokenHash, String user, String scope, Instant now);

    /** Records the item the claimed token's POST saved. */
    void complete(String tokenHash, long itemId);

    /** Makes a claimed token usable again (its POST saved nothing: the form had problems). */
    void release(String tokenHash);
}

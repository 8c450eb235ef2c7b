package cn.gongkai.review;

import java.time.Instant;

/**
 * A stored API token, as staff may see it: never the token itself, only the SHA-256 it is kept under.
 *
 * @param hash      hex SHA-256 of the token; its first {@link #ID_LENGTH} digits are the token's public id
 * @param user      whose token it is
 * @param createdAt when it was made
 * @param lastUsed  when it last authenticated a request (a few minutes behind at most), or null when never
 */
public record ApiToken(String hash, String user, Instant createdAt, Instant lastUsed) {
    /** Hex digits of the hash that name a token in lists and in {@code user token NAME --revoke ID}. */
    public static final int ID_LENGTH = 12;

    public ApiToken {
        if (hash == null || !hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("token hash must be 64 lowercase hex digits");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("token user must not be blank");
        }
        if (createdAt == null) {
            throw new IllegalArgumentException("token createdAt must not be null");
        }
    }

    /** The token's public id: the start of its hash. */
    public String id() {
        return hash.substring(0, ID_LENGTH);
    }
}

package cn.gongkai.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Access tokens of both kinds. {@code token}: every fetch issues a new token and shortens the previous ones to a
 * five-minute grace. {@code stable_token}: one shared token per account, separate from the others; a forced refresh
 * invalidates the previous stable token at once. Callers hold the simulator lock.
 */
final class TokenStore {
    static final Duration LIFETIME = Duration.ofSeconds(7200);
    static final Duration GRACE = Duration.ofMinutes(5);

    private record Token(String appId, boolean stable, Instant expiresAt, Instant validUntil, boolean revoked) {
        Token shortenedTo(Instant until) {
            return new Token(appId, stable, expiresAt, validUntil.isBefore(until) ? validUntil : until, revoked);
        }

        Token revokedNow() {
            return new Token(appId, stable, expiresAt, validUntil, true);
        }
    }

    /** A token handed out, with its remaining lifetime in seconds. */
    record Issued(String token, long expiresIn) {
    }

    private final Ids ids;
    private final Map<String, Token> tokens = new HashMap<>();
    private final Map<String, String> currentStable = new HashMap<>();

    TokenStore(Ids ids) {
        this.ids = ids;
    }

    Issued fetch(String appId, Instant now) {
        Instant graceEnd = now.plus(GRACE);
        tokens.replaceAll((value, t) -> t.appId().equals(appId) && !t.stable() ? t.shortenedTo(graceEnd) : t);
        return new Issued(issue(appId, false, now), LIFETIME.toSeconds());
    }

    Issued stable(String appId, boolean forceRefresh, Instant now) {
        String current = currentStable.get(appId);
        Token token = current == null ? null : tokens.get(current);
        if (forceRefresh && token != null) {
            tokens.put(current, token.revokedNow());
            token = null;
        }
        boolean usable = token != null && !token.revoked() && now.isBefore(token.expiresAt().minus(GRACE));
        if (!usable) {
            current = issue(appId, true, now);
            currentStable.put(appId, current);
            token = tokens.get(current);
        }
        return new Issued(current, Math.max(0, Duration.between(now, token.expiresAt()).toSeconds()));
    }

    /** The account a token belongs to; otherwise 40014 (never issued), 42001 (expired) or 40001 (superseded). */
    String check(String value, Instant now) {
        if (value == null || value.isBlank()) {
            throw new ApiError(41001, "access_token missing");
        }
        Token token = tokens.get(value);
        if (token == null) {
            throw new ApiError(40014, "invalid access_token");
        }
        if (!now.isBefore(token.expiresAt())) {
            throw new ApiError(42001, "access_token expired");
        }
        if (token.revoked() || !now.isBefore(token.validUntil())) {
            throw new ApiError(40001, "invalid credential, access_token is invalid or not latest");
        }
        return token.appId();
    }

    /** The account of a token without judging it, for fault matching and call counting. */
    String ownerOf(String value) {
        Token token = value == null ? null : tokens.get(value);
        return token == null ? null : token.appId();
    }

    void revokeAll(String appId) {
        tokens.replaceAll((value, t) -> t.appId().equals(appId) ? t.revokedNow() : t);
        currentStable.remove(appId);
    }

    private String issue(String appId, boolean stable, Instant now) {
        tokens.values().removeIf(t -> now.isAfter(t.expiresAt().plus(Duration.ofDays(1))));
        String value = ids.token();
        Instant expires = now.plus(LIFETIME);
        tokens.put(value, new Token(appId, stable, expires, expires, false));
        return value;
    }
}

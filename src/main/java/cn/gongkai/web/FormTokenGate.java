package cn.gongkai.web;

import cn.gongkai.item.ContentHash;
import cn.gongkai.review.FormTokens;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The one-time token of an editor form (hidden field {@value #FIELD}): issued when the form is shown, bound to the
 * user and to the form ({@code new} or the item's id), good for one successful POST within {@link #LIFETIME}. A
 * second POST of the same form finds the item the first one saved and creates nothing.
 */
final class FormTokenGate {
    static final String FIELD = "form_token";
    static final Duration LIFETIME = Duration.ofHours(24);

    /** What a POST's token allows. */
    enum Kind {
        /** No token sent (a script or an older page): the POST goes ahead without the protection. */
        NONE,
        /** The token is this POST's now. */
        CLAIMED,
        /** An earlier POST of this form saved {@code itemId}. */
        DONE,
        /** An earlier POST of this form is still being saved. */
        BUSY,
        /** Unknown, expired, another user's or another form's token. */
        INVALID
    }

    /** The answer for one POST; {@code hash} names the token for {@link #complete} and {@link #release}. */
    record Claim(Kind kind, String hash, Long itemId) {
    }

    private final FormTokens tokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    FormTokenGate(FormTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A new token for {@code user}'s form {@code scope}. */
    String issue(String user, String scope) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        Instant now = clock.instant();
        tokens.issue(new FormTokens.Issued(hash(token), user, scope, now, now.plus(LIFETIME), null, null));
        return token;
    }

    /** Claims {@code token} for this POST by {@code user} of form {@code scope}. */
    Claim claim(String token, String user, String scope) {
        if (token == null || token.isBlank()) {
            return new Claim(Kind.NONE, null, null);
        }
        if (token.length() > 100) {
            return new Claim(Kind.INVALID, null, null);
        }
        String hash = hash(token);
        if (tokens.claim(hash, user, scope, clock.instant())) {
            return new Claim(Kind.CLAIMED, hash, null);
        }
        Optional<FormTokens.Issued> found = tokens.find(hash)
                .filter(t -> t.user().equals(user) && t.scope().equals(scope));
        if (found.isEmpty() || found.get().usedAt() == null) {
            return new Claim(Kind.INVALID, hash, null);
        }
        Long item = found.get().itemId();
        return new Claim(item == null ? Kind.BUSY : Kind.DONE, hash, item);
    }

    /** The claimed token's POST saved {@code itemId}. */
    void complete(Claim claim, long itemId) {
        if (claim.kind() == Kind.CLAIMED) {
            tokens.complete(claim.hash(), itemId);
        }
    }

    /** The claimed token's POST saved nothing: the same form may be sent again. */
    void release(Claim claim) {
        if (claim.kind() == Kind.CLAIMED) {
            tokens.release(claim.hash());
        }
    }

    private static String hash(String token) {
        return ContentHash.sha256(token.getBytes(StandardCharsets.UTF_8));
    }
}

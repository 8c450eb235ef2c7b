package cn.gongkai.review;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Failed console logins, kept where every node of the service sees them (the database), so that guessing passwords
 * on several nodes behind one address is slowed as much as on one. Keys are opaque (the console hashes the user
 * name and the address); times only, no passwords.
 */
public interface LoginFailures {
    /** Records one failure under each key at {@code at}, and forgets every failure older than {@code forgetBefore}. */
    void record(Collection<String> keys, Instant at, Instant forgetBefore);

    /** The failures under {@code key} after {@code from}, oldest first. */
    List<Instant> since(String key, Instant from);

    /** Forgets the failures under {@code key} (a successful login). */
    void forget(String key);
}

package cn.gongkai.publish;

import java.util.Optional;

/**
 * Lets one publisher at a time drive an account's batches, across every process on the database: the scheduled slot
 * of one node, the status job of another, a manual {@code publish run}. Whoever does not get the account leaves it
 * to the holder, which publishes everything due; so two publishers never upload the same images, add the same draft
 * twice or poll the same job together. The batch compare-and-sets still guard every state change on their own.
 */
public interface AccountLocks {
    /** Every publisher gets every account (a single process with one publisher, and tests). */
    AccountLocks NONE = account -> Optional.of(() -> {
    });

    /** Holds the account until the returned lock is closed; empty when another publisher holds it now. */
    Optional<Held> tryHold(String account);

    /** A held account; closing it lets the next publisher in. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}

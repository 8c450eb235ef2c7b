package cn.gongkai.store;

import cn.gongkai.item.Transactions;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Binds one Jdbi handle to the current thread for the length of a transaction.
 *
 * <p>Outermost {@link #inTransaction} opens a handle and a transaction; a nested call joins it inside a savepoint,
 * so a nested call that throws undoes only its own writes and leaves the outer transaction usable (on PostgreSQL a
 * failed statement would otherwise abort the whole transaction). Repository calls go through {@link #call}, which is
 * such a nested call when a transaction is open and its own short transaction otherwise.
 */
final class JdbiTransactions implements Transactions {

    private final Jdbi jdbi;
    private final ThreadLocal<Bound> current = new ThreadLocal<>();

    JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Bound bound = current.get();
        return bound == null ? outermost(work) : nested(bound, work);
    }

    /** Runs one repository operation; database failures become {@link StoreException}s naming {@code what}. */
    <T> T call(String what, Function<Handle, T> work) {
        return inTransaction(() -> {
            try {
                return work.apply(current.get().handle);
            } catch (JdbiException e) {
                throw new StoreException(what, e);
            }
        });
    }

    private <T> T outermost(Supplier<T> work) {
        try (Handle handle = jdbi.open()) {
            current.set(new Bound(handle));
            try {
                return handle.inTransaction(h -> work.get());
            } finally {
                current.remove();
            }
        } catch (JdbiException e) {
            throw new StoreException("transaction failed", e);
        }
    }

    private static <T> T nested(Bound bound, Supplier<T> work) {
        String savepoint = "gk_nested_" + (++bound.depth);
        try {
            bound.handle.savepoint(savepoint);
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                try {
                    bound.handle.rollbackToSavepoint(savepoint);
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
            bound.handle.release(savepoint);
            return result;
        } finally {
            bound.depth--;
        }
    }

    private static final class Bound {
        final Handle handle;
        int depth;

        Bound(Handle handle) {
            this.handle = handle;
        }
    }
}

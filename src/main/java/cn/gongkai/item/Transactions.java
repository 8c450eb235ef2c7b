package cn.gongkai.item;

import java.util.function.Supplier;

/** Runs work in one database transaction: every repository call made inside it commits or rolls back together. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}

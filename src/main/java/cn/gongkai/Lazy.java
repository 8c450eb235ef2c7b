package cn.gongkai;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One part of the {@link Wiring}, built the first time it is asked for and then kept (the supplier runs at most once,
 * also when several threads ask together). A part may be null (the simulator when no account is a sandbox). A
 * supplier that throws leaves the part unbuilt, so the next caller sees the same error again.
 */
final class Lazy<T> implements Supplier<T> {
    private final String name;
    private Supplier<? extends T> supplier;
    private volatile boolean built;
    private T value;

    private Lazy(String name, Supplier<? extends T> supplier) {
        this.name = name;
        this.supplier = supplier;
    }

    static <T> Lazy<T> of(String name, Supplier<? extends T> supplier) {
        return new Lazy<>(name, supplier);
    }

    @Override
    public T get() {
        if (!built) {
            synchronized (this) {
                if (!built) {
                    value = supplier.get();
                    supplier = null;
                    built = true;
                }
            }
        }
        return value;
    }

    /** The part's name, as {@link Wiring#builtParts()} lists it. */
    String name() {
        return name;
    }

    /** True once the part has been built. */
    boolean isBuilt() {
        return built;
    }

    /** Runs {@code action} on the part when it was built and is not null (closing); never builds it. */
    void ifBuilt(Consumer<? super T> action) {
        if (built && value != null) {
            action.accept(value);
        }
    }
}

package cn.gongkai.publish;

/**
 * Told each time a batch passes a {@link Boundary}. Production wiring uses {@link #NONE}; the crash tests pass one
 * that stops the process there. It is set in code only, never from configuration or the environment.
 */
@FunctionalInterface
public interface BoundaryListener {
    /** Does nothing. */
    BoundaryListener NONE = (boundary, batchId) -> { };

    void reached(Boundary boundary, long batchId);
}

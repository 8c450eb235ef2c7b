package cn.gongkai.intake;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The most heap a piece of work had in use at once, above what was in use before it: the heap pools' peak usage
 * (reset after a collection) minus the usage at the start. A measurement to print, not to assert on: the collector
 * may run in between.
 */
final class HeapPeak {
    /** Work that returns what it built, so it stays reachable until measured. */
    @FunctionalInterface
    interface Work {
        Object run() throws Exception;
    }

    private HeapPeak() {
    }

    static long during(Work work) {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        long before = pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        Object result;
        try {
            result = work.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        if (result == null) {
            throw new IllegalStateException("the measured work built nothing");
        }
        return Math.max(0, peak - before);
    }
}

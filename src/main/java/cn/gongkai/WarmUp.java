package cn.gongkai;

import cn.gongkai.web.WebServer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps {@code serve} does after its port is open, each on its own daemon thread: which are still running and
 * which failed, as {@code /healthz} shows them. A failed step is logged and stays listed as failed.
 */
final class WarmUp implements WebServer.Warming {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);

    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final List<CountDownLatch> done = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Starts {@code step} in the background under {@code name}. */
    void run(String name, Runnable step) {
        pending.add(name);
        CountDownLatch finished = new CountDownLatch(1);
        done.add(finished);
        Thread t = new Thread(() -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                failed.add(name);
                LOG.error("Warm-up step '{}' failed; /healthz reports it until serve is restarted", name, e);
            } finally {
                pending.remove(name);
                finished.countDown();
            }
        }, "gongkai-warmup:" + name);
        t.setDaemon(true);
        t.start();
    }

    /** Waits until every step started so far has finished (or failed). */
    void await() {
        try {
            for (CountDownLatch latch : done) {
                latch.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<String> pending() {
        return List.copyOf(pending);
    }

    @Override
    public List<String> failed() {
        return List.copyOf(failed);
    }
}

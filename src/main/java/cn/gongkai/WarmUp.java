package cn.gongkai;

import cn.gongkai.web.WebServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps {@code serve} does after its port is open, one after another on one daemon thread (so that on a small
 * machine the other core stays free for requests): which are still to run and which failed, as {@code /healthz}
 * shows them. A failed step is logged and stays listed as failed. A part built by a
 * step is handed out through {@link #whenReady}: whoever needs it meanwhile waits for the step (at most
 * {@link #MAX_WAIT}) instead of failing or building it a second time.
 */
final class WarmUp implements WebServer.Warming {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    /** How long a request waits for a part still warming up before it is refused. */
    static final Duration MAX_WAIT = Duration.ofMinutes(2);

    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final Map<String, CountDownLatch> steps = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
    private final Duration maxWait;
    /** One thread at most, gone a second after the last step. */
    private final ExecutorService worker = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), step -> {
                Thread t = new Thread(step, "gongkai-warmup");
                t.setDaemon(true);
                return t;
            });

    WarmUp() {
        this(MAX_WAIT);
    }

    /** With another bound on the wait for a part still warming (tests). */
    WarmUp(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /** Runs {@code step} in the background under {@code name}, after the steps started before it. */
    void run(String name, Runnable step) {
        pending.add(name);
        CountDownLatch finished = new CountDownLatch(1);
        steps.put(name, finished);
        worker.execute(() -> {
            try {
                awaitQuietly(held.get(name));
                step.run();
            } catch (RuntimeException e) {
                failed.add(name);
                LOG.error("Warm-up step '{}' failed; /healthz reports it until serve is restarted", name, e);
            } finally {
                pending.remove(name);
                finished.countDown();
            }
        });
    }

    /**
     * Holds the step {@code name} (and those after it) back until the returned latch is counted down (tests: a slow
     * part). Call before the step is started.
     */
    CountDownLatch holdBack(String name) {
        return held.computeIfAbsent(name, n -> new CountDownLatch(1));
    }

    /**
     * {@code part} as its users should get it: while the step {@code name} is running, a caller waits for it (at most
     * the bound) and then gets the part it built; without such a step the part is simply got (built on first use).
     */
    <T> Supplier<T> whenReady(String name, Supplier<T> part) {
        return () -> {
            awaitStep(name);
            return part.get();
        };
    }

    private void awaitStep(String name) {
        CountDownLatch step = steps.get(name);
        if (step == null || step.getCount() == 0) {
            return;
        }
        LOG.info("Waiting for warm-up step '{}' on {}", name, Thread.currentThread().getName());
        try {
            if (!step.await(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("服务仍在启动：" + name + " 在 " + maxWait.toSeconds()
                        + " 秒内未准备好，请稍后再试，并查看服务日志");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("服务正在停止，请求未完成", e);
        }
    }

    /** Waits until every step started so far has finished (or failed). */
    void await() {
        for (CountDownLatch latch : steps.values()) {
            awaitQuietly(latch);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        if (latch == null) {
            return;
        }
        try {
            latch.await();
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

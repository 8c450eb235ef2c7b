package cn.gongkai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A part built by a warm-up step is handed out through {@link WarmUp#whenReady}: a caller meanwhile waits for the
 * step and gets the part it built (built once); past the bound it is refused with a message naming the step; without
 * a step the part is simply built on first use.
 */
class WarmUpTest {
    @Test
    void aCallerWaitsForTheStepAndGetsThePartItBuiltOnce() throws Exception {
        WarmUp warmUp = new WarmUp();
        CountDownLatch release = warmUp.holdBack("article templates");
        AtomicInteger builds = new AtomicInteger();
        Lazy<Integer> part = Lazy.of("article templates", builds::incrementAndGet);
        warmUp.run("article templates", part::get);
        Supplier<Integer> ready = warmUp.whenReady("article templates", part);

        CompletableFuture<Integer> caller = CompletableFuture.supplyAsync(ready);
        awaitACallerWaiting(caller);
        assertThat(caller).isNotDone();
        assertThat(warmUp.pending()).containsExactly("article templates");

        release.countDown();
        assertThat(caller.get()).isOne();
        warmUp.await();
        assertThat(builds).hasValue(1);
        assertThat(warmUp.pending()).isEmpty();
        assertThat(warmUp.failed()).isEmpty();
    }

    @Test
    void aCallerWaitingPastTheBoundIsRefusedWithTheStepNamed() {
        WarmUp warmUp = new WarmUp(Duration.ofMillis(1));
        CountDownLatch release = warmUp.holdBack("WeChat client");
        AtomicInteger builds = new AtomicInteger();
        try {
            warmUp.run("WeChat client", () -> { });
            assertThatThrownBy(() -> warmUp.whenReady("WeChat client", builds::incrementAndGet).get())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("服务仍在启动")
                    .hasMessageContaining("WeChat client").hasMessageContaining("请稍后再试");
            assertThat(builds).as("nothing built by the refused caller").hasValue(0);
        } finally {
            release.countDown();
        }
    }

    @Test
    void withoutAStepThePartIsBuiltByItsFirstCaller() {
        WarmUp warmUp = new WarmUp();
        assertThat(warmUp.whenReady("article templates", () -> 7).get()).isEqualTo(7);
        assertThat(warmUp.pending()).isEmpty();
    }

    /** Until some thread is parked in the warm-up wait, or {@code caller} ended (the test then sees it done). */
    static void awaitACallerWaiting(CompletableFuture<?> caller) throws InterruptedException {
        while (!caller.isDone() && Thread.getAllStackTraces().values().stream().noneMatch(stack -> Arrays
                .stream(stack).anyMatch(f -> f.getClassName().equals(WarmUp.class.getName())
                        && f.getMethodName().equals("awaitStep")))) {
            Thread.sleep(10);
        }
    }
}

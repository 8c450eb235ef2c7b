package cn.gongkai.crash;

import cn.gongkai.Wiring;
import cn.gongkai.publish.Boundary;
import cn.gongkai.publish.CallbackGuard;
import cn.gongkai.publish.PublishBatch;
import cn.gongkai.publish.PublishStatus;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Forged and replayed PUBLISHJOBFINISH events for a crash-test launch, put through {@link CallbackGuard} and the
 * publisher exactly as the callback route does (signature aside: the attacker is assumed to hold the token).
 */
final class Forger {
    /** Links no WeChat answer ever holds; the harness checks none reaches the ledger. */
    static final String EVIL = "https://evil.example/";
    /** A nonce every launch sends again: only its first use, in whichever launch, may act. */
    private static final String REUSED_NONCE = "4242";
    private static boolean busy;

    private Forger() {
    }

    static void around(Wiring w, String account, Boundary boundary, long batchId) {
        if (busy || (boundary != Boundary.SUBMIT_ANSWERED && boundary != Boundary.SUBMITTED_COMMITTED
                && boundary != Boundary.CLAIMED)) {
            return;
        }
        busy = true;
        try {
            PublishBatch batch = w.database().batches().find(batchId).orElse(null);
            if (batch == null || batch.mass()) {
                return;
            }
            long base = latestPublishId(w, account, batch);
            for (long id = base; base > 0 && id <= base + 12; id++) {
                String publishId = Long.toString(id);
                send(w, account, new PublishStatus(publishId, PublishStatus.State.FAILED, 3, "", List.of(),
                        List.of(1)), nonce(), 0);
                send(w, account, new PublishStatus(publishId, PublishStatus.State.SUCCESS, 0, "ART_EVIL",
                        List.of(new PublishStatus.PublishedArticle(1, EVIL + publishId)), List.of()), nonce(), 0);
                send(w, account, new PublishStatus(publishId, PublishStatus.State.FAILED, 3, "", List.of(),
                        List.of()), REUSED_NONCE, 0);
                send(w, account, new PublishStatus(publishId, PublishStatus.State.FAILED, 3, "", List.of(),
                        List.of()), nonce(), -600);
            }
        } catch (RuntimeException e) {
            System.out.println("forger: " + e);
        } finally {
            busy = false;
        }
    }

    private static long latestPublishId(Wiring w, String account, PublishBatch batch) {
        if (!batch.publishId().isEmpty()) {
            return Long.parseLong(batch.publishId());
        }
        return w.database().batches().recent(50).stream().filter(b -> b.account().equals(account) && !b.mass())
                .map(PublishBatch::publishId).filter(p -> !p.isEmpty()).mapToLong(Long::parseLong).max().orElse(0);
    }

    private static String nonce() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    }

    private static void send(Wiring w, String account, PublishStatus event, String nonce, long skewSeconds) {
        String timestamp = Long.toString(Instant.now().getEpochSecond() + skewSeconds);
        if (w.callbackGuard().admit(account, timestamp, nonce).verdict() != CallbackGuard.Verdict.FRESH) {
            return;
        }
        if (w.publisher().onPublishEvent(account, event) == cn.gongkai.publish.Publisher.EventOutcome.CONFIRM) {
            w.publisher().confirm(account, event.publishId());
        }
    }
}

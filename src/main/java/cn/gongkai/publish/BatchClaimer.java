package cn.gongkai.publish;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.AuditAction;
import cn.gongkai.review.AuditEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes due, approved items into new batches. The last pre-publish check runs first ({@link #screen}); a claim is a
 * compare-and-set on each item's status, so two processes never put one item in two batches. Claiming respects the
 * account's daily cap and mass accounts' one send a day, and in dry-run mode leaves out items already rehearsed.
 */
final class BatchClaimer {
    private static final Logger LOG = LoggerFactory.getLogger(BatchClaimer.class);
    private static final int SCREEN_LIMIT = 400;
    private static final int CLAIM_ATTEMPTS = 3;

    /** Another publisher claimed one of the items first; the claim is rolled back. */
    private static final class ClaimConflict extends RuntimeException {
        ClaimConflict() {
            super(null, null, false, false);
        }
    }

    private final PublishStore store;
    private final PublishSettings settings;
    private final Clock clock;

    BatchClaimer(PublishStore store, PublishSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Runs the pre-publish checks once more on the items due now; an item they refuse becomes FAILED with the
     * reason (and an audit row) instead of going to WeChat.
     */
    void screen(AccountConfig account, Tally tally) {
        Instant now = clock.instant();
        for (DisclosureItem item : store.items().dueForPublishing(account.id(), now, SCREEN_LIMIT)) {
            String refusal = settings.gate().refusal(item);
            if (!refusal.isEmpty()) {
                store.tx().run(() -> refuse(item, refusal, now, tally));
            }
        }
    }

    private void refuse(DisclosureItem item, String refusal, Instant now, Tally tally) {
        if (store.items().transition(item.id(), ItemStatus.APPROVED, ItemStatus.FAILED, null, refusal, now)) {
            store.audit().append(AuditEntry.byPublisher(item, AuditAction.FAIL, ItemStatus.APPROVED, ItemStatus.FAILED,
                    refusal, now).withChecks(refusal));
            tally.failed++;
            tally.say("稿件 " + item.id() + "《" + item.title() + "》未发布：" + refusal);
        }
    }

    /** The next batch of due items, or empty when none is due or today's limits are reached. */
    Optional<PublishBatch> claim(AccountConfig account, Tally tally) {
        Instant now = clock.instant();
        int limit = limitToday(account, now, tally);
        if (limit <= 0) {
            return Optional.empty();
        }
        Set<Long> rehearsed = account.dryRun() ? store.batches().rehearsedItems(account.id()) : Set.of();
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            try {
                Optional<PublishBatch> batch = Optional.ofNullable(store.tx().inTransaction(
                        () -> claimOnce(account, limit, rehearsed, now)));
                batch.ifPresent(b -> settings.reached(Boundary.CLAIMED, b.id()));
                return batch;
            } catch (ClaimConflict e) {
                LOG.info("Items of account {} were claimed by another publisher; trying again", account.id());
            }
        }
        return Optional.empty();
    }

    /**
     * How many items the next batch may take: the draft's size, less what the daily cap leaves; 0 when nothing is
     * due and a limit applies, the cap is reached, or a mass account already sent today.
     */
    int limitToday(AccountConfig account, Instant now, Tally tally) {
        int limit = account.maxArticlesPerDraft();
        boolean mass = account.mode().equals(AccountConfig.MASS);
        if (account.dailyCap() <= 0 && !mass) {
            return limit;
        }
        if (store.items().dueForPublishing(account.id(), now, 1).isEmpty()) {
            return 0;
        }
        Instant today = settings.startOfDay(now);
        if (account.dailyCap() > 0) {
            int left = account.dailyCap() - store.batches().itemsClaimedSince(account.id(), today);
            if (left <= 0) {
                tally.say("已达今日发布上限（" + account.dailyCap() + " 篇），其余到期稿件在下一个工作日的发布时段发布");
                return 0;
            }
            limit = Math.min(limit, left);
        }
        if (mass && store.batches().massBatchesSince(account.id(), today) > 0) {
            tally.say("今天已经群发过一次（订阅号每天只能群发一次），其余到期稿件明天群发");
            return 0;
        }
        return limit;
    }

    private PublishBatch claimOnce(AccountConfig account, int max, Set<Long> rehearsed, Instant now) {
        List<DisclosureItem> due = store.items().dueForPublishing(account.id(), now, max + rehearsed.size()).stream()
                .filter(i -> !rehearsed.contains(i.id())).limit(max).toList();
        if (due.isEmpty()) {
            return null;
        }
        String mode = account.mode().equals(AccountConfig.MASS) ? PublishBatch.MASS : PublishBatch.FREEPUBLISH;
        PublishBatch batch = store.batches().create(account.id(), mode, null,
                due.stream().map(DisclosureItem::id).toList(), now);
        for (DisclosureItem item : due) {
            if (!store.items().transition(item.id(), ItemStatus.APPROVED, ItemStatus.PUBLISHING, batch.id(), "", now)) {
                throw new ClaimConflict();
            }
        }
        return batch;
    }
}

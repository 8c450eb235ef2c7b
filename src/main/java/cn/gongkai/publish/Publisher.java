package cn.gongkai.publish;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.render.ImagePreparer;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Publishes due, approved items through a durable batch state machine (design.md §5):
 * {@code PREPARED → IMAGES_UPLOADED → DRAFTED(media_id) → SUBMITTING → SUBMITTED(publish_id) → PUBLISHED | FAILED}.
 * Every id WeChat returns is committed before the next call. A submit whose answer was lost is settled from
 * WeChat's own state (the draft box, then the published list) and never sent blindly again.
 *
 * <p>The publisher only coordinates; the work is done by its parts: {@link BatchClaimer} (the last check, claiming
 * under the daily cap, dry-run), {@link BatchDriver} (one batch through its states, with {@link DraftComposer} and
 * {@link MediaUploader}), {@link SubmitSettler} (the publishing call and a lost answer), {@link StatusWatcher}
 * ({@code freepublish/get}, backoff, callback hints) and {@link Outcomes} (what is written down when a batch ends).
 * A PUBLISHJOBFINISH event ({@link #onPublishEvent}) is a hint from the internet, never the truth: it only says
 * when to ask ({@link #confirm}), and the links written to the ledger are the ones WeChat returns for the publish_id.
 */
public final class Publisher {
    private static final int MAX_BATCHES_PER_RUN = 200;

    /** What became of a PUBLISHJOBFINISH event. */
    public enum EventOutcome {
        /**
         * A batch is waiting for this job: it is due for {@code freepublish/get} now ({@link #confirm}); nothing else
         * changed.
         */
        CONFIRM,
        /** The batch was already finished (a repeat of the event, or a poll got there first), or the job still runs. */
        ALREADY_FINISHED,
        /**
         * No batch has this publish_id (yet): the event is kept as a hint (24 hours, the newest 1,000 per account), and
         * a batch that later gets the publish_id asks WeChat at once instead of waiting.
         */
        KEPT_FOR_LATER
    }

    private final Map<String, AccountConfig> accounts = new LinkedHashMap<>();
    private final BatchRepository batches;
    private final BatchClaimer claimer;
    private final BatchDriver driver;
    private final StatusWatcher status;
    private final AccountLocks locks;
    private final Clock clock;

    public Publisher(PublishStore store, WeChatGateway wechat, ArticleRenderer renderer, ImagePreparer preparer,
                     PublishSettings settings, Clock clock) {
        this(store, wechat, renderer, preparer, settings, AccountLocks.NONE, clock);
    }

    /**
     * A publisher that drives an account only while it holds it in {@code locks}: a run or resume that finds the
     * account held by another publisher (another node's slot, a status job, a manual run) leaves it to that one.
     */
    public Publisher(PublishStore store, WeChatGateway wechat, ArticleRenderer renderer, ImagePreparer preparer,
                     PublishSettings settings, AccountLocks locks, Clock clock) {
        this.locks = locks;
        settings.accounts().forEach(a -> this.accounts.put(a.id(), a));
        Publications publications = new Publications(store, wechat);
        BatchTransitions transitions = new BatchTransitions(store.batches(), clock);
        Outcomes outcomes = new Outcomes(store, publications, transitions, settings, clock);
        DraftComposer composer = new DraftComposer(renderer,
                new MediaUploader(store.images(), store.media(), wechat, preparer));
        this.batches = store.batches();
        this.claimer = new BatchClaimer(store, settings, clock);
        this.status = new StatusWatcher(store, wechat, outcomes, settings, clock);
        this.driver = new BatchDriver(publications, transitions, composer, wechat,
                new SubmitSettler(wechat, publications, transitions, outcomes, settings, clock), status, outcomes,
                settings);
        this.clock = clock;
    }

    /** Resumes the account's unfinished batches, then publishes whatever is due now. */
    public RunReport run(String accountId) {
        return drive(accountId, true);
    }

    /** Resumes unfinished batches only (status polling, settling), without claiming new items. */
    public RunReport resume(String accountId) {
        status.forgetOldHints(clock.instant());
        return drive(accountId, false);
    }

    /** The configured accounts, in configuration order. */
    public List<AccountConfig> accounts() {
        return List.copyOf(accounts.values());
    }

    /**
     * A PUBLISHJOBFINISH event for the account, from the callback route (it must answer within 5 seconds, so only the
     * database is touched here). The event is a hint, not the truth: it is kept, and a batch waiting for that
     * publish_id is made due for {@code freepublish/get} now — {@link #confirm} asks WeChat and applies its answer. A
     * failure or an attacker's link in the event changes nothing by itself.
     */
    public EventOutcome onPublishEvent(String accountId, PublishStatus event) {
        account(accountId);
        return status.hint(accountId, event);
    }

    /**
     * Asks WeChat ({@code freepublish/get}, counted in the call budget) how the job of the account's batch with this
     * publish_id ended, and applies WeChat's answer: PUBLISHED with WeChat's links, or FAILED only when WeChat says
     * so. When WeChat cannot be asked (budget spent, network) the batch stays SUBMITTED for the status job.
     */
    public RunReport confirm(String accountId, String publishId) {
        AccountConfig account = account(accountId);
        Tally tally = new Tally();
        Optional<PublishBatch> batch = batches.findByPublishId(accountId, publishId);
        if (batch.isPresent() && batch.get().state() == BatchState.SUBMITTED) {
            drive(account, batch.get(), tally);
        }
        return tally.report(accountId);
    }

    private AccountConfig account(String id) {
        AccountConfig account = accounts.get(id);
        if (account == null) {
            throw new IllegalArgumentException("未配置的公众号：" + id + "（已配置：" + accounts.keySet() + "）");
        }
        return account;
    }

    /**
     * Unfinished batches first, then new claims, then the mass notices the finished ones queued; nothing when another
     * publisher holds the account (it publishes what is due).
     */
    private RunReport drive(String accountId, boolean claimNew) {
        AccountConfig account = account(accountId);
        Tally tally = new Tally();
        Optional<AccountLocks.Held> held = locks.tryHold(accountId);
        if (held.isEmpty()) {
            tally.say("公众号 " + accountId + " 正由另一个发布进程发布（另一台服务器或另一个任务），本次不重复处理");
            return tally.report(accountId);
        }
        try (AccountLocks.Held ignored = held.get()) {
            driveHeld(account, claimNew, tally);
        }
        return tally.report(accountId);
    }

    private void driveHeld(AccountConfig account, boolean claimNew, Tally tally) {
        String accountId = account.id();
        Set<Long> seen = new HashSet<>();
        boolean go = driveAll(account, batches.unfinished(accountId), seen, tally);
        if (go && claimNew) {
            claimer.screen(account, tally);
            go = claimAndDrive(account, seen, tally);
        }
        if (go) {
            driveAll(account, batches.unfinished(accountId).stream().filter(b -> b.parentBatchId() != null)
                    .filter(b -> !seen.contains(b.id())).toList(), seen, tally);
        }
    }

    /** Drives each batch in turn; false when one had to stop (the run ends there). */
    private boolean driveAll(AccountConfig account, List<PublishBatch> list, Set<Long> seen, Tally tally) {
        for (PublishBatch batch : list) {
            seen.add(batch.id());
            if (drive(account, batch, tally) == BatchOutcome.STOPPED) {
                return false;
            }
        }
        return true;
    }

    private boolean claimAndDrive(AccountConfig account, Set<Long> seen, Tally tally) {
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            Optional<PublishBatch> claimed = claimer.claim(account, tally);
            if (claimed.isEmpty()) {
                return true;
            }
            seen.add(claimed.get().id());
            if (drive(account, claimed.get(), tally) == BatchOutcome.STOPPED) {
                return false;
            }
        }
        return true;
    }

    private BatchOutcome drive(AccountConfig account, PublishBatch batch, Tally tally) {
        tally.batches++;
        return tally.add(driver.drive(account, batch, tally));
    }
}

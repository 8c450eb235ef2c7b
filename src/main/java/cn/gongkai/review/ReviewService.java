package cn.gongkai.review;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.Reviewable;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Transactions;
import cn.gongkai.review.checks.CheckReport;
import cn.gongkai.review.checks.PrePublishChecks;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The review chain (design.md §4): items are queued into review, each step is approved or rejected by a user who
 * holds that step's role, and every decision is an append-only audit row bound to the content hash. The current
 * step is derived from the audit rows: a submission, an edit or a rejection starts the chain again, and only
 * approvals of the current text count. An edit by the user who may decide the current step is a proofreading change
 * (校对修改) within that step: the approvals before it carry over to the corrected text.
 *
 * <p>Rules: the acting user must exist and hold the role of the current step; nobody approves an item they
 * submitted or edited; one person approves at most one step of a text; items marked 重要 need the extra steps of
 * {@link ReviewPolicy#importantChain()}; an empty chain means items arrive approved, and the audit says so. The
 * pre-publish checks run whenever an item is queued (import, submit, edit) and their results are stored with the
 * audit row; errors block.
 *
 * <p>This class is the entry point the other packages use; the parts are package-private: {@link ChainProgress}
 * (the step, from the audit rows), {@link Reviewers} (who may act), {@link ReviewDecisions} (approve, reject),
 * {@link ReviewSubmissions} (submit, edit), {@link ReviewAudit} (the rows written), {@link DueDates} and
 * {@link QueueChecks} (条例 art. 26 and the checks run on queuing), {@link SeenHash} (the text the reviewer saw),
 * {@link ItemUpkeep} (moving an approved item's planned time, deleting an item never approved).
 */
public final class ReviewService {
    /** The fewest hex digits of a content hash a reviewer may give (as {@code item show} prints them). */
    public static final int MIN_HASH_PREFIX = 8;

    /** Role names staff see. */
    public static String roleLabel(String role) {
        try {
            return Role.parse(role).label();
        } catch (IllegalArgumentException e) {
            return role;
        }
    }

    private final ReviewPolicy policy;
    private final ItemRepository items;
    private final PrePublishChecks checks;
    private final Clock clock;
    private final DueDates dueDates;
    private final QueueChecks queueChecks;
    private final ChainProgress progress;
    private final Reviewers reviewers;
    private final ReviewAudit audit;
    private final ReviewDecisions decisions;
    private final ReviewSubmissions submissions;
    private final ItemUpkeep upkeep;
    private final AuditLog auditLog;

    public ReviewService(ReviewPolicy policy, PrePublishChecks checks, ItemRepository items, AuditLog audit,
                         UserRepository users, Transactions tx, Clock clock) {
        this.policy = policy;
        this.checks = checks;
        this.clock = clock;
        this.dueDates = new DueDates(policy);
        this.queueChecks = new QueueChecks(checks, dueDates);
        this.progress = new ChainProgress(policy, audit);
        this.auditLog = audit;
        this.reviewers = new Reviewers(users, progress);
        this.audit = new ReviewAudit(audit, clock);
        ReviewItems stored = new ReviewItems(items, clock);
        this.items = items;
        this.decisions = new ReviewDecisions(tx, stored, progress, reviewers, this.audit);
        this.submissions = new ReviewSubmissions(policy, tx, stored, queueChecks, dueDates, progress, reviewers,
                this.audit);
        this.upkeep = new ItemUpkeep(tx, stored, reviewers, this.audit, policy.zone());
    }

    /** The configured chain, without the extra steps of important items. */
    public List<String> chain() {
        return policy.chain();
    }

    /** The chain of {@code unit} (its own, or the configured one), without the extra steps of important items. */
    public List<String> chain(String unit) {
        return policy.chain(unit);
    }

    public ReviewPolicy policy() {
        return policy;
    }

    /** The clock review decisions are timed by. */
    public Clock clock() {
        return clock;
    }

    public PrePublishChecks checks() {
        return checks;
    }

    /** The steps (role ids) this item goes through. */
    public List<String> steps(Reviewable item) {
        return progress.steps(item);
    }

    /** The status a newly queued item gets: in review, or approved when the chain is empty. */
    public ItemStatus initialStatus() {
        return submissions.initialStatus();
    }

    /** The status a new item on {@code account} is stored in: by the review chain of the account's unit. */
    public ItemStatus initialStatusOn(String account) {
        return submissions.initialStatusOn(account);
    }

    /**
     * The checks run when content is queued: the pre-publish checks, plus a warning when the planned time is later
     * than the due date of 条例 art. 26 counted from {@code createdDate}.
     */
    public CheckReport queueChecks(ItemContent content, LocalDate createdDate) {
        return queueChecks.check(content, createdDate);
    }

    /** The date by which the item should be published: {@code review.due-working-days} after it was created. */
    public LocalDate dueDate(Reviewable item) {
        return dueDates.dueDate(item);
    }

    /** True when the item is not yet published and today is after its due date. */
    public boolean overdue(Reviewable item) {
        return dueDates.overdue(item, clock.instant().atZone(policy.zone()).toLocalDate());
    }

    /** Writes the audit rows for an item that was just queued by {@code actor} (via {@code channel}). */
    public void recordQueued(DisclosureItem item, String actor, String channel) {
        recordQueued(item, actor, channel, queueChecks(item.content(), dueDates.createdDate(item)));
    }

    /**
     * Writes the audit rows for an item that was just queued, with the check results it was queued with; refuses
     * (call it in the transaction that stored the item) an important item nobody can sign off, as {@link #submit}.
     */
    public void recordQueued(DisclosureItem item, String actor, String channel, CheckReport report) {
        reviewers.requireAuthor(item, actor); // issue 19: a user writes only for their own unit's accounts
        if (item.status() == ItemStatus.IN_REVIEW) {
            submissions.requireReviewers(item);
        }
        audit.queued(item, actor, channel, report);
    }

    /** Writes the audit row for an item stored as a draft (not yet queued) by {@code actor}. */
    public void recordCreated(DisclosureItem item, String actor, String channel) {
        reviewers.requireAuthor(item, actor);
        audit.created(item, actor, channel, checks.check(item.content()));
    }

    /**
     * Records a check run outside the chain, e.g. the publisher's run just before publishing. The item's status
     * does not change.
     */
    public void recordCheck(DisclosureItem item, CheckReport report, String actor) {
        audit.checked(item, report, actor);
    }

    /** The index of the step now waiting for a decision, derived from the audit rows of the current content. */
    public int currentStep(Reviewable item) {
        return progress.currentStep(item);
    }

    /** The role the item waits on, when it is in review. */
    public Optional<String> waitingFor(Reviewable item) {
        return progress.waitingFor(item);
    }

    /**
     * Approves the current step as {@code actor}, for the text whose content hash the reviewer saw. The final step
     * makes the item APPROVED.
     *
     * @param seenHash the content hash shown to the reviewer: the whole hash (console, REST API) or a prefix of at
     *                 least {@link #MIN_HASH_PREFIX} hex digits (the CLI, as {@code item show} prints it); missing or
     *                 not the item's current hash → refused, nothing recorded
     * @return the item after the decision
     */
    public DisclosureItem approve(long itemId, String actor, String seenHash, String comment) {
        return approval(itemId, actor, seenHash, comment).item();
    }

    /**
     * Approves as {@link #approve} does, and says whether it was a repeat: when {@code actor} already approved a
     * step of the item and that approval still stands (e.g. a double click), nothing is recorded and the answer is
     * a success ({@link Decision#message()}: 已同意，无需重复操作).
     */
    public Decision approval(long itemId, String actor, String seenHash, String comment) {
        return decisions.approve(itemId, actor, seenHash, comment);
    }

    /** Rejects the item back to its drafter with a reason; only the holder of the current step's role may. */
    public DisclosureItem reject(long itemId, String actor, String comment) {
        return reject(itemId, actor, null, comment);
    }

    /**
     * Rejects the item as {@link #reject(long, String, String)} does; when {@code seenHash} is given (not null or
     * blank) it must name the item's current text, as for {@link #approve}.
     */
    public DisclosureItem reject(long itemId, String actor, String seenHash, String comment) {
        return rejection(itemId, actor, seenHash, comment).item();
    }

    /**
     * Rejects as {@link #reject(long, String, String, String)} does, and says whether it was a repeat: when
     * {@code actor} rejected the item last and it was not resubmitted since, nothing is recorded and the answer is a
     * success (已退回，无需重复操作).
     */
    public Decision rejection(long itemId, String actor, String seenHash, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new ReviewException(itemId, "退回必须写明原因（--comment）");
        }
        return decisions.reject(itemId, actor, seenHash, comment);
    }

    /**
     * The answer of a decision.
     *
     * @param item     the item after the decision
     * @param action   {@link AuditAction#APPROVE} or {@link AuditAction#REJECT}
     * @param repeated true when the user had already taken this decision: nothing was recorded
     */
    public record Decision(DisclosureItem item, AuditAction action, boolean repeated) {
        /** What staff are told, e.g. 已同意 or 已同意，无需重复操作. */
        public String message() {
            String done = action == AuditAction.APPROVE ? "已同意" : "已退回";
            return repeated ? done + "，无需重复操作" : done;
        }
    }

    /**
     * Queues a draft or a rejected item into review (or straight to approved with an empty chain), after the
     * pre-publish checks. Errors block: a CHECK row records them and a {@link ChecksFailedException} is thrown.
     */
    public DisclosureItem submit(long itemId, String actor) {
        return submissions.submit(itemId, actor);
    }

    /**
     * Replaces the content of an item that is not being published. A draft stays a draft; an edit by the user who
     * may decide the step an in-review item waits on is a proofreading change within that step; an edit that only
     * moves the planned time of an approved item, by its drafter or an office role, is a {@link #reschedule}; any
     * other edit sends the item back to the start of review (approvals of the old text no longer count). Errors of
     * the checks block, except for a draft.
     *
     * @return the item after the edit
     */
    public DisclosureItem update(long itemId, ItemContent content, String actor, String channel) {
        DisclosureItem item = items.find(itemId).orElse(null);
        if (item != null && ItemUpkeep.onlyTimeOfApproved(item, content)
                && reviewers.mayManage(reviewers.require(itemId, actor), item)) {
            return upkeep.reschedule(itemId, content.publishAt(), actor, "经" + channel + "修改计划发布时间");
        }
        return submissions.update(itemId, content, actor, channel);
    }

    /**
     * Moves the planned time of an APPROVED item (null: the next publishing slot; now: publish in the next run) and
     * keeps its approvals: time is not content. Only its drafter or an office role may, with a reason; audited.
     */
    public DisclosureItem reschedule(long itemId, Instant at, String actor, String reason) {
        return upkeep.reschedule(itemId, at, actor, reason);
    }

    /**
     * Deletes an item that was never approved (草稿, 审核中, 已退回): only its drafter or an office role
     * (办公室主任, 办公室分管领导, 管理员) may; the audit row stays, the item is gone from lists and searches. Refused
     * for another status ({@link ReviewException}) or another user ({@link ReviewException#forbidden()}).
     *
     * @param reason why, written in the audit row; may be empty
     */
    public void delete(long itemId, String actor, String reason) {
        upkeep.delete(itemId, actor, reason);
    }

    /**
     * Whether an edit by {@code user} now would be a proofreading change within the current step (校对修改: the chain
     * goes on) rather than a restart of review; the console can say which before the user saves.
     */
    public boolean editIsProofreading(User user, DisclosureItem item) {
        return reviewers.proofreads(user, item);
    }

    /** Whether {@code user} may delete the item now (the console shows its 删除 button only then). */
    public boolean deletable(User user, DisclosureItem item) {
        return ItemUpkeep.DELETABLE.contains(item.status()) && reviewers.mayManage(user, item);
    }

    /** Whether {@code user} may move the item's planned time now (the console shows its 调整发布时间 form only then). */
    public boolean reschedulable(User user, DisclosureItem item) {
        return item.status() == ItemStatus.APPROVED && reviewers.mayManage(user, item);
    }

    /**
     * The roles of {@code unit}'s chain and important chain that none of its enabled people holds, in chain order:
     * items waiting on them would wait for ever ({@link #submit} refuses them). The console's missing-role warning
     * lists these.
     */
    public List<String> unheldRoles(String unit) {
        return reviewers.unheld(unit, policy.stepsFor(unit, true));
    }

    /**
     * Whether {@code user} may approve the step the item now waits on (the console shows its 同意 and 退回 buttons
     * only then), and if not why, in the words staff see. The rules live in one place: the item is in review, the
     * user is enabled and holds the step's role, did not submit or edit the item, and approved no earlier step of
     * this text. {@link #approve} refuses with the same reason; {@link #reject} needs only the first three.
     */
    public Eligibility eligibility(User user, Reviewable item) {
        return reviewers.toApprove(user, item);
    }

    /**
     * The answer of {@link #eligibility}.
     *
     * @param allowed true when the user may decide the current step
     * @param reason  why not, in Chinese, naming the rule and whose turn it is; empty when allowed
     */
    public record Eligibility(boolean allowed, String reason) {
        static final Eligibility YES = new Eligibility(true, "");

        static Eligibility no(String reason) {
            return new Eligibility(false, reason);
        }

        /** Refuses the decision with the reason, unless allowed. */
        void require(long itemId) {
            if (!allowed) {
                throw new ReviewException(itemId, reason);
            }
        }
    }

    /**
     * Runs read-only work over these items (a console page listing them) with their audit histories read in one
     * query first, instead of one query per item and question ({@link AuditLog#readingAhead}).
     */
    public <T> T readingAhead(java.util.Collection<? extends Reviewable> listed, java.util.function.Supplier<T> work) {
        return auditLog.readingAhead(listed.stream().map(Reviewable::id).toList(), work);
    }

    /** Everyone who submitted, created or edited the item: none of them may approve it. */
    public Set<String> authors(Reviewable item) {
        return progress.authors(item);
    }
}

package cn.gongkai.review;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Transactions;
import cn.gongkai.review.checks.CheckReport;
import cn.gongkai.review.checks.Finding;
import cn.gongkai.review.checks.PrePublishChecks;
import cn.gongkai.review.checks.Severity;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The review chain (design.md §4): items are queued into review, each step is approved or rejected by a user who
 * holds that step's role, and every decision is an append-only audit row bound to the content hash. The current
 * step is derived from the audit rows: a submission, an edit or a rejection starts the chain again, and only
 * approvals of the current text count.
 *
 * <p>Rules: the acting user must exist and hold the role of the current step; nobody approves an item they
 * submitted or edited; one person approves at most one step of a text; items marked 重要 need the extra steps of
 * {@link ReviewPolicy#importantChain()}; an empty chain means items arrive approved, and the audit says so. The
 * pre-publish checks run whenever an item is queued (import, submit, edit) and their results are stored with the
 * audit row; errors block.
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
    private final PrePublishChecks checks;
    private final ItemRepository items;
    private final AuditLog audit;
    private final UserRepository users;
    private final Transactions tx;
    private final Clock clock;

    public ReviewService(ReviewPolicy policy, PrePublishChecks checks, ItemRepository items, AuditLog audit,
                         UserRepository users, Transactions tx, Clock clock) {
        this.policy = policy;
        this.checks = checks;
        this.items = items;
        this.audit = audit;
        this.users = users;
        this.tx = tx;
        this.clock = clock;
    }

    /** The configured chain, without the extra steps of important items. */
    public List<String> chain() {
        return policy.chain();
    }

    public ReviewPolicy policy() {
        return policy;
    }

    public PrePublishChecks checks() {
        return checks;
    }

    /** The steps (role ids) this item goes through. */
    public List<String> steps(DisclosureItem item) {
        return policy.stepsFor(item.content().important());
    }

    /** The status a newly queued item gets: in review, or approved when the chain is empty. */
    public ItemStatus initialStatus() {
        return policy.chain().isEmpty() ? ItemStatus.APPROVED : ItemStatus.IN_REVIEW;
    }

    /**
     * The checks run when content is queued: the pre-publish checks, plus a warning when the planned time is later
     * than the due date of 条例 art. 26 counted from {@code createdDate}.
     */
    public CheckReport queueChecks(ItemContent content, LocalDate createdDate) {
        CheckReport report = checks.check(content);
        if (content.publishAt() == null) {
            return report;
        }
        LocalDate due = WorkingDays.plus(createdDate, policy.dueWorkingDays());
        LocalDate planned = content.publishAt().atZone(policy.zone()).toLocalDate();
        if (!planned.isAfter(due)) {
            return report;
        }
        List<Finding> all = new ArrayList<>(report.findings());
        all.add(new Finding(Severity.WARNING, "due-date", "publish_at", 0, 0, "计划发布日期 " + planned + " 晚于公开时限 "
                + due + "（条例第二十六条：形成或变更之日起 " + policy.dueWorkingDays() + " 个工作日内公开；未计法定节假日）"));
        return new CheckReport(all);
    }

    /** The date by which the item should be published: {@code review.due-working-days} after it was created. */
    public LocalDate dueDate(DisclosureItem item) {
        return WorkingDays.plus(item.createdAt().atZone(policy.zone()).toLocalDate(), policy.dueWorkingDays());
    }

    /** True when the item is not yet published and today is after its due date. */
    public boolean overdue(DisclosureItem item) {
        boolean done = item.status() == ItemStatus.PUBLISHED || item.status() == ItemStatus.PUBLISHING
                || item.status() == ItemStatus.WITHDRAWN || item.status() == ItemStatus.CORRECTED;
        return !done && clock.instant().atZone(policy.zone()).toLocalDate().isAfter(dueDate(item));
    }

    /** Writes the audit rows for an item that was just queued by {@code actor} (via {@code channel}). */
    public void recordQueued(DisclosureItem item, String actor, String channel) {
        recordQueued(item, actor, channel, queueChecks(item.content(), localDate(item)));
    }

    /** Writes the audit rows for an item that was just queued, with the check results it was queued with. */
    public void recordQueued(DisclosureItem item, String actor, String channel, CheckReport report) {
        audit.append(AuditEntry.byUser(actor, Role.DRAFTER.id(), item, AuditAction.SUBMIT, null, item.status(),
                "经" + channel + "提交", clock.instant()).withChecks(report.toText()));
        if (item.status() == ItemStatus.APPROVED) {
            appendOaApproval(item);
        }
    }

    /** Writes the audit row for an item stored as a draft (not yet queued) by {@code actor}. */
    public void recordCreated(DisclosureItem item, String actor, String channel) {
        audit.append(AuditEntry.byUser(actor, Role.DRAFTER.id(), item, AuditAction.CREATE, null, item.status(),
                "经" + channel + "创建草稿", clock.instant()).withChecks(checks.check(item.content()).toText()));
    }

    /**
     * Records a check run outside the chain, e.g. the publisher's run just before publishing. The item's status
     * does not change.
     */
    public void recordCheck(DisclosureItem item, CheckReport report, String actor) {
        audit.append(AuditEntry.byUser(actor, "", item, AuditAction.CHECK, item.status(), item.status(),
                report.hasErrors() ? "发布前检查未通过" : "发布前检查通过", clock.instant()).withChecks(report.toText()));
    }

    /** The index of the step now waiting for a decision, derived from the audit rows of the current content. */
    public int currentStep(DisclosureItem item) {
        int step = 0;
        for (AuditEntry e : audit.history(item.id())) {
            if (e.action().filter(AuditAction::restartsReview).isPresent()) {
                step = 0;
            } else if (AuditAction.APPROVE.is(e) && e.step() == step
                    && e.contentHash().equals(item.contentHash())) {
                step++;
            }
        }
        return step;
    }

    /** The role the item waits on, when it is in review. */
    public Optional<String> waitingFor(DisclosureItem item) {
        if (item.status() != ItemStatus.IN_REVIEW) {
            return Optional.empty();
        }
        List<String> steps = steps(item);
        int step = currentStep(item);
        return step < steps.size() ? Optional.of(steps.get(step)) : Optional.empty();
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
        return tx.inTransaction(() -> {
            DisclosureItem item = load(itemId);
            requireInReview(item);
            requireSeen(item, seenHash, true);
            if (!item.content().contentHash().equals(item.contentHash())) {
                throw new ReviewException(itemId, "内容与登记的内容指纹不符，请重新提交审核");
            }
            List<String> steps = steps(item);
            int step = currentStep(item);
            String role = steps.get(step);
            User user = requireUser(itemId, actor);
            eligibility(user, item).require(itemId);
            boolean last = step == steps.size() - 1;
            ItemStatus to = last ? ItemStatus.APPROVED : ItemStatus.IN_REVIEW;
            if (last && !items.transition(itemId, ItemStatus.IN_REVIEW, ItemStatus.APPROVED, null, "",
                    clock.instant())) {
                throw new ReviewException(itemId, "稿件状态已被他人改变，请刷新后重试");
            }
            if (last && !load(itemId).contentHash().equals(item.contentHash())) {
                // an edit committed while this approval was being decided: roll back rather than approve it unseen
                throw new ReviewException(itemId, "稿件内容刚被修改，本次同意未记录；请刷新后查看新的内容再审核");
            }
            audit.append(AuditEntry.byUser(user.name(), role, item, AuditAction.APPROVE, ItemStatus.IN_REVIEW, to,
                    comment, clock.instant()).atStep(step));
            return load(itemId);
        });
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
        if (comment == null || comment.isBlank()) {
            throw new ReviewException(itemId, "退回必须写明原因（--comment）");
        }
        return tx.inTransaction(() -> {
            DisclosureItem item = load(itemId);
            requireInReview(item);
            requireSeen(item, seenHash, false);
            int step = currentStep(item);
            String role = steps(item).get(step);
            User user = requireUser(itemId, actor);
            stepEligibility(user, item).require(itemId);
            if (!items.transition(itemId, ItemStatus.IN_REVIEW, ItemStatus.REJECTED, null, comment,
                    clock.instant())) {
                throw new ReviewException(itemId, "稿件状态已被他人改变，请刷新后重试");
            }
            audit.append(AuditEntry.byUser(user.name(), role, item, AuditAction.REJECT, ItemStatus.IN_REVIEW,
                    ItemStatus.REJECTED, comment, clock.instant()).atStep(step));
            return load(itemId);
        });
    }

    /**
     * Queues a draft or a rejected item into review (or straight to approved with an empty chain), after the
     * pre-publish checks. Errors block: a CHECK row records them and a {@link ChecksFailedException} is thrown.
     */
    public DisclosureItem submit(long itemId, String actor) {
        User user = requireUser(itemId, actor);
        DisclosureItem item = load(itemId);
        if (item.status() != ItemStatus.DRAFT && item.status() != ItemStatus.REJECTED) {
            throw new ReviewException(itemId, "当前状态为“" + item.status().label() + "”，只有草稿或已退回的稿件可以提交审核");
        }
        CheckReport report = queueChecks(item.content(), localDate(item));
        if (report.hasErrors()) {
            recordCheck(item, report, user.name());
            throw new ChecksFailedException(itemId, report);
        }
        return tx.inTransaction(() -> {
            ItemStatus to = initialStatus();
            if (!items.transition(itemId, item.status(), to, null, "", clock.instant())) {
                throw new ReviewException(itemId, "稿件状态已被他人改变，请刷新后重试");
            }
            DisclosureItem queued = load(itemId);
            audit.append(AuditEntry.byUser(user.name(), user.role().id(), queued, AuditAction.SUBMIT, item.status(), to,
                    item.status() == ItemStatus.REJECTED ? "退回后重新提交" : "提交审核", clock.instant())
                    .withChecks(report.toText()));
            if (to == ItemStatus.APPROVED) {
                appendOaApproval(queued);
            }
            return queued;
        });
    }

    /**
     * Replaces the content of an item that is not being published. A draft stays a draft; any other item goes back
     * to the start of review (approvals of the old text no longer count). Errors of the checks block, except for a
     * draft.
     *
     * @return the item after the edit
     */
    public DisclosureItem update(long itemId, ItemContent content, String actor, String channel) {
        User user = requireUser(itemId, actor);
        DisclosureItem item = load(itemId);
        Set<ItemStatus> editable = Set.of(ItemStatus.DRAFT, ItemStatus.IN_REVIEW, ItemStatus.REJECTED,
                ItemStatus.APPROVED, ItemStatus.FAILED);
        if (!editable.contains(item.status())) {
            throw new ReviewException(itemId, "当前状态为“" + item.status().label() + "”，不能修改");
        }
        if (!content.account().equals(item.content().account())) {
            throw new ReviewException(itemId, "不能把稿件改到另一个公众号（" + item.content().account() + " → "
                    + content.account() + "），请新建稿件");
        }
        CheckReport report = queueChecks(content, localDate(item));
        ItemStatus to = item.status() == ItemStatus.DRAFT ? ItemStatus.DRAFT : initialStatus();
        if (report.hasErrors() && to != ItemStatus.DRAFT) {
            throw new ChecksFailedException(itemId, report);
        }
        return tx.inTransaction(() -> {
            DisclosureItem updated = items.replaceContent(itemId, content, item.status(), to, clock.instant())
                    .orElseThrow(() -> new ReviewException(itemId, "稿件状态已被他人改变，请刷新后重试"));
            String comment = "经" + channel + "修改" + (to == ItemStatus.DRAFT ? "" : "，重新进入审核")
                    + (item.contentHash().equals(updated.contentHash()) ? "（内容未变）" : "");
            audit.append(AuditEntry.byUser(user.name(), user.role().id(), updated, AuditAction.EDIT, item.status(), to,
                    comment, clock.instant()).withChecks(report.toText()));
            if (to == ItemStatus.APPROVED) {
                appendOaApproval(updated);
            }
            return updated;
        });
    }

    /**
     * Whether {@code user} may approve the step the item now waits on (the console shows its 同意 and 退回 buttons
     * only then), and if not why, in the words staff see. The one home of the rules: the item is in review, the
     * user is enabled and holds the step's role, did not submit or edit the item, and approved no earlier step of
     * this text. {@link #approve} refuses with the same reason; {@link #reject} needs only the first three.
     */
    public Eligibility eligibility(User user, DisclosureItem item) {
        Eligibility step = stepEligibility(user, item);
        if (!step.allowed()) {
            return step;
        }
        if (authors(item).contains(user.name())) {
            return Eligibility.no("不能审核自己提交或修改的稿件（" + user.name() + " 提交或修改过本稿件）");
        }
        int current = currentStep(item);
        for (AuditEntry e : audit.history(item.id())) {
            if (AuditAction.APPROVE.is(e) && e.actor().equals(user.name())
                    && e.contentHash().equals(item.contentHash()) && e.step() < current
                    && approvalCounts(item.id(), e)) {
                return Eligibility.no(user.name() + " 已审核过第 " + (e.step() + 1) + " 步，同一人不能审核两步");
            }
        }
        return Eligibility.YES;
    }

    /** The part of {@link #eligibility} a rejection needs: in review, user enabled and holding the step's role. */
    private Eligibility stepEligibility(User user, DisclosureItem item) {
        Optional<String> waiting = waitingFor(item);
        if (waiting.isEmpty()) {
            return Eligibility.no("当前状态为“" + item.status().label() + "”，不在审核中");
        }
        if (user.disabled()) {
            return Eligibility.no(disabled(user));
        }
        String role = waiting.get();
        if (!user.role().id().equals(role)) {
            return Eligibility.no("当前步骤需要" + roleLabel(role) + "（" + role + "）审核，" + user.name() + " 的角色是"
                    + user.role().label() + "（" + user.role().id() + "）");
        }
        return Eligibility.YES;
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

    /** Everyone who submitted, created or edited the item: none of them may approve it. */
    public Set<String> authors(DisclosureItem item) {
        Set<String> out = new LinkedHashSet<>();
        for (AuditEntry e : audit.history(item.id())) {
            if (e.action().filter(AuditAction::authors).isPresent()) {
                out.add(e.actor());
            }
        }
        return out;
    }

    private void appendOaApproval(DisclosureItem item) {
        audit.append(AuditEntry.byUser("oa", "", item, AuditAction.APPROVE, ItemStatus.IN_REVIEW, ItemStatus.APPROVED,
                "review.chain 为空：稿件已在单位 OA 系统中审批，直接进入待发布", clock.instant()));
    }

    /** True when the approval row still counts: no submit, edit or rejection came after it. */
    private boolean approvalCounts(long itemId, AuditEntry approval) {
        boolean counts = false;
        for (AuditEntry e : audit.history(itemId)) {
            if (e.id() == approval.id()) {
                counts = true;
            } else if (counts && e.action().filter(AuditAction::restartsReview).isPresent()) {
                counts = false;
            }
        }
        return counts;
    }

    private User requireUser(long itemId, String actor) {
        if (actor == null || actor.isBlank()) {
            throw new ReviewException(itemId, "没有指明操作人（--as 用户名）");
        }
        User user = users.find(actor.strip()).orElseThrow(() -> new ReviewException(itemId, "用户“" + actor
                + "”不存在，请先用 gongkai user add " + actor.strip() + " --role 角色 创建"));
        if (user.disabled()) {
            throw new ReviewException(itemId, disabled(user));
        }
        return user;
    }

    private static String disabled(User user) {
        return "用户“" + user.name() + "”已停用，不能审核或提交稿件；如需恢复请管理员运行 gongkai user enable " + user.name();
    }


    /**
     * Refuses a decision taken on another text than the item's current one. {@code seenHash} may be a prefix of at
     * least {@link #MIN_HASH_PREFIX} hex digits; when {@code required} is false a missing hash is accepted.
     */
    private static void requireSeen(DisclosureItem item, String seenHash, boolean required) {
        String current = item.contentHash();
        String seen = seenHash == null ? "" : seenHash.strip().toLowerCase(Locale.ROOT);
        if (seen.isEmpty()) {
            if (!required) {
                return;
            }
            throw new ReviewException(item.id(), "没有注明审核时看到的内容指纹，未记录同意。当前内容指纹为 " + current
                    + "；请先查看稿件（gongkai item show " + item.id() + "，或刷新审核页面），确认内容后再同意"
                    + "（命令行：--hash 内容指纹，至少前 " + MIN_HASH_PREFIX + " 位）");
        }
        if (!seen.matches("[0-9a-f]{" + MIN_HASH_PREFIX + ",64}")) {
            throw new ReviewException(item.id(), "内容指纹“" + shown(seen) + "”格式不对：应为至少 " + MIN_HASH_PREFIX
                    + " 位十六进制数字（gongkai item show " + item.id() + " 显示的“内容指纹”）；当前内容指纹为 " + current);
        }
        if (!current.startsWith(seen)) {
            throw new ReviewException(item.id(), "审核时看到的内容（指纹 " + seen + "）已不是稿件的当前内容（指纹 "
                    + current + "）：稿件在您查看后被修改过，本次决定未记录。请刷新页面或运行 gongkai item show "
                    + item.id() + " 查看修改后的内容，再重新审核");
        }
    }

    /** A hash given by a user, shortened for a message. */
    private static String shown(String given) {
        return given.length() > 64 ? given.substring(0, 64) + "…" : given;
    }

    private LocalDate localDate(DisclosureItem item) {
        return item.createdAt().atZone(policy.zone()).toLocalDate();
    }

    private DisclosureItem load(long itemId) {
        return items.find(itemId).orElseThrow(() -> new ReviewException(itemId, "稿件不存在"));
    }

    private void requireInReview(DisclosureItem item) {
        if (item.status() != ItemStatus.IN_REVIEW) {
            throw new ReviewException(item.id(), "当前状态为“" + item.status().label() + "”，不在审核中");
        }
    }
}

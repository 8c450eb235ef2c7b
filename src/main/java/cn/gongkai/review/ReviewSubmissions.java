package cn.gongkai.review;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Reviewable;
import cn.gongkai.item.Transactions;
import cn.gongkai.review.checks.CheckReport;
import java.util.List;
import java.util.Set;

/**
 * What a drafter does to an item: queue it into review, or replace its text (which starts review again, unless the
 * holder of the current step proofreads it). Both run the queue checks first; their errors block, except for an
 * edit of a draft. An important item is not queued while nobody can sign it off.
 */
final class ReviewSubmissions {
    private static final Set<ItemStatus> EDITABLE = Set.of(ItemStatus.DRAFT, ItemStatus.IN_REVIEW,
            ItemStatus.REJECTED, ItemStatus.APPROVED, ItemStatus.FAILED);

    private final ReviewPolicy policy;
    private final Transactions tx;
    private final ReviewItems items;
    private final QueueChecks checks;
    private final DueDates dueDates;
    private final Reviewers reviewers;
    private final ChainProgress progress;
    private final ReviewAudit audit;

    ReviewSubmissions(ReviewPolicy policy, Transactions tx, ReviewItems items, QueueChecks checks, DueDates dueDates,
                      ChainProgress progress, Reviewers reviewers, ReviewAudit audit) {
        this.policy = policy;
        this.tx = tx;
        this.items = items;
        this.checks = checks;
        this.dueDates = dueDates;
        this.reviewers = reviewers;
        this.progress = progress;
        this.audit = audit;
    }

    /** The status a newly queued item gets: in review, or approved when the chain is empty. */
    ItemStatus initialStatus() {
        return policy.chain().isEmpty() ? ItemStatus.APPROVED : ItemStatus.IN_REVIEW;
    }

    /** The status a newly queued item on {@code account} gets: by the chain of the account's unit. */
    ItemStatus initialStatusOn(String account) {
        return policy.chainOfAccount(account).isEmpty() ? ItemStatus.APPROVED : ItemStatus.IN_REVIEW;
    }

    private ItemStatus initialStatus(Reviewable item) {
        return policy.chain(item.unitId()).isEmpty() ? ItemStatus.APPROVED : ItemStatus.IN_REVIEW;
    }

    /** See {@link ReviewService#submit}. */
    DisclosureItem submit(long itemId, String actor) {
        User user = reviewers.require(itemId, actor);
        DisclosureItem item = items.load(itemId);
        if (item.status() != ItemStatus.DRAFT && item.status() != ItemStatus.REJECTED) {
            throw new ReviewException(itemId, "当前状态为“" + item.status().label() + "”，只有草稿或已退回的稿件可以提交审核");
        }
        requireReviewers(item);
        CheckReport report = checks.check(item.content(), dueDates.createdDate(item));
        if (report.hasErrors()) {
            audit.checked(item, report, user.name());
            throw new ChecksFailedException(itemId, report);
        }
        return tx.inTransaction(() -> {
            ItemStatus to = initialStatus(item);
            items.transition(itemId, item.status(), to, "");
            DisclosureItem queued = items.load(itemId);
            audit.changed(user, queued, AuditAction.SUBMIT, item.status(), to,
                    item.status() == ItemStatus.REJECTED ? "退回后重新提交" : "提交审核", report);
            return queued;
        });
    }

    /**
     * See {@link ReviewService#update}. An edit by the user who may decide the step the item waits on is a
     * proofreading change within that step: the item stays in review at that step.
     */
    DisclosureItem update(long itemId, ItemContent content, String actor, String channel) {
        User user = reviewers.require(itemId, actor);
        DisclosureItem item = items.load(itemId);
        requireEditable(item, content);
        CheckReport report = checks.check(content, dueDates.createdDate(item));
        boolean proofread = reviewers.proofreads(user, item);
        ItemStatus to = item.status() == ItemStatus.DRAFT || proofread ? item.status() : initialStatus(item);
        if (report.hasErrors() && to != ItemStatus.DRAFT) {
            throw new ChecksFailedException(itemId, report);
        }
        return tx.inTransaction(() -> {
            DisclosureItem updated = items.replaceContent(itemId, content, item.status(), to);
            if (proofread) {
                audit.proofread(user, item, updated, progress.currentStep(item), proofreadComment(item, content,
                        channel), report);
                return updated;
            }
            String comment = "经" + channel + "修改" + (to == ItemStatus.DRAFT ? "" : "，重新进入审核")
                    + (item.contentHash().equals(updated.contentHash()) ? "（内容未变）" : "");
            audit.changed(user, updated, AuditAction.EDIT, item.status(), to, comment, report);
            return updated;
        });
    }

    private String proofreadComment(DisclosureItem item, ItemContent content, String channel) {
        int step = progress.currentStep(item);
        return "经" + channel + "校对修改（第 " + (step + 1) + " 步，"
                + ReviewService.roleLabel(progress.steps(item).get(step)) + "），审核继续，不重新开始\n"
                + ProofreadDiff.of(item.content(), content, policy.zone());
    }

    /**
     * Refuses to queue an important item whose extra steps (主要领导签发) no enabled user can decide: it would wait for
     * ever. (A missing role of the ordinary chain is shown as a warning instead, see
     * {@link ReviewService#unheldRoles(String)}.)
     */
    void requireReviewers(DisclosureItem item) {
        List<String> extra = progress.steps(item).stream().filter(r -> !policy.chain(item.unitId()).contains(r)).toList();
        List<String> missing = reviewers.unheld(item.unitId(), extra);
        if (!missing.isEmpty()) {
            String role = missing.get(0);
            throw new ReviewException(item.id(), "没有人担任“" + ReviewService.roleLabel(role)
                    + "”，重要稿件无法签发：请管理员先在“系统”中为某位用户加上该角色，或取消“重要”");
        }
    }

    /** Refuses an edit of an item being published or done, or one that moves it to another account. */
    private static void requireEditable(DisclosureItem item, ItemContent content) {
        if (!EDITABLE.contains(item.status())) {
            throw new ReviewException(item.id(), "当前状态为“" + item.status().label() + "”，不能修改");
        }
        if (!content.account().equals(item.content().account())) {
            throw new ReviewException(item.id(), "不能把稿件改到另一个公众号（" + item.content().account() + " → "
                    + content.account() + "），请新建稿件");
        }
    }
}

package cn.gongkai.review;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Transactions;
import java.util.List;

/**
 * The decisions on the step an item waits on: an approval (the final one makes the item APPROVED) or a rejection
 * back to the drafter. Each is taken on the text the reviewer saw, by a user the rules of {@link Reviewers} allow,
 * and written as one audit row in the same transaction as the status change.
 */
final class ReviewDecisions {
    private final Transactions tx;
    private final ReviewItems items;
    private final ChainProgress progress;
    private final Reviewers reviewers;
    private final ReviewAudit audit;

    ReviewDecisions(Transactions tx, ReviewItems items, ChainProgress progress, Reviewers reviewers,
                    ReviewAudit audit) {
        this.tx = tx;
        this.items = items;
        this.progress = progress;
        this.reviewers = reviewers;
        this.audit = audit;
    }

    /** See {@link ReviewService#approve}; a second approval of a step the user already approved changes nothing. */
    ReviewService.Decision approve(long itemId, String actor, String seenHash, String comment) {
        return tx.inTransaction(() -> {
            User user = reviewers.require(itemId, actor);
            DisclosureItem stored = items.load(itemId);
            if (stored.status() != ItemStatus.REJECTED
                    && progress.standingDecisionBy(user.name(), stored, AuditAction.APPROVE).isPresent()) {
                return new ReviewService.Decision(stored, AuditAction.APPROVE, true);
            }
            DisclosureItem item = inReview(itemId, seenHash, true);
            if (!item.content().contentHash().equals(item.contentHash())) {
                throw new ReviewException(itemId, "内容与登记的内容指纹不符，请重新提交审核");
            }
            List<String> steps = progress.steps(item);
            int step = progress.currentStep(item);
            reviewers.toApprove(user, item).require(itemId);
            boolean last = step == steps.size() - 1;
            if (last) {
                approveFinally(item);
            }
            audit.decided(user, steps.get(step), item, AuditAction.APPROVE,
                    last ? ItemStatus.APPROVED : ItemStatus.IN_REVIEW, comment, step);
            return new ReviewService.Decision(items.load(itemId), AuditAction.APPROVE, false);
        });
    }

    /**
     * See {@link ReviewService#reject(long, String, String, String)}; the comment is already checked. A second
     * rejection by the user who rejected the item last changes nothing.
     */
    ReviewService.Decision reject(long itemId, String actor, String seenHash, String comment) {
        return tx.inTransaction(() -> {
            User user = reviewers.require(itemId, actor);
            DisclosureItem stored = items.load(itemId);
            if (stored.status() == ItemStatus.REJECTED
                    && progress.standingDecisionBy(user.name(), stored, AuditAction.REJECT).isPresent()) {
                return new ReviewService.Decision(stored, AuditAction.REJECT, true);
            }
            DisclosureItem item = inReview(itemId, seenHash, false);
            int step = progress.currentStep(item);
            String role = progress.steps(item).get(step);
            reviewers.toReject(user, item).require(itemId);
            items.transition(itemId, ItemStatus.IN_REVIEW, ItemStatus.REJECTED, comment);
            audit.decided(user, role, item, AuditAction.REJECT, ItemStatus.REJECTED, comment, step);
            return new ReviewService.Decision(items.load(itemId), AuditAction.REJECT, false);
        });
    }

    /** The final approval: the item becomes APPROVED, unless it changed while the reviewer was deciding. */
    private void approveFinally(DisclosureItem item) {
        items.transition(item.id(), ItemStatus.IN_REVIEW, ItemStatus.APPROVED, "");
        if (!items.load(item.id()).contentHash().equals(item.contentHash())) {
            // an edit committed while this approval was being decided: roll back rather than approve it unseen
            throw new ReviewException(item.id(), "稿件内容刚被修改，本次同意未记录；请刷新后查看新的内容再审核");
        }
    }

    /** The item, in review and with the text the reviewer saw (see {@link SeenHash}). */
    private DisclosureItem inReview(long itemId, String seenHash, boolean hashRequired) {
        DisclosureItem item = items.load(itemId);
        if (item.status() != ItemStatus.IN_REVIEW) {
            throw new ReviewException(item.id(), "当前状态为“" + item.status().label() + "”，不在审核中");
        }
        SeenHash.require(item, seenHash, hashRequired);
        return item;
    }
}

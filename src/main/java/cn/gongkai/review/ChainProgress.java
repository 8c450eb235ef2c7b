package cn.gongkai.review;

import cn.gongkai.item.Reviewable;
import cn.gongkai.item.ItemStatus;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where an item stands in its review chain, derived from its audit rows (the step is never stored): a submission,
 * an edit or a rejection starts the chain again, and only approvals of the current text count.
 */
final class ChainProgress {
    private final ReviewPolicy policy;
    private final AuditLog audit;

    ChainProgress(ReviewPolicy policy, AuditLog audit) {
        this.policy = policy;
        this.audit = audit;
    }

    /** The steps (role ids) this item goes through. */
    List<String> steps(Reviewable item) {
        return policy.stepsFor(item.unitId(), item.important());
    }

    /**
     * The index of the step now waiting for a decision. Approvals count when they follow on from each other on one
     * text; a proofreading change by the holder of the current step carries the approvals before it over to the
     * corrected text. In the end they must lead to the item's current text.
     */
    int currentStep(Reviewable item) {
        int step = 0;
        String text = null;
        for (AuditEntry e : audit.history(item.id())) {
            if (restartsReview(e)) {
                step = 0;
                text = null;
            } else if (AuditAction.PROOFREAD.is(e) && e.step() == step) {
                text = e.contentHash();
            } else if (AuditAction.APPROVE.is(e) && e.step() == step
                    && (text == null || text.equals(e.contentHash()))) {
                step++;
                text = e.contentHash();
            }
        }
        return text == null || text.equals(item.contentHash()) ? step : 0;
    }

    /** The role the item waits on, when it is in review. */
    Optional<String> waitingFor(Reviewable item) {
        if (item.status() != ItemStatus.IN_REVIEW) {
            return Optional.empty();
        }
        List<String> steps = steps(item);
        int step = currentStep(item);
        return step < steps.size() ? Optional.of(steps.get(step)) : Optional.empty();
    }

    /** Everyone who submitted, created or edited the item. */
    Set<String> authors(Reviewable item) {
        Set<String> out = new LinkedHashSet<>();
        for (AuditEntry e : audit.history(item.id())) {
            if (e.action().filter(AuditAction::authors).isPresent()) {
                out.add(e.actor());
            }
        }
        return out;
    }

    /**
     * An approval by {@code userName} of an earlier step that still counts (no submission, edit or rejection came
     * after it; a proofreading change does not end it).
     */
    Optional<AuditEntry> earlierApprovalBy(String userName, Reviewable item) {
        int current = currentStep(item);
        for (AuditEntry e : audit.history(item.id())) {
            if (AuditAction.APPROVE.is(e) && e.actor().equals(userName) && e.step() < current
                    && approvalCounts(item.id(), e)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * The last decision ({@code action}: approval or rejection) {@code userName} took that still stands: nothing
     * restarted review after it (a rejection is itself the last restart).
     */
    Optional<AuditEntry> standingDecisionBy(String userName, Reviewable item, AuditAction action) {
        List<AuditEntry> history = audit.history(item.id());
        for (int i = history.size() - 1; i >= 0; i--) {
            AuditEntry e = history.get(i);
            if (action.is(e) && e.actor().equals(userName)) {
                return Optional.of(e);
            }
            if (restartsReview(e)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** True when the approval row still counts: no submit, edit or rejection came after it. */
    private boolean approvalCounts(long itemId, AuditEntry approval) {
        boolean counts = false;
        for (AuditEntry e : audit.history(itemId)) {
            if (e.id() == approval.id()) {
                counts = true;
            } else if (counts && restartsReview(e)) {
                counts = false;
            }
        }
        return counts;
    }

    private static boolean restartsReview(AuditEntry e) {
        return e.action().filter(AuditAction::restartsReview).isPresent();
    }
}

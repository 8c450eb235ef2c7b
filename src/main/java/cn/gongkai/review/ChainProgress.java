package cn.gongkai.review;

import cn.gongkai.item.DisclosureItem;
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
    List<String> steps(DisclosureItem item) {
        return policy.stepsFor(item.content().important());
    }

    /** The index of the step now waiting for a decision. */
    int currentStep(DisclosureItem item) {
        int step = 0;
        for (AuditEntry e : audit.history(item.id())) {
            if (restartsReview(e)) {
                step = 0;
            } else if (AuditAction.APPROVE.is(e) && e.step() == step
                    && e.contentHash().equals(item.contentHash())) {
                step++;
            }
        }
        return step;
    }

    /** The role the item waits on, when it is in review. */
    Optional<String> waitingFor(DisclosureItem item) {
        if (item.status() != ItemStatus.IN_REVIEW) {
            return Optional.empty();
        }
        List<String> steps = steps(item);
        int step = currentStep(item);
        return step < steps.size() ? Optional.of(steps.get(step)) : Optional.empty();
    }

    /** Everyone who submitted, created or edited the item. */
    Set<String> authors(DisclosureItem item) {
        Set<String> out = new LinkedHashSet<>();
        for (AuditEntry e : audit.history(item.id())) {
            if (e.action().filter(AuditAction::authors).isPresent()) {
                out.add(e.actor());
            }
        }
        return out;
    }

    /** An approval by {@code userName} of an earlier step of the item's current text that still counts. */
    Optional<AuditEntry> earlierApprovalBy(String userName, DisclosureItem item) {
        int current = currentStep(item);
        for (AuditEntry e : audit.history(item.id())) {
            if (AuditAction.APPROVE.is(e) && e.actor().equals(userName)
                    && e.contentHash().equals(item.contentHash()) && e.step() < current
                    && approvalCounts(item.id(), e)) {
                return Optional.of(e);
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

package cn.gongkai.review;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.checks.CheckReport;
import java.time.Clock;

/** The append-only audit rows the review chain writes, each with the words staff read in the item's history. */
final class ReviewAudit {
    private final AuditLog audit;
    private final Clock clock;

    ReviewAudit(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** An item just queued via {@code channel}; with an empty chain also the OA approval that let it through. */
    void queued(DisclosureItem item, String actor, String channel, CheckReport report) {
        audit.append(AuditEntry.byUser(actor, Role.DRAFTER.id(), item, AuditAction.SUBMIT, null, item.status(),
                "经" + channel + "提交", clock.instant()).withChecks(report.toText()));
        if (item.status() == ItemStatus.APPROVED) {
            oaApproval(item);
        }
    }

    /** An item stored as a draft, not yet queued. */
    void created(DisclosureItem item, String actor, String channel, CheckReport report) {
        audit.append(AuditEntry.byUser(actor, Role.DRAFTER.id(), item, AuditAction.CREATE, null, item.status(),
                "经" + channel + "创建草稿", clock.instant()).withChecks(report.toText()));
    }

    /** A check run outside the chain; the item's status does not change. */
    void checked(DisclosureItem item, CheckReport report, String actor) {
        audit.append(AuditEntry.byUser(actor, "", item, AuditAction.CHECK, item.status(), item.status(),
                report.hasErrors() ? "发布前检查未通过" : "发布前检查通过", clock.instant()).withChecks(report.toText()));
    }

    /** A decision (approval or rejection) of step {@code step}, taken in the role of that step. */
    void decided(User user, String role, DisclosureItem item, AuditAction action, ItemStatus to, String comment,
                 int step) {
        audit.append(AuditEntry.byUser(user.name(), role, item, action, ItemStatus.IN_REVIEW, to, comment,
                clock.instant()).atStep(step));
    }

    /** A submission or an edit by {@code user} that moved the item from {@code from} to {@code to}. */
    void changed(User user, DisclosureItem after, AuditAction action, ItemStatus from, ItemStatus to, String comment,
                 CheckReport report) {
        audit.append(AuditEntry.byUser(user.name(), user.role().id(), after, action, from, to, comment,
                clock.instant()).withChecks(report.toText()));
        if (to == ItemStatus.APPROVED) {
            oaApproval(after);
        }
    }

    /**
     * A proofreading change by the holder of step {@code step}: the item stays in review at that step; the row
     * carries the corrected text's hash (approvals before it carry over to it).
     */
    void proofread(User user, DisclosureItem before, DisclosureItem after, int step, String comment,
                   CheckReport report) {
        audit.append(AuditEntry.byUser(user.name(), user.role().id(), after, AuditAction.PROOFREAD, before.status(),
                after.status(), comment, clock.instant()).atStep(step).withChecks(report.toText()));
    }

    /** A change outside the chain (planned time, deletion) by {@code user}; the status stays. */
    void managed(User user, DisclosureItem item, AuditAction action, String comment) {
        audit.append(AuditEntry.byUser(user.name(), user.role().id(), item, action, item.status(), item.status(),
                comment, clock.instant()));
    }

    /** With an empty chain a queued item arrives approved: the audit says the OA system approved it. */
    private void oaApproval(DisclosureItem item) {
        audit.append(AuditEntry.byUser("oa", "", item, AuditAction.APPROVE, ItemStatus.IN_REVIEW, ItemStatus.APPROVED,
                "review.chain 为空：稿件已在单位 OA 系统中审批，直接进入待发布", clock.instant()));
    }
}

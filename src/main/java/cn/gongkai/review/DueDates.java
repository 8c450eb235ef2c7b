package cn.gongkai.review;

import cn.gongkai.item.Reviewable;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.checks.Finding;
import cn.gongkai.review.checks.Severity;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The time limit of 条例 art. 26: an item is published within {@code review.due-working-days} working days of the
 * day it was created, counted on the policy's holiday calendar (days off and 调休 working weekends of the notices).
 */
final class DueDates {
    /** Statuses in which an item can no longer be late: it is published, being published, or taken back. */
    private static final Set<ItemStatus> DONE = Set.of(ItemStatus.PUBLISHED, ItemStatus.PUBLISHING,
            ItemStatus.WITHDRAWN, ItemStatus.CORRECTED);

    private final ReviewPolicy policy;

    DueDates(ReviewPolicy policy) {
        this.policy = policy;
    }

    /** The day the item was created, in the configured zone. */
    LocalDate createdDate(Reviewable item) {
        return item.createdAt().atZone(policy.zone()).toLocalDate();
    }

    /** The date by which the item should be published. */
    LocalDate dueDate(Reviewable item) {
        return policy.calendar().plus(createdDate(item), policy.dueWorkingDays());
    }

    /** True when the item is not yet published and {@code today} is after its due date. */
    boolean overdue(Reviewable item, LocalDate today) {
        return !DONE.contains(item.status()) && today.isAfter(dueDate(item));
    }

    /** A warning when the planned time of {@code content} is later than the due date counted from {@code created}. */
    Optional<Finding> lateWarning(ItemContent content, LocalDate created) {
        if (content.publishAt() == null) {
            return Optional.empty();
        }
        LocalDate due = policy.calendar().plus(created, policy.dueWorkingDays());
        LocalDate planned = content.publishAt().atZone(policy.zone()).toLocalDate();
        if (!planned.isAfter(due)) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Severity.WARNING, "due-date", "publish_at", 0, 0, "计划发布日期 " + planned
                + " 晚于公开时限 " + due + "（条例第二十六条：形成或变更之日起 " + policy.dueWorkingDays()
                + " 个工作日内公开；" + policy.calendar().countingNote(created, due) + "）"));
    }
}

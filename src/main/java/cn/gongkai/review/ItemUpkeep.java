package cn.gongkai.review;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Transactions;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Set;

/**
 * What is done to an item outside the review chain, by its drafter or an office role ({@link Reviewers}): moving
 * the planned time of an approved item (time is not content: the approvals stay) and deleting an item that was
 * never approved. Each is audited with who and why.
 */
final class ItemUpkeep {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The statuses of items never approved, which may be deleted. */
    static final Set<ItemStatus> DELETABLE = Set.of(ItemStatus.DRAFT, ItemStatus.IN_REVIEW, ItemStatus.REJECTED);

    private final Transactions tx;
    private final ReviewItems items;
    private final Reviewers reviewers;
    private final ReviewAudit audit;
    private final ZoneId zone;

    ItemUpkeep(Transactions tx, ReviewItems items, Reviewers reviewers, ReviewAudit audit, ZoneId zone) {
        this.tx = tx;
        this.items = items;
        this.reviewers = reviewers;
        this.audit = audit;
        this.zone = zone;
    }

    /** True when the edit from {@code item} to {@code content} only moves the planned time of an approved item. */
    static boolean onlyTimeOfApproved(DisclosureItem item, ItemContent content) {
        return item.status() == ItemStatus.APPROVED && !Objects.equals(item.content().publishAt(), content.publishAt())
                && item.content().withPublishAt(null).equals(content.withPublishAt(null));
    }

    /** See {@link ReviewService#reschedule}. */
    DisclosureItem reschedule(long itemId, Instant at, String actor, String reason) {
        User user = reviewers.require(itemId, actor);
        requireReason(itemId, reason, "调整发布时间");
        return tx.inTransaction(() -> {
            DisclosureItem item = items.load(itemId);
            if (item.status() != ItemStatus.APPROVED) {
                throw new ReviewException(itemId, "当前状态为“" + item.status().label()
                        + "”，只有已审定待发布的稿件可以调整发布时间；其他稿件请修改稿件中的计划发布时间");
            }
            reviewers.requireManager(user, item, "调整发布时间");
            DisclosureItem moved = items.replaceContent(itemId, item.content().withPublishAt(at),
                    ItemStatus.APPROVED, ItemStatus.APPROVED);
            audit.managed(user, moved, AuditAction.RESCHEDULE, "计划发布时间 " + shown(item.content().publishAt())
                    + " → " + shown(at) + "，审核意见保留。原因：" + reason.strip());
            return moved;
        });
    }

    /** See {@link ReviewService#delete}. */
    void delete(long itemId, String actor, String reason) {
        User user = reviewers.require(itemId, actor);
        tx.inTransaction(() -> {
            DisclosureItem item = items.load(itemId);
            reviewers.requireManager(user, item, "删除稿件");
            if (!DELETABLE.contains(item.status())) {
                throw new ReviewException(itemId, "当前状态为“" + item.status().label()
                        + "”，不能删除：只有草稿、审核中或已退回（从未审定）的稿件可以删除");
            }
            audit.managed(user, item, AuditAction.DELETE, "删除稿件“" + item.title() + "”"
                    + (reason == null || reason.isBlank() ? "" : "。原因：" + reason.strip()));
            items.delete(itemId, item.status());
            return null;
        });
    }

    private static void requireReason(long itemId, String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new ReviewException(itemId, what + "必须写明原因（--reason）");
        }
    }

    private String shown(Instant at) {
        return at == null ? "（下一个发布时段）" : MINUTE.format(at.atZone(zone));
    }
}

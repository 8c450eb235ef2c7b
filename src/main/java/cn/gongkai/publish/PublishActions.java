package cn.gongkai.publish;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Transactions;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.AuditLog;
import java.time.Clock;
import java.time.Instant;

/**
 * What staff do to items around publishing, for the CLI, the console and the REST API: requeue an item that
 * failed once the cause is fixed. Every action writes an audit row naming who did it.
 */
public final class PublishActions {
    private final ItemRepository items;
    private final AuditLog audit;
    private final Transactions tx;
    private final Clock clock;

    public PublishActions(PublishStore store, Clock clock) {
        this.items = store.items();
        this.audit = store.audit();
        this.tx = store.tx();
        this.clock = clock;
    }

    /**
     * Puts a FAILED item back among the approved ones, to go out in the next slot. Its content must be the approved
     * content: an edited item goes through review again instead.
     *
     * @throws PublishActionException naming the item and why when it is not FAILED or was edited after approval
     */
    public DisclosureItem requeue(long itemId, String actor, String comment) {
        requireActor(actor);
        return tx.inTransaction(() -> {
            DisclosureItem item = items.find(itemId).orElseThrow(() ->
                    new PublishActionException(itemId, "稿件 " + itemId + " 不存在"));
            if (item.status() != ItemStatus.FAILED) {
                throw new PublishActionException(itemId, "稿件 " + itemId + "《" + item.title() + "》当前为“"
                        + item.status().label() + "”，只有“发布失败”的稿件可以重新排队");
            }
            if (!item.content().contentHash().equals(item.contentHash())) {
                throw new PublishActionException(itemId, "稿件 " + itemId + "《" + item.title()
                        + "》在审定后内容被改动，须重新提交审核，不能直接重新排队");
            }
            Instant now = clock.instant();
            if (!items.transition(itemId, ItemStatus.FAILED, ItemStatus.APPROVED, null, "", now)) {
                throw new PublishActionException(itemId, "稿件 " + itemId + " 的状态刚被其他人改变，请刷新后重试");
            }
            String note = comment == null || comment.isBlank() ? "" : "：" + comment.strip();
            audit.append(new AuditEntry(0, itemId, actor.strip(), "", "REQUEUE", ItemStatus.FAILED.name(),
                    ItemStatus.APPROVED.name(), -1, "问题已处理，重新排队发布（上次失败原因：" + item.failure() + "）" + note,
                    item.contentHash(), "", now));
            return items.find(itemId).orElseThrow();
        });
    }

    private static void requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("请用 --as 写明操作人");
        }
    }
}

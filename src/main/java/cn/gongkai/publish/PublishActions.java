package cn.gongkai.publish;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Transactions;
import cn.gongkai.item.WeChatLimits;
import cn.gongkai.review.AuditAction;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.AuditLog;
import cn.gongkai.review.ReviewService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What staff do to items around publishing, for the CLI, the console and the REST API: requeue an item that
 * failed once the cause is fixed; withdraw a published article ({@code freepublish/delete}); publish a 更正说明
 * (correction notice) linked to the original, which the ledger counts as the same article. Every action writes an
 * audit row naming who did it.
 */
public final class PublishActions {
    /** A 更正说明 goes out before every other due item. */
    public static final int CORRECTION_PRIORITY = 100;
    private static final int TITLE_MAX = WeChatLimits.TITLE_CHARS;

    private final ItemRepository items;
    private final LedgerRepository ledger;
    private final AuditLog audit;
    private final Transactions tx;
    private final WeChatGateway wechat;
    private final EarlierAttempts earlier;
    private final ReviewService review;
    private final Clock clock;

    /**
     * @param review gives a new 更正说明 its first status and audit rows (it goes through review like any item, or is
     *               approved at once when the chain is empty)
     */
    public PublishActions(PublishStore store, WeChatGateway wechat, ReviewService review, Clock clock) {
        this.items = store.items();
        this.ledger = store.ledger();
        this.audit = store.audit();
        this.tx = store.tx();
        this.wechat = wechat;
        this.earlier = new EarlierAttempts(store, wechat, clock);
        this.review = review;
        this.clock = clock;
    }

    /**
     * Puts a FAILED item back among the approved ones, to go out in the next slot. Its content must be the approved
     * content: an edited item goes through review again instead. First WeChat's own state settles whether an earlier
     * attempt reached readers after all ({@link EarlierAttempts}): if it did, the item becomes PUBLISHED with WeChat's
     * link and the requeue is refused; if WeChat cannot be asked, the requeue is refused rather than risking a second
     * copy.
     *
     * @throws PublishActionException naming the item and why when it is not FAILED, was edited after approval, was
     *                                published after all, or WeChat could not be asked
     */
    public DisclosureItem requeue(long itemId, String actor, String comment) {
        requireActor(actor);
        EarlierAttempts.Finding finding = earlier.settle(requeueable(itemId));
        if (finding.verdict() != EarlierAttempts.Verdict.NOT_PUBLISHED) {
            throw new PublishActionException(itemId, finding.reason());
        }
        return tx.inTransaction(() -> {
            DisclosureItem item = requeueable(itemId);
            Instant now = clock.instant();
            if (!items.transition(itemId, ItemStatus.FAILED, ItemStatus.APPROVED, null, "", now)) {
                throw new PublishActionException(itemId, "稿件 " + itemId + " 的状态刚被其他人改变，请刷新后重试");
            }
            audit.append(AuditEntry.byUser(actor.strip(), "", item, AuditAction.REQUEUE, ItemStatus.FAILED,
                    ItemStatus.APPROVED, "问题已处理，重新排队发布（上次失败原因：" + item.failure() + "）" + note(comment),
                    now));
            return items.find(itemId).orElseThrow();
        });
    }

    private DisclosureItem requeueable(long itemId) {
        DisclosureItem item = item(itemId);
        if (item.status() != ItemStatus.FAILED) {
            throw new PublishActionException(itemId, "稿件 " + itemId + "《" + item.title() + "》当前为“"
                    + item.status().label() + "”，只有“发布失败”的稿件可以重新排队");
        }
        if (!item.content().contentHash().equals(item.contentHash())) {
            throw new PublishActionException(itemId, "稿件 " + itemId + "《" + item.title()
                    + "》在审定后内容被改动，须重新提交审核，不能直接重新排队");
        }
        return item;
    }

    /**
     * Withdraws a published article from the account ({@code freepublish/delete}, irreversible, 10 calls a day).
     * The ledger row stays and is flagged deleted: the article still counts as disclosed (design.md §6). Mass-sent
     * articles cannot be withdrawn through this API.
     *
     * @throws PublishActionException when the item is not published by freepublish or already withdrawn
     * @throws WeChatException        when WeChat refuses; nothing is changed here then
     */
    public DisclosureItem withdraw(long itemId, String actor, String reason) {
        requireActor(actor);
        if (reason == null || reason.isBlank()) {
            throw new PublishActionException(itemId, "请写明撤回原因（--reason）");
        }
        DisclosureItem item = item(itemId);
        if (item.status() != ItemStatus.PUBLISHED && item.status() != ItemStatus.CORRECTED) {
            throw new PublishActionException(itemId, "稿件 " + itemId + "《" + item.title() + "》当前为“"
                    + item.status().label() + "”，只有已发布的文章可以撤回");
        }
        LedgerEntry row = ledger.findByItem(itemId, PublishBatch.FREEPUBLISH).orElseThrow(() ->
                new PublishActionException(itemId, "稿件 " + itemId + "《" + item.title() + "》是群发消息，不能通过接口撤回；"
                        + "请公众号管理员在 mp.weixin.qq.com → 内容与互动 → 发表记录 中删除"));
        if (row.deleted()) {
            throw new PublishActionException(itemId, "稿件 " + itemId + "《" + item.title() + "》已于 "
                    + row.deletedAt() + " 撤回");
        }
        wechat.deletePublished(item.content().account(), row.articleId(), row.index());
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            ledger.markDeleted(row.id(), now);
            items.transition(itemId, item.status(), ItemStatus.WITHDRAWN, null, null, now);
            audit.append(AuditEntry.byUser(actor.strip(), "", item, AuditAction.WITHDRAW, item.status(),
                    ItemStatus.WITHDRAWN, "已从公众号撤回（article_id " + row.articleId() + " 第 " + row.index() + " 篇）："
                    + reason.strip(), now));
            return items.find(itemId).orElseThrow();
        });
    }

    /**
     * Creates the 更正说明 of a published item: a new item titled 更正说明 with the staff's text and a link to the
     * original article, first in the queue; it goes through review like any item. When it is published its ledger row
     * is marked as the correction of the original's, and the original becomes CORRECTED. With {@code withdrawOriginal}
     * the original article is withdrawn first.
     *
     * @return the new 更正说明 item
     */
    public DisclosureItem correct(long itemId, String actor, String text, boolean withdrawOriginal) {
        requireActor(actor);
        if (text == null || text.isBlank()) {
            throw new PublishActionException(itemId, "请写明更正内容（--text），例如：原文第二段“2023年”应为“2024年”。");
        }
        DisclosureItem original = item(itemId);
        List<ItemStatus> correctable = List.of(ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN, ItemStatus.CORRECTED);
        if (!correctable.contains(original.status())) {
            throw new PublishActionException(itemId, "稿件 " + itemId + "《" + original.title() + "》当前为“"
                    + original.status().label() + "”，只有已发布（或已撤回）的文章需要更正说明；未发布的稿件请直接修改");
        }
        Optional<LedgerEntry> row = ledger.findByItem(itemId, PublishBatch.FREEPUBLISH)
                .or(() -> ledger.findByItem(itemId, PublishBatch.MASS));
        if (withdrawOriginal && original.status() != ItemStatus.WITHDRAWN) {
            original = withdraw(itemId, actor, "发布更正说明前撤回原文");
        }
        ItemContent notice = notice(original.content(), text.strip(), row.map(LedgerEntry::url).orElse(""));
        DisclosureItem o = original;
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            DisclosureItem created = items.insert(notice, review.initialStatusOn(notice.account()), null, now);
            items.setCorrects(created.id(), o.id());
            items.setPriority(created.id(), CORRECTION_PRIORITY);
            review.recordQueued(created, actor.strip(), "更正说明");
            audit.append(AuditEntry.byUser(actor.strip(), "", o, AuditAction.CORRECTION_QUEUED, o.status(), o.status(),
                    "已起草更正说明（稿件 " + created.id() + "）：" + text.strip(), now));
            return items.find(created.id()).orElseThrow();
        });
    }

    private static ItemContent notice(ItemContent original, String text, String url) {
        String title = "更正说明：" + original.title();
        if (WeChatLimits.chars(title) > TITLE_MAX) {
            title = title.substring(0, title.offsetByCodePoints(0, TITLE_MAX - 1)) + "…";
        }
        String link = url.isBlank() ? "《" + original.title() + "》" : "[《" + original.title() + "》](" + url + ")";
        String body = text + "\n\n原文：" + link + "\n\n特此更正。";
        return new ItemContent(original.account(), original.category(), title, original.author(),
                original.department(), body, List.of(), List.of(), List.of(), null, original.docNo(), "", null, false);
    }

    private DisclosureItem item(long itemId) {
        return items.find(itemId).orElseThrow(() -> new PublishActionException(itemId, "稿件 " + itemId + " 不存在"));
    }

    private static String note(String comment) {
        return comment == null || comment.isBlank() ? "" : "：" + comment.strip();
    }

    private static void requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("请用 --as 写明操作人");
        }
    }
}

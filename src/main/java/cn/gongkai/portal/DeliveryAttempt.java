package cn.gongkai.portal;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerRepository;
import cn.gongkai.publish.PublishBatch;
import cn.gongkai.review.AuditAction;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt of a claimed delivery: loads the item, makes its package, sends it under the row's identity and
 * records what came of it. A failure for a passing reason (or an answer that never came) is tried again later under
 * the same identity; any other waits for staff.
 */
final class DeliveryAttempt {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryAttempt.class);
    /** Item statuses whose content is approved and may go out. */
    static final Set<ItemStatus> DELIVERABLE = Set.of(ItemStatus.APPROVED, ItemStatus.PUBLISHING, ItemStatus.PUBLISHED);

    /** How an attempt ended. */
    enum Result { SENT, ADOPTED, RETRY, FAILED }

    private final DeliveryStore store;
    private final ItemRepository items;
    private final LedgerRepository ledger;
    private final AuditLog audit;
    private final PortalPackages packages;
    private final RetryPolicy retry;
    private final DeliveryBoundary.Listener boundaries;
    private final Clock clock;

    DeliveryAttempt(DeliveryStore store, ItemRepository items, LedgerRepository ledger, AuditLog audit,
                    PortalPackages packages, RetryPolicy retry, DeliveryBoundary.Listener boundaries, Clock clock) {
        this.store = store;
        this.items = items;
        this.ledger = ledger;
        this.audit = audit;
        this.packages = packages;
        this.retry = retry;
        this.boundaries = boundaries;
        this.clock = clock;
    }

    /** Sends the claimed row with {@code sender}; {@code attempts} counts this one. */
    Result send(PortalConfig portal, PortalDelivery row, PortalSender sender) {
        Optional<DisclosureItem> item = items.find(row.itemId()).filter(i -> DELIVERABLE.contains(i.status()));
        if (item.isEmpty()) {
            return fail(row, "稿件已删除、撤回或退回修改，不再自动报送。重新审定后如需报送，请用 gongkai portal resend "
                    + row.itemId() + " --portal " + row.portalId() + " --as 用户名", null);
        }
        PortalPackage pkg;
        try {
            pkg = packages.make(item.get(), portal, facts(item.get(), row));
        } catch (RuntimeException e) {
            LOG.warn("cannot make the package of item {} for portal {}", row.itemId(), row.portalId(), e);
            return fail(row, "生成报送材料失败：" + e.getMessage() + "。请修正稿件后用 gongkai portal resend "
                    + row.itemId() + " --portal " + row.portalId() + " --as 用户名 重新报送", null);
        }
        try {
            SendReceipt receipt = sender.send(pkg, row.identity());
            return recordSent(portal, item.get(), row, receipt);
        } catch (DeliveryException e) {
            LOG.warn("delivery of item {} to portal {} failed ({}): {}", row.itemId(), row.portalId(), e.kind(),
                    e.getMessage());
            return e.kind() == DeliveryException.Kind.PERMANENT
                    ? fail(row, e.staffMessage() + "。修正后请用 gongkai portal resend " + row.itemId() + " --portal "
                            + row.portalId() + " --as 用户名 重新报送", null)
                    : fail(row, e.staffMessage() + "。系统会自动重试（已尝试 " + row.attempts() + " 次），收件方按同一编号识别，不会重复",
                            retry.nextAttempt(clock.instant(), row.attempts()));
        } catch (RuntimeException e) {
            LOG.warn("sender of portal {} failed unexpectedly on item {}", row.portalId(), row.itemId(), e);
            return fail(row, "报送时程序出错（" + e.getClass().getSimpleName() + "），系统会自动重试，收件方按同一编号识别",
                    retry.nextAttempt(clock.instant(), row.attempts()));
        }
    }

    private Result recordSent(PortalConfig portal, DisclosureItem item, PortalDelivery row, SendReceipt receipt) {
        boundaries.reached(DeliveryBoundary.SEND_ANSWERED, row.itemId(), row.portalId());
        String url = receipt.adoptedUrl().orElse("");
        Instant now = clock.instant();
        if (!store.sent(row.itemId(), row.portalId(), receipt.reference(), url, now)) {
            return Result.SENT;
        }
        audit.append(AuditEntry.byPublisher(item, AuditAction.PORTAL_SENT, item.status(), item.status(),
                "报送" + portal.name() + "：" + row.identity().messageId() + (url.isEmpty() ? "" : "，已采用：" + url),
                now));
        boundaries.reached(DeliveryBoundary.SENT, row.itemId(), row.portalId());
        return url.isEmpty() ? Result.SENT : Result.ADOPTED;
    }

    private Result fail(PortalDelivery row, String reason, Instant nextAttempt) {
        store.failed(row.itemId(), row.portalId(), reason, nextAttempt);
        return nextAttempt == null ? Result.FAILED : Result.RETRY;
    }

    /** The WeChat link and time when WeChat published the item first. */
    private DeliveryFacts facts(DisclosureItem item, PortalDelivery row) {
        Optional<LedgerEntry> wechat = ledger.findByItem(item.id(), PublishBatch.FREEPUBLISH)
                .or(() -> ledger.findByItem(item.id(), PublishBatch.MASS));
        return new DeliveryFacts(wechat.map(LedgerEntry::url).orElse(""),
                wechat.map(LedgerEntry::publishedAt).orElse(null), row.preparedAt());
    }
}

package cn.gongkai.portal;

import cn.gongkai.item.ItemRepository;
import cn.gongkai.publish.LedgerRepository;
import cn.gongkai.review.AuditLog;

/**
 * What a delivery reads and writes besides its own rows: the items, the WeChat ledger (for the link), the audit log
 * and the package maker.
 */
public record DeliveryParts(ItemRepository items, LedgerRepository ledger, AuditLog audit, PortalPackages packages) {
}

package cn.gongkai.portal;

import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.config.UnitConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Transactions;
import cn.gongkai.review.AuditAction;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.AuditLog;
import cn.gongkai.review.User;
import cn.gongkai.review.Users;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What the receiving unit's office does with an item another unit delivered to it inside this instance: 采用 makes a
 * new DRAFT item in the receiving unit (on its first account, the text and pictures copied, its source key
 * {@code district:<sending unit>:<item id>}, so that one delivery can never make two items) and records the delivery
 * ADOPTED through {@link DeliveryDecisions} with the new item's console address, which the sending unit's counts
 * then show; 不采用 records NOT_ADOPTED. A crash between the two steps is finished by the next 采用: the item made
 * by the first is found by its source key. Refusals are {@link IllegalArgumentException}s in Chinese.
 */
public final class InternalAdoption {
    private final GongkaiConfig config;
    private final InternalInbox inbox;
    private final ItemRepository items;
    private final AuditLog audit;
    private final Transactions tx;
    private final Users users;
    private final Supplier<DeliveryDecisions> decisions;
    private final Clock clock;

    public InternalAdoption(GongkaiConfig config, InternalInbox inbox, ItemRepository items, AuditLog audit,
                            Transactions tx, Users users, Supplier<DeliveryDecisions> decisions, Clock clock) {
        this.config = config;
        this.inbox = inbox;
        this.items = items;
        this.audit = audit;
        this.tx = tx;
        this.users = users;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** The source key of the item adopted from {@code itemId} of {@code sendingUnit}. */
    public static String sourceKey(String sendingUnit, long itemId) {
        return "district:" + sendingUnit + ":" + itemId;
    }

    /** The console address of an item, recorded as the adopted link. */
    static String link(long itemId) {
        return "/items/" + itemId;
    }

    /** Adopts the incoming item into {@code unitId}; returns the new DRAFT item. */
    public DisclosureItem adopt(String unitId, String portalId, long itemId, String user) {
        InternalInbox.Incoming in = incoming(unitId, portalId, itemId);
        if (in.delivery().state() == DeliveryState.ADOPTED) {
            throw new IllegalArgumentException("这篇报送已经采用过了" + in.adoptedItemId().map(id -> "（本单位稿件 " + id + "）")
                    .orElse("") + "，不能再采用一次");
        }
        User actor = users.require(user);
        if (!actor.active()) {
            throw new IllegalArgumentException("用户“" + actor.name() + "”已停用，不能采用");
        }
        String key = sourceKey(in.sendingUnitId(), itemId);
        DisclosureItem made = items.findBySourceKey(key).flatMap(items::find)
                .orElseGet(() -> create(unitId, in, key, actor));
        decisions.get().recordInternal(itemId, portalId, DeliveryState.ADOPTED, link(made.id()), actor.name());
        return made;
    }

    /** Records that the receiving unit does not adopt the incoming item. */
    public PortalDelivery decline(String unitId, String portalId, long itemId, String user) {
        InternalInbox.Incoming in = incoming(unitId, portalId, itemId);
        if (in.delivery().state() == DeliveryState.ADOPTED) {
            throw new IllegalArgumentException("这篇报送已经采用（本单位已据此起草稿件），不能再登记为不采用");
        }
        return decisions.get().recordInternal(itemId, portalId, DeliveryState.NOT_ADOPTED, "", user);
    }

    private InternalInbox.Incoming incoming(String unitId, String portalId, long itemId) {
        return inbox.find(unitId, portalId, itemId).orElseThrow(() -> new IllegalArgumentException(
                "报送收件箱中没有这篇稿件（" + portalId + " / " + itemId + "）"));
    }

    private DisclosureItem create(String unitId, InternalInbox.Incoming in, String key, User actor) {
        UnitConfig unit = config.unit(unitId).orElseThrow(() -> new IllegalArgumentException("没有单位 " + unitId));
        DisclosureItem source = items.find(in.delivery().itemId()).orElseThrow(() -> new IllegalArgumentException(
                "报送的原稿件已不存在，不能采用"));
        Instant now = clock.instant();
        try {
            // the item and its CREATE row together, or neither
            return tx.inTransaction(() -> {
                DisclosureItem made = items.insert(unitId, copy(source.content(), unit), ItemStatus.DRAFT, key, now);
                audit.append(AuditEntry.byUser(actor.name(), actor.role().id(), made, AuditAction.CREATE, null,
                        ItemStatus.DRAFT, "采用" + in.sendingUnitName() + "报送的稿件（原稿件 " + source.id() + "）", now));
                return made;
            });
        } catch (RuntimeException e) {
            // another 采用 of the same delivery was first: its item holds the source key
            return items.findBySourceKey(key).flatMap(items::find).orElseThrow(() -> e);
        }
    }

    /** The source's text and pictures on the unit's first account, in its category when it has it, else its first. */
    static ItemContent copy(ItemContent c, UnitConfig unit) {
        String category = unit.categories().contains(c.category()) ? c.category() : unit.categories().get(0);
        return new ItemContent(unit.accounts().get(0), category, c.title(), c.author(), c.department(), c.body(),
                c.notes(), c.glossary(), c.images(), c.cover(), c.docNo(), c.sourceUrl(), null, c.digest(),
                c.headingNumbers(), false, c.signature(), c.signedAt());
    }
}

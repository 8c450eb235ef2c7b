package cn.gongkai.web;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerRepository;
import cn.gongkai.publish.PublishBatch;
import cn.gongkai.review.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Where a published item is, from the ledger: its article links (发布 and 群发), and who may withdraw or correct it. */
final class PublishedLinks {
    private static final Set<ItemStatus> CORRECTABLE = Set.of(ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN,
            ItemStatus.CORRECTED);

    private final LedgerRepository ledger;
    private final Views views;

    PublishedLinks(LedgerRepository ledger, Views views) {
        this.ledger = ledger;
        this.views = views;
    }

    ItemDetailView.Published of(User me, DisclosureItem item) {
        if (!CORRECTABLE.contains(item.status())) {
            return new ItemDetailView.Published(List.of(), false, false);
        }
        List<ItemDetailView.Link> links = new ArrayList<>();
        ledger.findByItem(item.id(), PublishBatch.FREEPUBLISH).ifPresent(e -> links.add(link("发布", e)));
        ledger.findByItem(item.id(), PublishBatch.MASS).ifPresent(e -> links.add(link("群发", e)));
        boolean publisher = ConsoleAccess.holds(me, ItemPages.PUBLISHERS);
        boolean withdrawable = item.status() != ItemStatus.WITHDRAWN && links.stream()
                .anyMatch(l -> l.mode().equals("发布") && l.withdrawnAt().isEmpty());
        return new ItemDetailView.Published(links, publisher && withdrawable, publisher);
    }

    private ItemDetailView.Link link(String mode, LedgerEntry e) {
        return new ItemDetailView.Link(mode, e.url() == null ? "" : e.url(), views.time(e.publishedAt()),
                e.deletedAt() == null ? "" : views.time(e.deletedAt()));
    }
}

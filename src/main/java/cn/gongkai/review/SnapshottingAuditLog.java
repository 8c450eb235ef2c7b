package cn.gongkai.review;

import cn.gongkai.item.ItemRepository;
import java.time.ZoneId;
import java.util.List;

/**
 * An audit log that also keeps the text of every approved or rejected version: when an approval or rejection row is
 * appended for the item's current content, the review text of that content is saved in {@link ApprovedSnapshots} in
 * the same transaction, so that after a rejection reviewers can compare the resubmitted text with the one they sent
 * back. Decisions made through the CLI, the REST API and the console are all kept this way.
 */
public final class SnapshottingAuditLog implements AuditLog {
    private final AuditLog delegate;
    private final ItemRepository items;
    private final ApprovedSnapshots snapshots;
    private final ZoneId zone;

    public SnapshottingAuditLog(AuditLog delegate, ItemRepository items, ApprovedSnapshots snapshots, ZoneId zone) {
        this.delegate = delegate;
        this.items = items;
        this.snapshots = snapshots;
        this.zone = zone;
    }

    @Override
    public AuditEntry append(AuditEntry entry) {
        AuditEntry stored = delegate.append(entry);
        if (AuditAction.APPROVE.is(entry) || AuditAction.REJECT.is(entry)) {
            items.find(entry.itemId()).filter(i -> i.contentHash().equals(entry.contentHash()))
                    .ifPresent(i -> snapshots.save(i.id(), i.contentHash(), ReviewText.of(i.content(), zone),
                            entry.at()));
        }
        return stored;
    }

    @Override
    public List<AuditEntry> history(long itemId) {
        return delegate.history(itemId);
    }

    @Override
    public <T> T readingAhead(java.util.Collection<Long> itemIds, java.util.function.Supplier<T> work) {
        return delegate.readingAhead(itemIds, work);
    }
}

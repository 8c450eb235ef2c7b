package cn.gongkai.publish;

import cn.gongkai.item.ImageStore;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.Transactions;
import cn.gongkai.review.AuditLog;
import java.util.Objects;

/** The storage ports publishing works on; every one of them joins {@link #tx()}'s transactions. */
public record PublishStore(ItemRepository items, ImageStore images, BatchRepository batches, LedgerRepository ledger,
                           MediaCache media, AuditLog audit, Transactions tx, PublishEventLog events) {
    public PublishStore {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(batches, "batches");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(events, "events");
    }
}

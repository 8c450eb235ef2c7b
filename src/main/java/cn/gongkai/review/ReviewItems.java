package cn.gongkai.review;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import java.time.Clock;

/** The item store as the review chain uses it: each change is refused when someone else moved the item first. */
final class ReviewItems {
    private static final String CHANGED_BY_OTHERS = "稿件状态已被他人改变，请刷新后重试";

    private final ItemRepository items;
    private final Clock clock;

    ReviewItems(ItemRepository items, Clock clock) {
        this.items = items;
        this.clock = clock;
    }

    DisclosureItem load(long itemId) {
        return items.find(itemId).orElseThrow(() -> new ReviewException(itemId, "稿件不存在"));
    }

    /** Moves the item from {@code from} to {@code to}, with {@code comment} as the reason. */
    void transition(long itemId, ItemStatus from, ItemStatus to, String comment) {
        if (!items.transition(itemId, from, to, null, comment, clock.instant())) {
            throw new ReviewException(itemId, CHANGED_BY_OTHERS);
        }
    }

    /** Replaces the item's content and moves it from {@code from} to {@code to}; the item after the change. */
    DisclosureItem replaceContent(long itemId, ItemContent content, ItemStatus from, ItemStatus to) {
        return items.replaceContent(itemId, content, from, to, clock.instant())
                .orElseThrow(() -> new ReviewException(itemId, CHANGED_BY_OTHERS));
    }

    /** Deletes the item, still in {@code from}. */
    void delete(long itemId, ItemStatus from) {
        if (!items.delete(itemId, from, clock.instant())) {
            throw new ReviewException(itemId, CHANGED_BY_OTHERS);
        }
    }
}

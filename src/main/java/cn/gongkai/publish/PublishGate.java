package cn.gongkai.publish;

import cn.gongkai.item.DisclosureItem;

/**
 * The last look at an approved item just before it is claimed for publishing: the pre-publish checks run again
 * (design.md §4). An item refused here becomes FAILED with the reason and never reaches WeChat.
 */
@FunctionalInterface
public interface PublishGate {
    /** Lets every item through. */
    PublishGate OPEN = item -> "";

    /**
     * Checks the item and records the result.
     *
     * @return empty when the item may be published, else the Chinese reason it may not
     */
    String refusal(DisclosureItem item);
}

package cn.gongkai.item;

import java.time.Instant;

/**
 * What review needs of an item to say where it stands — whose turn it is, who wrote it, when it is due — without its
 * body or children: a whole {@link DisclosureItem}, or the {@link ItemHead} a console list reads.
 */
public interface Reviewable {
    long id();

    ItemStatus status();

    /** Whether it takes the important-item chain. */
    boolean important();

    /** The hash of its current text: approvals count only for the text they saw. */
    String contentHash();

    Instant createdAt();

    /** The unit (单位) it belongs to: only that unit's people act on it. */
    String unitId();
}

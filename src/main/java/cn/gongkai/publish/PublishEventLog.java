package cn.gongkai.publish;

import java.time.Instant;
import java.util.Optional;

/**
 * PUBLISHJOBFINISH events as received, one per account and publish_id: a repeat of an event (WeChat retries when it
 * got no answer in 5 s) is recognised by its publish_id, never by sender and second. An event is only a hint that a
 * job finished (it says when to ask WeChat, never what happened); events expire and are bounded per account.
 */
public interface PublishEventLog {

    /** Stores the event; false when an event with that publish_id was already stored for the account. */
    boolean record(String account, PublishStatus event, Instant receivedAt);

    /** The stored event for the publish_id, if one came. */
    Optional<PublishStatus> find(String account, String publishId);

    /**
     * Forgets events received before {@code before}, and of each account all but the newest {@code keepPerAccount}.
     *
     * @return how many were forgotten
     */
    int purge(Instant before, int keepPerAccount);
}

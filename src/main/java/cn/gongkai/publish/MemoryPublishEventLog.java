package cn.gongkai.publish;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** PUBLISHJOBFINISH events kept in memory, for a publisher built without a store for them (tools and tests). */
final class MemoryPublishEventLog implements PublishEventLog {
    private final Map<String, PublishStatus> events = new ConcurrentHashMap<>();

    @Override
    public boolean record(String account, PublishStatus event, Instant receivedAt) {
        return events.putIfAbsent(account + "|" + event.publishId(), event) == null;
    }

    @Override
    public Optional<PublishStatus> find(String account, String publishId) {
        return Optional.ofNullable(events.get(account + "|" + publishId));
    }
}

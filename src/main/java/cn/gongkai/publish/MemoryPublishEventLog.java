package cn.gongkai.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** PUBLISHJOBFINISH events kept in memory, for a publisher built without a store for them (tools and tests). */
final class MemoryPublishEventLog implements PublishEventLog {
    private record Kept(String account, PublishStatus event, Instant receivedAt, long seq) {
    }

    private final Map<String, Kept> events = new ConcurrentHashMap<>();
    private long seq;

    @Override
    public synchronized boolean record(String account, PublishStatus event, Instant receivedAt) {
        return events.putIfAbsent(account + "|" + event.publishId(), new Kept(account, event, receivedAt, seq++))
                == null;
    }

    @Override
    public synchronized int purge(Instant before, int keepPerAccount) {
        int n = events.size();
        events.values().removeIf(k -> k.receivedAt().isBefore(before));
        Map<String, List<Kept>> byAccount = new java.util.HashMap<>();
        events.values().forEach(k -> byAccount.computeIfAbsent(k.account(), a -> new ArrayList<>()).add(k));
        for (List<Kept> kept : byAccount.values()) {
            kept.sort(Comparator.comparingLong(Kept::seq).reversed());
            kept.stream().skip(keepPerAccount).forEach(k -> events.remove(k.account() + "|" + k.event().publishId()));
        }
        return n - events.size();
    }

    @Override
    public Optional<PublishStatus> find(String account, String publishId) {
        return Optional.ofNullable(events.get(account + "|" + publishId)).map(Kept::event);
    }
}

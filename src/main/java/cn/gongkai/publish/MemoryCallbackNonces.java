package cn.gongkai.publish;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Callback nonces of one process, for tools and tests that have no store. */
public final class MemoryCallbackNonces implements CallbackNonces {
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    @Override
    public boolean firstUse(String account, String nonce, Instant sentAt, Instant receivedAt) {
        return seen.putIfAbsent(account + "|" + nonce, sentAt) == null;
    }

    @Override
    public int purge(Instant before) {
        int n = seen.size();
        seen.values().removeIf(sentAt -> sentAt.isBefore(before));
        return n - seen.size();
    }
}

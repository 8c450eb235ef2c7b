package cn.gongkai.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read-only view of what happened in the simulator: published articles, mass sends, calls per account and endpoint,
 * successful submits. Tests use it to assert that every article was published exactly once. Thread-safe.
 */
public final class SimulatorRecord {
    /** Account key used for calls whose account could not be told (no or unknown token and appid). */
    public static final String UNKNOWN_ACCOUNT = "?";

    /**
     * One article that went out through {@code freepublish}.
     *
     * @param index 1-based position in its publication
     * @param url   permanent article URL
     */
    public record PublishedArticle(String appId, long publishId, String articleId, int index, String title,
                                   String url, String draftMediaId, Instant publishedAt) {
    }

    /** One successful {@code message/mass/sendall}. */
    public record MassSend(String appId, long msgId, String draftMediaId, boolean toAll, List<String> titles,
                           Instant sentAt) {
        public MassSend {
            titles = List.copyOf(titles);
        }
    }

    private final List<PublishedArticle> published = new ArrayList<>();
    private final List<MassSend> massSends = new ArrayList<>();
    private final Map<String, Map<String, Integer>> calls = new TreeMap<>();
    private final Map<String, Integer> submits = new TreeMap<>();
    private final Map<String, Integer> faults = new TreeMap<>();

    SimulatorRecord() {
    }

    /** Every published article, in publication order. */
    public synchronized List<PublishedArticle> published() {
        return List.copyOf(published);
    }

    /** The published articles of one account. */
    public synchronized List<PublishedArticle> published(String appId) {
        return published.stream().filter(a -> a.appId().equals(appId)).toList();
    }

    /** Every successful mass send, in order. */
    public synchronized List<MassSend> massSends() {
        return List.copyOf(massSends);
    }

    /** Calls received, by account then endpoint (e.g. {@code freepublish/submit}), including faulted ones. */
    public synchronized Map<String, Map<String, Integer>> calls() {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        calls.forEach((app, byEndpoint) -> copy.put(app, Map.copyOf(byEndpoint)));
        return Map.copyOf(copy);
    }

    /** Calls received for one account and endpoint. */
    public synchronized int calls(String appId, String endpoint) {
        return calls.getOrDefault(appId, Map.of()).getOrDefault(Endpoints.normalise(endpoint), 0);
    }

    /** Submits that created a publish job, whether or not their answer reached the caller. */
    public synchronized int successfulSubmits() {
        return submits.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Successful submits of one account. */
    public synchronized int successfulSubmits(String appId) {
        return submits.getOrDefault(appId, 0);
    }

    /**
     * Faults injected so far, by endpoint and kind: {@code "draft/add errcode -1"}, {@code "draft/add http 502"},
     * {@code "draft/add delay"}, {@code "freepublish/submit drop"}.
     */
    public synchronized Map<String, Integer> faultsInjected() {
        return Map.copyOf(faults);
    }

    /** Faults of one kind injected so far over all endpoints: {@code "errcode -1"}, {@code "http 502"}, {@code "delay"}. */
    public synchronized int faultsInjected(String kind) {
        return faults.entrySet().stream().filter(e -> e.getKey().endsWith(" " + kind))
                .mapToInt(Map.Entry::getValue).sum();
    }

    synchronized void countFault(String endpoint, String kind) {
        faults.merge(endpoint + " " + kind, 1, Integer::sum);
    }

    synchronized void countCall(String appId, String endpoint) {
        calls.computeIfAbsent(appId, a -> new TreeMap<>()).merge(endpoint, 1, Integer::sum);
    }

    synchronized void countSubmit(String appId) {
        submits.merge(appId, 1, Integer::sum);
    }

    synchronized void addPublished(PublishedArticle article) {
        published.add(article);
    }

    synchronized void addMassSend(MassSend send) {
        massSends.add(send);
    }

    synchronized ObjectNode toJson() {
        ObjectNode root = Json.object();
        root.set("published", Json.MAPPER.valueToTree(published.stream().map(a -> Map.of(
                "appId", a.appId(), "publishId", a.publishId(), "articleId", a.articleId(), "index", a.index(),
                "title", a.title(), "url", a.url(), "draftMediaId", a.draftMediaId(),
                "publishedAt", a.publishedAt().toString())).toList()));
        root.set("massSends", Json.MAPPER.valueToTree(massSends.stream().map(m -> Map.of(
                "appId", m.appId(), "msgId", m.msgId(), "draftMediaId", m.draftMediaId(), "toAll", m.toAll(),
                "titles", m.titles(), "sentAt", m.sentAt().toString())).toList()));
        root.set("calls", Json.MAPPER.valueToTree(calls));
        root.set("successfulSubmits", Json.MAPPER.valueToTree(submits));
        root.set("faultsInjected", Json.MAPPER.valueToTree(faults));
        root.put("successfulSubmitsTotal", submits.values().stream().mapToInt(Integer::intValue).sum());
        return root;
    }
}

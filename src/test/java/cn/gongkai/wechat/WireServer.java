package cn.gongkai.wechat;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A MockWebServer that answers by path: queued answers first, then a default per path (stable_token always has one). */
final class WireServer implements AutoCloseable {

    static final String TOKEN = "ACCESS-TOKEN-6f1e9c2b";
    static final String TOKEN_PATH = "/cgi-bin/stable_token";

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Deque<MockResponse>> queued = new ConcurrentHashMap<>();
    private final Map<String, MockResponse> defaults = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    WireServer() throws IOException {
        defaults.put(TOKEN_PATH, json("{\"access_token\":\"" + TOKEN + "\",\"expires_in\":7200}"));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                String path = request.getUrl().encodedPath();
                Deque<MockResponse> q = queued.get(path);
                synchronized (WireServer.this) {
                    if (q != null && !q.isEmpty()) {
                        return q.poll();
                    }
                }
                MockResponse d = defaults.get(path);
                return d != null ? d : new MockResponse.Builder().code(404).body("no answer queued for " + path).build();
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json; charset=utf-8")
                .body(body).build();
    }

    static MockResponse error(int code, String errmsg) {
        return json("{\"errcode\":" + code + ",\"errmsg\":\"" + errmsg + "\"}");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    synchronized WireServer enqueue(String path, MockResponse... responses) {
        Deque<MockResponse> q = queued.computeIfAbsent(path, p -> new ArrayDeque<>());
        q.addAll(List.of(responses));
        return this;
    }

    WireServer always(String path, MockResponse response) {
        defaults.put(path, response);
        return this;
    }

    List<RecordedRequest> requests(String path) {
        return requests.stream().filter(r -> r.getUrl().encodedPath().equals(path)).toList();
    }

    int count(String path) {
        return requests(path).size();
    }

    List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.close();
    }
}

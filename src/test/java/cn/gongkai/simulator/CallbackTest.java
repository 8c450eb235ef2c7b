package cn.gongkai.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallbackTest extends SimulatorFixture {

    @Test
    void pushesASignedPublishJobFinishEvent() throws Exception {
        BlockingQueue<String[]> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/wx/callback", exchange -> {
            received.add(new String[] {exchange.getRequestURI().getRawQuery(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
            byte[] ok = "success".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        receiver.start();
        try {
            sim.setCallback(APP, URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/wx/callback"),
                    "cbtoken");
            String t = token();
            var done = publish(t, "回调");
            String[] event = received.poll(5, TimeUnit.SECONDS);
            assertThat(event).isNotNull();
            Map<String, String> query = Http.query(event[0]);
            assertThat(query.get("signature")).isEqualTo(
                    PublishEvent.signature("cbtoken", query.get("timestamp"), query.get("nonce")));
            assertThat(PublishEvent.signature("b", "c", "a")).isEqualTo(sha1Hex("abc"));
            String xml = event[1];
            assertThat(xml).contains("<Event><![CDATA[PUBLISHJOBFINISH]]></Event>")
                    .contains("<publish_id>" + done.get("publish_id").asText() + "</publish_id>")
                    .contains("<publish_status>0</publish_status>")
                    .contains("<article_id><![CDATA[" + done.get("article_id").asText() + "]]></article_id>")
                    .contains("<idx>1</idx>")
                    .contains("<ToUserName><![CDATA[gh_");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void listsFailIdxInTheEventOfARejectedJob() throws IOException, InterruptedException {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            sim.setCallback(APP, URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/"), "tk");
            sim.faults().nextPublishOutcome(4, java.util.List.of(1, 2));
            publish(token(), "驳回");
            String xml = received.poll(5, TimeUnit.SECONDS);
            assertThat(xml).contains("<publish_status>4</publish_status>")
                    .contains("<fail_idx>1</fail_idx><fail_idx>2</fail_idx>")
                    .doesNotContain("article_id");
        } finally {
            receiver.stop(0);
        }
    }

    private static String sha1Hex(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}

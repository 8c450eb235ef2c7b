package cn.gongkai.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import me.chanjar.weixin.common.util.crypto.SHA1;

/** Talking to the nodes of the two-node tests over HTTP: as a browser with a session cookie, and as WeChat. */
final class ClusterHttp {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();

    /** A request to the node, with the session cookie (or none) and a form body (or none). */
    HttpResponse<String> send(ClusterNode n, String method, String path, String cookie, String form)
            throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(n.url(path)));
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        if (form != null) {
            r.header("Content-Type", "application/x-www-form-urlencoded");
        }
        r.method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(form));
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in on the node through its login form; answers the session cookie. */
    String login(ClusterNode n, String name, String password) throws Exception {
        HttpResponse<String> page = send(n, "GET", "/login", null, null);
        HttpResponse<String> login = send(n, "POST", "/login", cookie(page), "_csrf=" + enc(csrf(page.body()))
                + "&name=" + enc(name) + "&password=" + enc(password));
        assertThat(login.statusCode()).as("login of " + name + " on node " + n.name()).isEqualTo(302);
        return cookie(login);
    }

    /** The session cookie the response sets, as a {@code Cookie} header value. */
    static String cookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("gk_session="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).reduce((x, y) -> y)
                .orElseThrow(() -> new AssertionError("no session cookie in " + r.headers().map()));
    }

    /** The CSRF token of the page's form. */
    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("page has a CSRF field").isTrue();
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The query string WeChat signs a callback with, for this nonce and the present time. */
    static String signedQuery(String nonce) {
        String ts = Long.toString(Instant.now().getEpochSecond());
        return "signature=" + SHA1.gen(NodeConfig.CALLBACK_TOKEN, ts, nonce) + "&timestamp=" + ts + "&nonce="
                + nonce;
    }

    /** WeChat's PUBLISHJOBFINISH event (success) for {@code publishId}, posted to the node's callback route. */
    HttpResponse<String> callback(ClusterNode n, String account, String query, String publishId) throws Exception {
        String xml = "<xml><ToUserName><![CDATA[gh_cluster]]></ToUserName><FromUserName><![CDATA[o_helper]]>"
                + "</FromUserName><CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA["
                + "event]]></MsgType><Event><![CDATA[PUBLISHJOBFINISH]]></Event><PublishEventInfo><publish_id>"
                + publishId + "</publish_id><publish_status>0</publish_status></PublishEventInfo></xml>";
        return http.send(HttpRequest.newBuilder(URI.create(n.url("/wechat/callback/" + account + "?" + query)))
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(xml)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

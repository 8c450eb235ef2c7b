package cn.gongkai.probe;

import cn.gongkai.inspect.LinkProbe;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The link probe over the JDK's HttpClient: HEAD, then GET when HEAD answers 405; redirects followed by hand, at
 * most {@link #MAX_REDIRECTS}, each target checked like the first; {@link #TIMEOUT} for connecting and for the
 * answer. 404, 410 and an unknown host are dead; 5xx, 429, a timeout or a refused connection a passing failure;
 * any other answer means the page is there.
 */
public final class HttpLinkProbe implements LinkProbe {
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    public static final int MAX_REDIRECTS = 3;
    private static final String AGENT = "gongkai-link-check/1 (+government new media inspection)";

    private final AddressGuard guard;
    private final HttpClient client;

    /** @param allow URLs the probe visits even at an internal address (the simulator in the sandbox, tests) */
    public HttpLinkProbe(Predicate<URI> allow) {
        this.guard = new AddressGuard(allow);
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A probe that visits public addresses only. */
    public static HttpLinkProbe publicOnly() {
        return new HttpLinkProbe(uri -> false);
    }

    @Override
    public Result probe(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return new Result(Outcome.DEAD, "链接写法有误");
        }
        try {
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                String refusal = guard.refusal(uri);
                if (refusal != null) {
                    return new Result(Outcome.REFUSED, hop == 0 ? refusal : "跳转后" + refusal);
                }
                HttpResponse<Void> r = request(uri);
                Optional<String> location = r.headers().firstValue("Location");
                if (r.statusCode() / 100 != 3 || location.isEmpty()) {
                    return judge(r.statusCode());
                }
                uri = next(uri, location.get());
                if (uri == null) {
                    return new Result(Outcome.DEAD, "跳转地址写法有误");
                }
            }
            return new Result(Outcome.FAILED, "跳转超过 " + MAX_REDIRECTS + " 次");
        } catch (UnknownHostException e) {
            return new Result(Outcome.DEAD, "域名不存在");
        } catch (HttpTimeoutException e) {
            return new Result(Outcome.FAILED, "超过 " + TIMEOUT.toSeconds() + " 秒无应答");
        } catch (IOException e) {
            return new Result(Outcome.FAILED, "无法连接");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Outcome.FAILED, "检查被中断");
        }
    }

    /** The redirect's target, or null when it is not a valid URL. */
    private static URI next(URI from, String location) {
        try {
            return from.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private HttpResponse<Void> request(URI uri) throws IOException, InterruptedException {
        HttpResponse<Void> head = send(uri, "HEAD");
        return head.statusCode() == 405 ? send(uri, "GET") : head;
    }

    private HttpResponse<Void> send(URI uri, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("User-Agent", AGENT)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding());
    }

    private static Result judge(int status) {
        if (status == 404 || status == 410) {
            return new Result(Outcome.DEAD, "网页不存在（HTTP " + status + "）");
        }
        if (status >= 500 || status == 429) {
            return new Result(Outcome.FAILED, "网站暂时出错（HTTP " + status + "）");
        }
        return new Result(Outcome.OK, "HTTP " + status);
    }
}

package cn.gongkai.cli;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One simulated member of staff for {@code bench console}: a real login (the login page's CSRF token, the password
 * form, the session cookie) with its own {@link HttpClient}, then the console's pages in turn until a deadline.
 * Redirects are not followed: a page that sends a logged-in user elsewhere counts as an error.
 */
final class BenchConsoleStaff {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A page of the round: its name in the report and the path of its n-th request. */
    record Page(String name, IntFunction<String> path) {
    }

    /**
     * How long a member of staff reads a page before the next: uniformly between half and one and a half times
     * {@code meanMillis} (none when 0), from a random sequence seeded by the person, so runs repeat.
     */
    record Pace(int meanMillis, long seed) {
        java.util.function.LongSupplier pauses() {
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            return () -> meanMillis == 0 ? 0 : meanMillis / 2 + random.nextLong(meanMillis + 1L);
        }
    }

    private final String base;
    private final String name;
    private final HttpClient http;

    BenchConsoleStaff(String base, String name) {
        this.base = base;
        this.name = name;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build();
    }

    /** Logs in; throws {@link UserError} saying why not. */
    void login(String password) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !m.find()) {
            throw new UserError("登录页面没有正常打开（HTTP " + page.statusCode() + "），无法模拟用户 " + name + " 登录");
        }
        String form = "_csrf=" + enc(m.group(1)) + "&next=%2F&name=" + enc(name) + "&password=" + enc(password);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302) {
            throw new UserError("模拟用户 " + name + " 登录失败（HTTP " + r.statusCode() + "）");
        }
    }

    /**
     * Requests the pages in turn, the {@code n}-th round asking each page for its n-th path, until {@code until}
     * (System.nanoTime), pausing before each page as {@code pace} says; without pauses the round under way is
     * finished so that every page is asked as often. Records only requests that start at or after {@code countFrom}.
     */
    void run(List<Page> pages, int offset, Pace pace, long countFrom, long until, BenchLatencies record) {
        java.util.function.LongSupplier pauses = pace.pauses();
        // people do not all click at the same instant: each starts somewhere within one pause
        pause(pace.meanMillis() == 0 ? 0 : pauses.getAsLong() % (pace.meanMillis() + 1L));
        for (int n = offset; System.nanoTime() < until; n++) {
            for (Page p : pages) {
                pause(pauses.getAsLong());
                if (pace.meanMillis() > 0 && System.nanoTime() >= until) {
                    return;   // time is up while this person was reading
                }
                long start = System.nanoTime();
                String outcome = request(p.path().apply(n));
                long took = System.nanoTime() - start;
                if (start < countFrom) {
                    continue;
                }
                if (outcome == null) {
                    record.ok(p.name(), took);
                } else {
                    record.error(p.name(), outcome);
                }
            }
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Null when the page answered 200, else what happened. */
    String request(String path) {
        try {
            HttpResponse<String> r = http.send(get(path), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? null : "GET " + path + " → HTTP " + r.statusCode()
                    + r.headers().firstValue("Location").map(l -> "（转到 " + l + "）").orElse("");
        } catch (IOException e) {
            return "GET " + path + " → " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "GET " + path + " → 被中断";
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package cn.gongkai.web;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.review.Role;
import cn.gongkai.testsupport.MutableClock;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, isolation on every route: walks every route Javalin has registered, as each of unit B's (教育局) users, one
 * request per route and per thing of unit A (商务局) it can name — A's items in every state, A's image, A's ledger
 * row, A's annual report facts — and fails on any answer for A's thing that is not 404, and on any answer of any route whose body (or the page
 * a redirect leads to) shows A's titles, image or file name. Afterwards A's items and ledger row must be exactly as
 * before: nothing B posted acted on them.
 *
 * <p>Special routes: {@code /healthz} is open (operators) and may list the configured accounts, but must not name
 * A's items; the WeChat callback ({@code /wechat/callback/{account}}) is authenticated by WeChat's signature, not by
 * a user, so a request of B's user for A's account is refused (4xx, never 2xx/3xx), shows nothing of A and changes
 * nothing. {@code POST /login} and {@code /logout} are not walked (they would end the walker's own session).
 */
class UnitIsolationWalkerTest {
    @TempDir
    static Path dir;

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String IMAGE_FILE = "shangwu-secret-photo.png";
    private static final String ACCOUNT_NAME_OF_A = "红旗商务发布号";

    /** Not walked: they end the walker's session. */
    private static final Set<String> NOT_WALKED = Set.of("POST /login", "POST /logout");

    private static ConsoleFixture app;
    private static final Map<String, DisclosureItem> OWN_ITEMS = new LinkedHashMap<>();
    private static String imageSha;
    private static long ledgerRow;
    /** Unit A's delivery to its portal, sent by a run and adopted: its Message-ID and its mail's number. */
    private static String deliveryMessageId;
    private static int mailNumber;

    @BeforeAll
    static void start() throws Exception {
        app = ConsoleFixture.configured(dir, CLOCK, """
                accounts:
                  - {id: swj, name: 红旗商务发布号, app-id: wx0000000000000001}
                  - {id: jyj, name: 红旗教育, app-id: wx0000000000000002}
                portals:
                  - {id: shengzhengfu, name: 商务局报区政府办甲, delivery: email, unit: 红旗区商务局,
                     email: {host: "", from: xxgk@hongqi.gov.cn, to: [office@hongqi.gov.cn]}}
                units:
                  - {id: shangwu, name: 红旗区商务局, accounts: [swj], portals: [shengzhengfu]}
                  - {id: jiaoyu, name: 红旗区教育局, accounts: [jyj]}
                """);
        for (Role role : unitRoles()) {
            app.user("教育" + role.id(), role, "jiaoyu");
        }
        app.user("商务起草", Role.DRAFTER, "shangwu");
        app.user("商务主任", Role.OFFICE_DIRECTOR, "shangwu");
        unitAItems();
        unitADelivery();
    }

    /**
     * Unit A's 报送: a run mails its due item to A's portal (the sandbox mailbox), and A's office records the
     * adoption with a link.
     */
    private static void unitADelivery() {
        app.wiring.portalRunner().run();
        long due = OWN_ITEMS.get("商务局到期甲六号").id();
        app.wiring.portalDecisions().recordAdoption(due, "shengzhengfu", "https://www.hongqi.gov.cn/shangwu-adopted-a6",
                "商务主任");
        deliveryMessageId = app.wiring.portalDeliveries().find(due, "shengzhengfu").orElseThrow().identity()
                .messageId();
        mailNumber = app.wiring.officeMailbox().orElseThrow().received().stream()
                .filter(m -> m.messageId().equals(deliveryMessageId)).findFirst().orElseThrow().number();
    }

    private static List<Role> unitRoles() {
        return List.of(Role.DRAFTER, Role.DEPT_LEADER, Role.OFFICE_DIRECTOR, Role.OFFICE_LEADER,
                Role.PRINCIPAL_LEADER, Role.ADMIN);
    }

    /**
     * Unit A's items: a draft, one in review, one approved with a time, one approved and due now (a publishing run
     * of A's account would publish it), one failed, one published (ledger row), one with an image.
     */
    private static void unitAItems() throws Exception {
        var items = app.wiring.database().items();
        Instant now = CLOCK.instant();
        OWN_ITEMS.put("商务局草稿甲一号", items.insert("shangwu", anItem().account("swj").title("商务局草稿甲一号")
                .author("商务起草").build(), ItemStatus.DRAFT, null, now));
        OWN_ITEMS.put("商务局审核中甲二号", items.insert("shangwu", anItem().account("swj").title("商务局审核中甲二号")
                .author("商务起草").build(), ItemStatus.IN_REVIEW, null, now));
        OWN_ITEMS.put("商务局待发布甲三号", items.insert("shangwu", anItem().account("swj").title("商务局待发布甲三号")
                .author("商务起草").publishAt(Instant.parse("2026-03-05T02:00:00Z")).build(), ItemStatus.APPROVED,
                null, now));
        OWN_ITEMS.put("商务局到期甲六号", items.insert("shangwu", anItem().account("swj").title("商务局到期甲六号")
                .author("商务起草").build(), ItemStatus.APPROVED, null, now));
        OWN_ITEMS.put("商务局失败甲七号", items.insert("shangwu", anItem().account("swj").title("商务局失败甲七号")
                .author("商务起草").build(), ItemStatus.FAILED, null, now));
        DisclosureItem published = items.insert("shangwu", anItem().account("swj").title("商务局已发布甲四号")
                .author("商务起草").build(), ItemStatus.PUBLISHED, null, now);
        OWN_ITEMS.put("商务局已发布甲四号", published);
        byte[] png = png();
        imageSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        app.wiring.database().images().put(imageSha, png);
        OWN_ITEMS.put("商务局配图甲五号", items.insert("shangwu", anItem().account("swj").title("商务局配图甲五号")
                .author("商务起草").images(List.of(new ItemImage(imageSha, IMAGE_FILE, "image/png", 4, 3, png.length,
                        "商务局图片说明甲", "商务局替代文字甲"))).build(), ItemStatus.IN_REVIEW, null, now));
        app.wiring.database().ledger().recordAll(List.of(new LedgerEntry(0, published.id(), "swj", "freepublish",
                "pub-a-1", "art-a-1", 1, "https://mp.weixin.qq.com/s/shangwu-a4", "商务局已发布甲四号", "招商引资",
                "", Instant.parse("2026-03-01T02:00:00Z"), LedgerSource.GONGKAI, "walker-a4", null, null)));
        ledgerRow = app.wiring.ledger().findByItem(published.id(), "freepublish").orElseThrow().id();
        Files.createDirectories(factsOfA().getParent());
        Files.writeString(factsOfA(), "单位: 红旗区商务局\n年度: 2026\n# 商务局年报事实甲\n", StandardCharsets.UTF_8);
    }

    private static byte[] png() throws Exception {
        BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0x00ff00);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void everyRouteAnswersUnitAsThingsAsNotFoundToEveryUserOfUnitB() throws Exception {
        List<String> routes = app.web.routes();
        assertThat(routes).as("Javalin's route list").contains("GET /items/{id}", "POST /items/{id}/approve",
                "GET /images/{sha}", "GET /healthz");
        String before = stateOfUnitA();
        List<String> failures = new ArrayList<>();
        for (Role role : unitRoles()) {
            Walker b = new Walker("教育" + role.id());
            for (String route : routes) {
                if (NOT_WALKED.contains(route)) {
                    continue;
                }
                for (Request r : requests(route)) {
                    String problem = b.check(r);
                    if (problem != null) {
                        failures.add(role.id() + " " + r.method + " " + r.path + ": " + problem);
                    }
                }
            }
        }
        assertThat(failures).as("answers that show or act on unit A's things").isEmpty();
        assertThat(stateOfUnitA()).as("unit A's items and ledger row after the walk").isEqualTo(before);
    }

    @Test
    void unitBsCountsAndChoicesLeaveUnitAOut() throws Exception {
        Walker director = new Walker("教育" + Role.OFFICE_DIRECTOR.id());

        assertThat(director.get("/api/counts?year=2026")).contains("\"articles\":0");
        assertThat(director.get("/")).as("待办's counts by status").doesNotContainPattern(
                "href=\"/items\\?status=\\w+\">[1-9]");
        assertThat(director.get("/items/new")).contains("红旗教育").doesNotContain("value=\"swj\"");
        assertThat(director.get("/publishing")).contains("红旗教育").doesNotContain("红旗商务");
        assertThat(director.get("/schedule")).doesNotContain("红旗商务");
        assertThat(director.get("/system")).doesNotContain("红旗商务");
    }

    @Test
    void theWalkerWouldSeeALeak() throws Exception {
        // the same check as a user of unit A itself: its own item page is a 200 with the title, which the walk fails on
        Walker a = new Walker("商务起草");
        long id = OWN_ITEMS.get("商务局审核中甲二号").id();
        assertThat(a.check(new Request("GET", "/items/" + id, true, null))).isNotNull();
        assertThat(a.check(new Request("GET", "/images/" + imageSha, true, null))).isNotNull();
        Walker office = new Walker("商务主任");
        assertThat(office.check(new Request("GET", "/portal/mailbox/" + mailNumber, true, null))).isNotNull();
        assertThat(office.check(new Request("GET", "/publishing/portal", false, null))).isNotNull();
    }

    /** What each route is asked: once per thing of unit A its path names, once as it is when it names none. */
    private static List<Request> requests(String route) {
        int space = route.indexOf(' ');
        String method = route.substring(0, space);
        // {n}: unit A's mail in the sandbox mailbox, a thing of A like its items
        boolean mailOfA = route.contains("{n}");
        String path = route.substring(space + 1).replace("{portal}", "shengzhengfu")
                .replace("{n}", Integer.toString(mailNumber))
                .replace("{name}", "console.css").replace("{account}", "swj").replace("{item}", "{id}");
        if (path.contains("{id}") && path.contains("{sha}")) {
            path = path.replace("{sha}", imageSha);
        }
        if (path.replaceAll("\\{(id|sha)}", "").matches(".*\\{[^}]*}.*")) {
            throw new AssertionError("the walker does not know what to put into " + route
                    + ": teach requests() the new path parameter");
        }
        List<Request> out = new ArrayList<>();
        if (path.contains("/stats/ledger/{id}")) {
            out.add(new Request(method, path.replace("{id}", Long.toString(ledgerRow)), true, route));
        } else if (path.contains("{id}")) {
            for (DisclosureItem item : OWN_ITEMS.values()) {
                out.add(new Request(method, path.replace("{id}", Long.toString(item.id())), true, route));
            }
            // the published item's id spelled as a route would still read it (sign, leading zero, escape)
            String id = Long.toString(OWN_ITEMS.get("商务局已发布甲四号").id());
            for (String spelled : List.of("+" + id, "0" + id, "%3" + id.charAt(0) + id.substring(1))) {
                out.add(new Request(method, path.replace("{id}", spelled), true, route));
            }
        } else if (path.contains("{sha}")) {
            out.add(new Request(method, path.replace("{sha}", imageSha), true, route));
        } else {
            out.add(new Request(method, path, mailOfA, route));
        }
        return out;
    }

    /** One request: {@code ofUnitA} when its path names a thing of unit A (then only 404 will do). */
    private record Request(String method, String path, boolean ofUnitA, String route) {
    }

    /** Unit A's annual report facts of 2026, in its own folder. */
    private static Path factsOfA() {
        return app.factsDir.resolve("shangwu").resolve("2026.yml");
    }

    /** Everything of unit A the walk must not change, as one comparable text. */
    private static String stateOfUnitA() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (DisclosureItem i : OWN_ITEMS.values()) {
            DisclosureItem now = app.wiring.database().items().find(i.id()).orElseThrow();
            sb.append(now.id()).append(' ').append(now.status()).append(' ').append(now.contentHash()).append(' ')
                    .append(now.content().publishAt()).append(' ').append(now.updatedAt()).append('\n');
        }
        var row = app.wiring.ledger().findByItem(OWN_ITEMS.get("商务局已发布甲四号").id(), "freepublish")
                .orElseThrow();
        var delivery = app.wiring.portalDeliveries().find(OWN_ITEMS.get("商务局到期甲六号").id(), "shengzhengfu")
                .orElseThrow();
        sb.append(delivery.state()).append(' ').append(delivery.adoptedUrl()).append(' ')
                .append(delivery.recordedBy()).append(' ').append(delivery.attempts()).append('\n');
        return sb.append(row.category()).append(' ').append(row.deletedAt()).append('\n')
                .append(Files.readString(factsOfA(), StandardCharsets.UTF_8)).toString();
    }

    /** Text of unit A that no answer to unit B may contain. */
    private static List<String> secrets() {
        List<String> s = new ArrayList<>(OWN_ITEMS.keySet());
        s.addAll(List.of(imageSha, IMAGE_FILE, "商务局图片说明甲", "shangwu-a4", "商务局年报事实甲", "商务局报区政府办甲",
                "shangwu-adopted-a6", deliveryMessageId,
                // unit A's name and its account's name: no page of unit B names them (the 全区 page is the
                // district roles', a unit's 管理员 included in what gets 404)
                "红旗区商务局", ACCOUNT_NAME_OF_A));
        return s;
    }

    /** A user of unit B with a browser's session and its CSRF token. */
    private static final class Walker {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final String csrf;

        Walker(String name) throws Exception {
            String token = csrfOf(send("GET", "/login", null).body());
            HttpResponse<String> login = send("POST", "/login", "_csrf=" + Staff.enc(token) + "&name="
                    + Staff.enc(name) + "&password=" + Staff.enc(ConsoleFixture.PASSWORD));
            assertThat(login.statusCode()).as("login of " + name).isEqualTo(302);
            this.csrf = csrfOf(send("GET", "/", null).body());
        }

        private static String csrfOf(String html) {
            Matcher m = CSRF.matcher(html);
            assertThat(m.find()).as("page has a CSRF field").isTrue();
            return m.group(1);
        }

        /** The body of a page. */
        String get(String path) throws Exception {
            return send("GET", path, null).body();
        }

        /** What is wrong with the answer to {@code r}, or null. */
        String check(Request r) throws Exception {
            HttpResponse<String> answer;
            try {
                answer = send(r.method, r.path, form());
            } catch (java.io.IOException e) {
                // the client's pooled connection was closed by the server after an answer that left the body
                // unread (a refusal before the form was read): asked again on a fresh connection
                try {
                    answer = send(r.method, r.path, form());
                } catch (java.io.IOException again) {
                    return "no answer: " + again.getMessage();
                }
            }
            if (r.ofUnitA && answer.statusCode() != 404) {
                return "answered " + answer.statusCode() + " instead of 404";
            }
            if (r.route != null && r.route.startsWith("GET /wechat/") || r.route != null
                    && r.route.startsWith("POST /wechat/")) {
                if (answer.statusCode() < 400) {
                    return "the callback answered " + answer.statusCode() + " to a user without WeChat's signature";
                }
            }
            // /healthz is the operator's monitor, answered without a login: it names every account by design
            String leak = leak(r.route != null && r.route.equals("GET /healthz")
                    ? answer.body().replace(ACCOUNT_NAME_OF_A, "") : answer.body());
            if (leak != null) {
                return "shows " + leak;
            }
            if (answer.statusCode() / 100 == 3) {
                String location = answer.headers().firstValue("Location").orElse("/");
                String next = send("GET", URI.create(app.url("/")).resolve(location).getRawPath()
                        + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery()),
                        null).body();
                leak = leak(next);
                if (leak != null) {
                    return "redirects to " + location + ", which shows " + leak;
                }
            }
            return null;
        }

        private static String leak(String answer) {
            // a form field's example text (placeholder="例：红旗区商务局") is the same for every unit, not A's data
            String body = answer.replaceAll("placeholder=\"[^\"]*\"", "");
            for (String s : secrets()) {
                int at = body.indexOf(s);
                if (at >= 0) {
                    return "“" + s + "” in …" + body.substring(Math.max(0, at - 60),
                            Math.min(body.length(), at + s.length() + 20)).replaceAll("\\s+", " ") + "…";
                }
            }
            return null;
        }

        /** A plausible small form naming unit A's things, with the session's CSRF token. */
        private String form() {
            long anId = OWN_ITEMS.get("商务局待发布甲三号").id();
            return "_csrf=" + Staff.enc(csrf) + "&comment=x&reason=" + Staff.enc("核对") + "&when=now&account=swj"
                    + "&id=" + anId + "&item=" + anId + "&items=" + anId + "&category=" + Staff.enc("招商引资")
                    + "&q=" + Staff.enc("商务局") + "&year=2026";
        }

        private HttpResponse<String> send(String method, String path, String form) throws Exception {
            boolean get = method.equals("GET");
            String query = get && form != null ? (path.contains("?") ? "&" : "?") + form : "";
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(path + query)));
            if (get) {
                b.GET();
            } else {
                b.header("Content-Type", "application/x-www-form-urlencoded")
                        .method(method, HttpRequest.BodyPublishers.ofString(form == null ? "" : form));
                if (csrf != null) {
                    b.header("X-CSRF-Token", csrf);
                }
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}

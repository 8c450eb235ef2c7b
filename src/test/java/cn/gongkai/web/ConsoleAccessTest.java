package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.review.Role;
import cn.gongkai.review.Users;
import cn.gongkai.testsupport.MutableClock;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Login, sessions, CSRF tokens, throttling and API tokens, over HTTP without a browser. */
class ConsoleAccessTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    private ConsoleFixture app;
    private HttpClient browser;

    @BeforeEach
    void start() {
        app = new ConsoleFixture(dir, clock);
        app.user("管理员", Role.ADMIN);
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(app.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("page has a CSRF field").isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> login(String name, String password) throws Exception {
        String token = csrf(get(browser, "/login").body());
        return post(browser, "/login", "_csrf=" + enc(token) + "&name=" + enc(name) + "&password=" + enc(password)
                + "&next=" + enc("/stats"));
    }

    @Test
    void aPageWithoutLoginRedirectsToTheLoginPageAndTheApiAnswers401() throws Exception {
        HttpResponse<String> page = get(browser, "/items?status=DRAFT");
        HttpResponse<String> api = get(browser, "/api/counts?year=2026");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/login?next=%2Fitems%3Fstatus%3DDRAFT");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("需要登录");
    }

    @Test
    void healthzAndTheLoginPageNeedNoLogin() throws Exception {
        assertThat(get(browser, "/healthz").statusCode()).isEqualTo(200);
        HttpResponse<String> login = get(browser, "/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("用户名", "密码");
    }

    @Test
    void loggingInSetsAnHttpOnlySameSiteCookieAndGoesWhereTheUserWanted() throws Exception {
        HttpResponse<String> r = login("管理员", ConsoleFixture.PASSWORD);

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("/stats");
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("gk_session="))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(get(browser, "/stats").body()).contains("发布统计", "管理员");
    }

    @Test
    void theSessionIdChangesAtLoginSoAnIdKnownBeforeIsWorthless() throws Exception {
        get(browser, "/login");
        CookieManager jar = (CookieManager) browser.cookieHandler().orElseThrow();
        String before = jar.getCookieStore().getCookies().get(0).getValue();

        login("管理员", ConsoleFixture.PASSWORD);

        String after = jar.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("gk_session"))
                .findFirst().orElseThrow().getValue();
        assertThat(after).isNotEqualTo(before);
        HttpClient attacker = HttpClient.newHttpClient();
        HttpResponse<String> r = attacker.send(HttpRequest.newBuilder(URI.create(app.url("/")))
                .header("Cookie", "gk_session=" + before).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefusedEvenWhenLoggedIn() throws Exception {
        login("管理员", ConsoleFixture.PASSWORD);

        HttpResponse<String> without = post(browser, "/system/users",
                "name=wang&role=drafter&password=12345678abc&password2=12345678abc");
        HttpResponse<String> wrong = post(browser, "/system/users",
                "_csrf=forged&name=wang&role=drafter&password=12345678abc&password2=12345678abc");

        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.body()).contains("安全校验失败");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(app.wiring.users().find("wang")).isEmpty();

        String token = csrf(get(browser, "/system").body());
        HttpResponse<String> ok = post(browser, "/system/users", "_csrf=" + enc(token)
                + "&name=wang&role=drafter&password=12345678abc&password2=12345678abc");
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(app.wiring.users().find("wang")).isPresent();
    }

    @Test
    void theLoginFormItselfNeedsItsCsrfToken() throws Exception {
        get(browser, "/login");
        HttpResponse<String> r = post(browser, "/login", "name=" + enc("管理员") + "&password="
                + enc(ConsoleFixture.PASSWORD));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(get(browser, "/stats").statusCode()).isEqualTo(302);
    }

    @Test
    void fiveWrongPasswordsBlockTheUserEvenWithTheRightOneUntilTheWindowPasses() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(login("管理员", "wrong-password-" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> blocked = login("管理员", ConsoleFixture.PASSWORD);
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.body()).contains("登录失败次数过多");

        clock.advance(Duration.ofMinutes(16));
        assertThat(login("管理员", ConsoleFixture.PASSWORD).statusCode()).isEqualTo(302);
    }

    @Test
    void oneAddressTryingManyNamesIsBlockedToo() throws Exception {
        for (int i = 0; i < LoginThrottle.PER_IP; i++) {
            login("nobody" + i, "wrong-password");
        }

        assertThat(login("管理员", ConsoleFixture.PASSWORD).statusCode()).isEqualTo(429);
    }

    @Test
    void anApiTokenOpensTheApiWithoutASessionOrCsrfToken() throws Exception {
        String token = app.wiring.users().createToken("管理员");
        HttpClient script = HttpClient.newHttpClient();

        HttpResponse<String> r = script.send(HttpRequest.newBuilder(URI.create(app.url("/api/counts?year=2026")))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"year\":2026");
    }

    @Test
    void loggingOutEndsTheSession() throws Exception {
        login("管理员", ConsoleFixture.PASSWORD);
        String token = csrf(get(browser, "/").body());

        HttpResponse<String> r = post(browser, "/logout", "_csrf=" + enc(token));

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(get(browser, "/").statusCode()).isEqualTo(302);
    }

    @Test
    void aSessionEndsAfterEightIdleHours() throws Exception {
        login("管理员", ConsoleFixture.PASSWORD);
        clock.advance(Sessions.IDLE.plusMinutes(1));

        assertThat(get(browser, "/").statusCode()).isEqualTo(302);
    }

    @Test
    void aLoggedInUserStaysLoggedInWhenTheServiceRestarts() throws Exception {
        app.close();
        String url = "jdbc:h2:file:" + dir.resolve("restart").resolve("gongkai") + ";AUTO_SERVER=TRUE";
        app = new ConsoleFixture(dir.resolve("first"), clock, url);
        app.user("李主任", Role.OFFICE_DIRECTOR);
        HttpResponse<String> r = login("李主任", ConsoleFixture.PASSWORD);
        assertThat(r.statusCode()).isEqualTo(302);
        String token = csrf(get(browser, "/").body());
        app.close();

        app = new ConsoleFixture(dir.resolve("second"), clock, url);

        HttpResponse<String> page = get(browser, "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("李主任（办公室主任）");
        assertThat(csrf(page.body())).isEqualTo(token);
        HttpResponse<String> out = post(browser, "/logout", "_csrf=" + enc(token));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(app.wiring.database().loginSessions().deleteIdleSince(clock.instant().plusSeconds(1))).isZero();
    }

    @Test
    void theNextParameterCannotLeadToAnotherSite() {
        assertThat(ConsoleAccess.next("//evil.example/x")).isEqualTo("/");
        assertThat(ConsoleAccess.next("https://evil.example/")).isEqualTo("/");
        assertThat(ConsoleAccess.next("/\\evil.example")).isEqualTo("/");
        assertThat(ConsoleAccess.next("/items?status=DRAFT")).isEqualTo("/items?status=DRAFT");
    }

    @Test
    void theLoginPageTellsHowToCreateTheFirstAdministratorWhenThereIsNoUser() throws Exception {
        app.close();
        app = new ConsoleFixture(dir.resolve("empty"), clock);

        assertThat(get(browser, "/login").body()).contains("user add 管理员 --role admin");
    }

    // ---- accounts (issue 14) ----

    private HttpClient loggedIn(String name, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = csrf(get(client, "/login").body());
        HttpResponse<String> r = post(client, "/login", "_csrf=" + enc(token) + "&name=" + enc(name)
                + "&password=" + enc(password));
        assertThat(r.statusCode()).as("login of " + name).isEqualTo(302);
        return client;
    }

    private HttpResponse<String> api(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.url("/api/me")))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aUserDisabledFromTheCommandLineIsOutAtTheNextRequestWithSessionAndToken() throws Exception {
        app.user("张科长", Role.DEPT_LEADER);
        HttpClient zhang = loggedIn("张科长", ConsoleFixture.PASSWORD);
        String token = app.wiring.users().createToken("张科长");
        assertThat(get(zhang, "/").statusCode()).isEqualTo(200);
        assertThat(api(token).statusCode()).isEqualTo(200);

        // what gongkai user disable does from another process: only the database changes
        app.wiring.database().users().setDisabled("张科长", true);

        assertThat(get(zhang, "/").statusCode()).isEqualTo(302);
        assertThat(api(token).statusCode()).isEqualTo(401);
        HttpResponse<String> again = login("张科长", ConsoleFixture.PASSWORD);
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(again.body()).contains("用户名或密码不正确");

        app.wiring.users().setDisabled("张科长", false);
        assertThat(login("张科长", ConsoleFixture.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(api(token).statusCode()).as("tokens stay revoked").isEqualTo(401);
    }

    @Test
    void aPasswordResetFromTheCommandLineEndsTheUsersLiveSessionsAndTokens() throws Exception {
        app.user("张科长", Role.DEPT_LEADER);
        HttpClient zhang = loggedIn("张科长", ConsoleFixture.PASSWORD);
        String token = app.wiring.users().createToken("张科长");

        app.wiring.users().changePassword("张科长", "reset-by-Admin-7".toCharArray());

        assertThat(get(zhang, "/").statusCode()).isEqualTo(302);
        assertThat(api(token).statusCode()).isEqualTo(401);
        assertThat(get(browser, "/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void changingOnesOwnPasswordNeedsTheCurrentOneEvenForAnAdministratorAndEndsTheOtherSessions() throws Exception {
        HttpClient other = loggedIn("管理员", ConsoleFixture.PASSWORD);
        login("管理员", ConsoleFixture.PASSWORD);
        String token = app.wiring.users().createToken("管理员");
        String csrf = csrf(get(browser, "/system").body());

        HttpResponse<String> without = post(browser, "/system/password", "_csrf=" + enc(csrf) + "&name="
                + enc("管理员") + "&password=new-Admin-pass-9&password2=new-Admin-pass-9");
        HttpResponse<String> wrong = post(browser, "/system/password", "_csrf=" + enc(csrf) + "&name="
                + enc("管理员") + "&current=wrong-password&password=new-Admin-pass-9&password2=new-Admin-pass-9");
        assertThat(without.statusCode()).isEqualTo(302);
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(app.wiring.users().checkPassword("管理员", ConsoleFixture.PASSWORD.toCharArray())).isTrue();
        assertThat(get(other, "/").statusCode()).isEqualTo(200);

        HttpResponse<String> ok = post(browser, "/system/password", "_csrf=" + enc(csrf) + "&name=" + enc("管理员")
                + "&current=" + enc(ConsoleFixture.PASSWORD) + "&password=new-Admin-pass-9&password2=new-Admin-pass-9");

        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(app.wiring.users().checkPassword("管理员", "new-Admin-pass-9".toCharArray())).isTrue();
        HttpResponse<String> here = get(browser, "/system");
        assertThat(here.statusCode()).as("this browser stays logged in").isEqualTo(200);
        assertThat(here.body()).contains("您的密码已修改");
        assertThat(csrf(here.body())).as("with a new session and CSRF token").isNotEqualTo(csrf);
        assertThat(get(other, "/").statusCode()).as("the other browser is logged out").isEqualTo(302);
        assertThat(api(token).statusCode()).isEqualTo(401);
    }

    @Test
    void aWeakPasswordIsRefusedInTheConsoleWithTheRule() throws Exception {
        login("管理员", ConsoleFixture.PASSWORD);
        String csrf = csrf(get(browser, "/system").body());

        HttpResponse<String> r = post(browser, "/system/users", "_csrf=" + enc(csrf)
                + "&name=wang&role=drafter&password=12345678&password2=12345678");

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(app.wiring.users().find("wang")).isEmpty();
        assertThat(get(browser, "/system").body()).contains("密码至少 10 个字符");
    }

    @Test
    void tokensAreListedOnTheSystemPageAndRevokedByTheirOwnerOrAnAdministratorOnly() throws Exception {
        app.user("张科长", Role.DEPT_LEADER);
        app.user("李主任", Role.OFFICE_DIRECTOR);
        String zhangToken = app.wiring.users().createToken("张科长");
        String liToken = app.wiring.users().createToken("李主任");
        api(zhangToken);
        HttpClient zhang = loggedIn("张科长", ConsoleFixture.PASSWORD);
        String page = get(zhang, "/system").body();
        assertThat(page).contains(Users.tokenId(zhangToken)).doesNotContain(Users.tokenId(liToken));
        String csrf = csrf(page);

        HttpResponse<String> others = post(zhang, "/system/tokens/revoke", "_csrf=" + enc(csrf) + "&user="
                + enc("李主任") + "&id=" + Users.tokenId(liToken));
        HttpResponse<String> forged = post(zhang, "/system/tokens/revoke", "user=" + enc("张科长") + "&id="
                + Users.tokenId(zhangToken));
        assertThat(others.statusCode()).isEqualTo(403);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(api(liToken).statusCode()).isEqualTo(200);
        assertThat(api(zhangToken).statusCode()).isEqualTo(200);

        HttpResponse<String> own = post(zhang, "/system/tokens/revoke", "_csrf=" + enc(csrf) + "&user="
                + enc("张科长") + "&id=" + Users.tokenId(zhangToken));
        assertThat(own.statusCode()).isEqualTo(302);
        assertThat(api(zhangToken).statusCode()).isEqualTo(401);

        login("管理员", ConsoleFixture.PASSWORD);
        String adminPage = get(browser, "/system").body();
        assertThat(adminPage).contains(Users.tokenId(liToken), "李主任").doesNotContain(Users.tokenId(zhangToken));
        post(browser, "/system/tokens/revoke", "_csrf=" + enc(csrf(adminPage)) + "&user=" + enc("李主任") + "&id="
                + Users.tokenId(liToken));
        assertThat(api(liToken).statusCode()).isEqualTo(401);
    }

    @Test
    void anAdministratorDisablesAndEnablesAUserFromTheSystemPageButNotThemselves() throws Exception {
        app.user("张科长", Role.DEPT_LEADER);
        HttpClient zhang = loggedIn("张科长", ConsoleFixture.PASSWORD);
        login("管理员", ConsoleFixture.PASSWORD);
        String csrf = csrf(get(browser, "/system").body());

        post(browser, "/system/users/state", "_csrf=" + enc(csrf) + "&name=" + enc("张科长") + "&action=disable");
        post(browser, "/system/users/state", "_csrf=" + enc(csrf) + "&name=" + enc("管理员") + "&action=disable");

        assertThat(get(zhang, "/").statusCode()).isEqualTo(302);
        assertThat(app.wiring.users().find("张科长").orElseThrow().disabled()).isTrue();
        assertThat(app.wiring.users().find("管理员").orElseThrow().disabled()).isFalse();
        assertThat(get(browser, "/system").body()).contains("已停用");
        post(browser, "/system/users/state", "_csrf=" + enc(csrf) + "&name=" + enc("张科长") + "&action=enable");
        assertThat(app.wiring.users().find("张科长").orElseThrow().disabled()).isFalse();
    }

    @Test
    void unknownAndKnownNamesAreThrottledAlike() throws Exception {
        for (int i = 0; i < LoginThrottle.PER_USER; i++) {
            assertThat(login("管理员", "wrong-password-" + i).statusCode()).isEqualTo(401);
            assertThat(login("不存在的人", "wrong-password-" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> known = login("管理员", "wrong-password");
        HttpResponse<String> unknown = login("不存在的人", "wrong-password");

        assertThat(known.statusCode()).isEqualTo(429);
        assertThat(unknown.statusCode()).isEqualTo(429);
        assertThat(unknown.body()).contains("登录失败次数过多");
    }
}

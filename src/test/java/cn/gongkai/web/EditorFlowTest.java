package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console editor over HTTP (issue 20): a form posted twice creates one item, autosaves are kept per user and
 * form and cleared by a save, an ended login is answered in Chinese without developer talk, the preview names the
 * real publishing slot, and a 退回 item shows why.
 */
class EditorFlowTest {
    private static final Pattern TOKEN = Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");
    /** Monday 2026-12-07 09:00 in Asia/Shanghai; the sandbox account publishes at 10:00 on weekdays. */
    private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");

    @TempDir
    static Path dir;

    private static ConsoleFixture app;
    private static Staff drafter;
    private static Staff other;
    private static Staff deptLeader;

    @BeforeAll
    static void start() throws Exception {
        app = new ConsoleFixture(dir, Clock.fixed(NOW, ZoneOffset.UTC));
        app.user("赵起草", Role.DRAFTER);
        app.user("钱起草", Role.DRAFTER);
        app.user("孙科长", Role.DEPT_LEADER);
        drafter = new Staff(app, "赵起草");
        other = new Staff(app, "钱起草");
        deptLeader = new Staff(app, "孙科长");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String token(String page) {
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("the editor form carries a one-time token").isTrue();
        return m.group(1);
    }

    private static String fields(String title, String body) {
        return "title=" + Staff.enc(title) + "&category=" + Staff.enc("促消费") + "&account=hongqi&author="
                + Staff.enc("红旗区商务局") + "&body=" + Staff.enc(body) + "&action=draft";
    }

    private static long titled(String title) {
        List<DisclosureItem> found = app.wiring.database().items().list(ItemStatus.DRAFT).stream()
                .filter(i -> i.content().title().equals(title)).toList();
        assertThat(found).as("items titled " + title).hasSize(1);
        return found.get(0).id();
    }

    private static long count(String title) {
        return app.wiring.database().items().list(ItemStatus.DRAFT).stream()
                .filter(i -> i.content().title().equals(title)).count();
    }

    @Test
    void aFormPostedTwiceCreatesOneItemAndTheSecondPostGoesToIt() throws Exception {
        String form = "form_token=" + token(drafter.get("/items/new").body()) + "&"
                + fields("只建一次的稿件", "活动从三月开始。\n");

        HttpResponse<String> first = drafter.submit("/items", form);
        HttpResponse<String> again = drafter.submit("/items", form);

        assertThat(first.statusCode()).isEqualTo(303);
        long id = titled("只建一次的稿件");
        assertThat(first.headers().firstValue("Location")).hasValue("/items/" + id);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).hasValue("/items/" + id);
        assertThat(drafter.get("/items/" + id).body()).contains(EditorPages.RESUBMITTED);
        assertThat(count("只建一次的稿件")).isEqualTo(1);
    }

    @Test
    void anUpdatePostedTwiceSavesOnceAndAnswersWithTheItem() throws Exception {
        String created = "form_token=" + token(drafter.get("/items/new").body()) + "&"
                + fields("改两次的稿件", "第一稿。\n");
        drafter.submit("/items", created);
        long id = titled("改两次的稿件");
        String form = "form_token=" + token(drafter.get("/items/" + id + "/edit").body()) + "&"
                + fields("改两次的稿件", "第二稿。\n");

        assertThat(drafter.submit("/items/" + id + "/edit", form).statusCode()).isEqualTo(303);
        HttpResponse<String> again = drafter.submit("/items/" + id + "/edit", form);

        assertThat(again.headers().firstValue("Location")).hasValue("/items/" + id);
        assertThat(drafter.get("/items/" + id).body()).contains(EditorPages.RESUBMITTED);
        assertThat(app.wiring.database().items().find(id).orElseThrow().content().body()).contains("第二稿");
    }

    @Test
    void anotherUsersOrAnotherFormsTokenSavesNothing() throws Exception {
        String mine = token(drafter.get("/items/new").body());

        HttpResponse<String> stolen = other.submit("/items", "form_token=" + mine + "&"
                + fields("别人的令牌", "正文。\n"));

        assertThat(stolen.statusCode()).isEqualTo(422);
        assertThat(stolen.body()).contains("表单已过期", "别人的令牌");
        assertThat(count("别人的令牌")).isZero();
        assertThat(drafter.submit("/items", "form_token=" + mine + "&" + fields("自己的令牌", "正文。\n"))
                .statusCode()).as("the owner's token is still good").isEqualTo(303);
        long id = titled("自己的令牌");
        String forNew = token(drafter.get("/items/new").body());
        assertThat(drafter.submit("/items/" + id + "/edit", "form_token=" + forNew + "&"
                + fields("自己的令牌", "改了。\n")).statusCode()).isEqualTo(422);
    }

    @Test
    void aFormWithProblemsCanBeSentAgainWithTheSameToken() throws Exception {
        String token = token(drafter.get("/items/new").body());

        HttpResponse<String> refused = drafter.submit("/items", "form_token=" + token + "&"
                + fields("", "没有标题。\n"));
        HttpResponse<String> fixed = drafter.submit("/items", "form_token=" + token + "&"
                + fields("补上标题的稿件", "没有标题。\n"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(fixed.statusCode()).isEqualTo(303);
        assertThat(count("补上标题的稿件")).isEqualTo(1);
    }

    @Test
    void anAutosaveIsRestoredForItsUserOnlyAndClearedBySaving() throws Exception {
        Staff writer = new Staff(app, "赵起草");
        HttpResponse<String> saved = writer.submit("/items/autosave", fields("自动保存的标题", "打到一半的正文")
                + "&note_term=" + Staff.enc("以旧换新"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("已自动保存");

        String back = writer.get("/items/new").body();
        assertThat(back).contains("id=\"restored\"", "已恢复 09:00 自动保存的内容", "放弃恢复", "自动保存的标题",
                "打到一半的正文", "以旧换新");
        assertThat(other.get("/items/new").body()).doesNotContain("打到一半的正文", "id=\"restored\"");

        writer.submit("/items", "form_token=" + token(back) + "&" + fields("自动保存的标题", "打完的正文"));
        assertThat(writer.get("/items/new").body()).doesNotContain("打到一半的正文", "id=\"restored\"");
    }

    @Test
    void anAutosaveOfAnItemIsRestoredOnItsEditPageAndCanBeDiscarded() throws Exception {
        Staff writer = new Staff(app, "钱起草");
        writer.submit("/items", "form_token=" + token(writer.get("/items/new").body()) + "&"
                + fields("要放弃恢复的稿件", "保存过的正文。\n"));
        long id = titled("要放弃恢复的稿件");
        writer.submit("/items/autosave", "item_id=" + id + "&" + fields("要放弃恢复的稿件", "没保存的修改"));
        assertThat(writer.get("/items/new").body()).doesNotContain("没保存的修改");
        assertThat(writer.get("/items/" + id + "/edit").body()).contains("没保存的修改", "id=\"restored\"");

        HttpResponse<String> discarded = writer.submit("/items/autosave/discard", "item_id=" + id);

        assertThat(discarded.headers().firstValue("Location")).hasValue("/items/" + id + "/edit");
        assertThat(writer.get("/items/" + id + "/edit").body()).contains("保存过的正文")
                .doesNotContain("没保存的修改", "id=\"restored\"");
    }

    @Test
    void anEndedLoginIsAnsweredInChineseWithTheWayBackToTheEditor() throws Exception {
        HttpClient anonymous = HttpClient.newHttpClient();
        HttpResponse<String> script = anonymous.send(HttpRequest.newBuilder(URI.create(app.url("/items/autosave")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-Token", "old")
                .header("Referer", app.url("/items/7/edit"))
                .POST(HttpRequest.BodyPublishers.ofString(fields("过期", "正文"))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> form = anonymous.send(HttpRequest.newBuilder(URI.create(app.url("/items")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", app.url("/items/new"))
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=old&" + fields("过期", "正文"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(script.body()).contains("登录已过期", "/login?next=%2Fitems%2F7%2Fedit").doesNotContain("Bearer");
        assertThat(script.headers().map().toString()).doesNotContain("Bearer");
        assertThat(form.statusCode()).isEqualTo(401);
        assertThat(form.body()).contains("登录已过期", "href=\"/login?next=%2Fitems%2Fnew\"").doesNotContain("Bearer");
        assertThat(count("过期")).isZero();
    }

    @Test
    void thePreviewNamesThePublishingSlotAndWarnsOfAPastTime() throws Exception {
        String none = drafter.submit("/preview", fields("时段", "正文")).body();
        String later = drafter.submit("/preview", fields("时段", "正文") + "&publish_at=2026-12-08T11:00").body();
        String onTheSlot = drafter.submit("/preview", "publish_at=2026-12-11T10:00&account=hongqi").body();
        String past = drafter.submit("/preview", fields("时段", "正文") + "&publish_at=2026-12-06T10:00").body();

        assertThat(none).contains("\"slot\":\"将在 12月7日 周一 10:00 的发布时段发布\"", "\"warning\":\"\"");
        assertThat(later).contains("将在 12月9日 周三 10:00 的发布时段发布").doesNotContain("已经过去");
        assertThat(onTheSlot).contains("将在 12月11日 周五 10:00 的发布时段发布");
        assertThat(past).contains("计划发布时间已经过去", "12月7日 周一 10:00");
    }

    @Test
    void aRejectedItemsEditPageShowsWhoSentItBackWhenAndWhy() throws Exception {
        drafter.submit("/items", "form_token=" + token(drafter.get("/items/new").body()) + "&"
                + fields("被退回的稿件", "活动从三月开始。\n").replace("action=draft", "action=submit"));
        long id = app.wiring.database().items().list(ItemStatus.IN_REVIEW).stream()
                .filter(i -> i.content().title().equals("被退回的稿件")).findFirst().orElseThrow().id();
        String hash = app.wiring.database().items().find(id).orElseThrow().contentHash();
        deptLeader.submit("/items/" + id + "/reject", "contentHash=" + hash + "&comment="
                + Staff.enc("请补充活动地点"));
        assertThat(app.wiring.database().items().find(id).orElseThrow().status()).isEqualTo(ItemStatus.REJECTED);

        String page = drafter.get("/items/" + id + "/edit").body();

        assertThat(page).contains("id=\"rejection\"", "孙科长", "2026-12-07 09:00", "请补充活动地点");
        assertThat(drafter.get("/items/new").body()).doesNotContain("id=\"rejection\"");
    }
}

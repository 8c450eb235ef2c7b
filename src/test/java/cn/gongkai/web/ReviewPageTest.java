package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.Role;
import cn.gongkai.testsupport.ItemBuilder;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, the review page over HTTP: after a rejection the diff is against the text sent back, findings name their
 * paragraph and quote it, the feed card, and 发送到手机预览 to the simulator.
 */
class ReviewPageTest {
    @TempDir
    static Path dir;

    private static ConsoleFixture app;
    private static Staff drafter;
    private static Staff deptLeader;

    @BeforeAll
    static void start() throws Exception {
        app = new ConsoleFixture(dir, Clock.systemUTC(), "jdbc:h2:mem:review" + UUID.randomUUID().toString()
                .replace("-", "") + ";DB_CLOSE_DELAY=-1", Map.of("GONGKAI_ACCOUNTS_0_PREVIEW_TO",
                "张科长=zhangkezhang01"));
        app.user("刘起草", Role.DRAFTER);
        app.user("张科长", Role.DEPT_LEADER);
        drafter = new Staff(app, "刘起草");
        deptLeader = new Staff(app, "张科长");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static long submitted(String title, String body) throws Exception {
        HttpResponse<String> r = drafter.submit("/items", "title=" + Staff.enc(title) + "&category="
                + Staff.enc("促消费") + "&account=hongqi&author=" + Staff.enc("红旗区商务局") + "&body=" + Staff.enc(body)
                + "&action=submit");
        assertThat(r.statusCode()).isEqualTo(303);
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().replace("/items/", ""));
    }

    private static String formHash(Staff reviewer, long id) throws Exception {
        Matcher m = Pattern.compile("name=\"contentHash\" value=\"([0-9a-f]{64})\"")
                .matcher(reviewer.get("/items/" + id).body());
        assertThat(m.find()).as("the review form carries the content hash").isTrue();
        return m.group(1);
    }

    private static void reject(long id, String why) throws Exception {
        HttpResponse<String> r = deptLeader.submit("/items/" + id + "/reject", "contentHash=" + formHash(deptLeader, id)
                + "&comment=" + Staff.enc(why));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(item(id).status()).isEqualTo(ItemStatus.REJECTED);
    }

    private static DisclosureItem item(long id) {
        return app.wiring.database().items().find(id).orElseThrow();
    }

    private static void editAndResubmit(long id, String body) throws Exception {
        ItemContent c = item(id).content();
        app.wiring.review().update(id, ItemBuilder.from(c).body(body).digest("").headingNumbers(null)
                .important(false).build(), "刘起草", "按退回意见修改");
        assertThat(drafter.submit("/items/" + id + "/submit", "").statusCode()).isEqualTo(302);
        assertThat(item(id).status()).isEqualTo(ItemStatus.IN_REVIEW);
    }

    @Test
    void afterARejectionTheReviewerSeesTheDiffAgainstTheTextSentBack() throws Exception {
        long id = submitted("退回后重新送审的稿件", "活动从三月开始。\n\n欢迎市民参加。\n");
        String first = deptLeader.get("/items/" + id).body();
        assertThat(first).contains("这是第一次送审的版本");

        reject(id, "时间写错了，应为四月");
        editAndResubmit(id, "活动从四月开始。\n\n欢迎市民参加。\n");

        String page = deptLeader.get("/items/" + id).body();
        assertThat(page).contains("退回时的版本对比", "张科长 退回").doesNotContain("这是第一次送审的版本");
        assertThat(page).contains("<div class=\"removed\">- 活动从三月开始。</div>",
                "<div class=\"added\">+ 活动从四月开始。</div>", "<div class=\"same\">  欢迎市民参加。</div>");
        assertThat(page).containsPattern("与 \\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2} 退回时的版本对比");
    }

    @Test
    void aTextResubmittedUnchangedIsSaidToBeTheSameAsTheOneSentBack() throws Exception {
        long id = submitted("原样重新送审的稿件", "内容没有改。\n");
        reject(id, "请补充联系方式");
        assertThat(drafter.submit("/items/" + id + "/submit", "").statusCode()).isEqualTo(302);

        String page = deptLeader.get("/items/" + id).body();
        assertThat(page).contains("退回时的版本", "文字相同，没有改动").doesNotContain("id=\"diff\"");
    }

    @Test
    void findingsNameTheParagraphAndQuoteTheText() throws Exception {
        long id = submitted("含外部链接的稿件", "## 一、基本情况\n\n第一段文字。\n\n详见 https://www.example.cn/a.htm 网站。\n");

        String page = deptLeader.get("/items/" + id).body();
        assertThat(page).contains("<td style=\"white-space:nowrap\">正文第 3 段</td>",
                "<td class=\"quote\">“详见 https://www.… 网站。”</td>");
    }

    @Test
    void theReviewPageShowsTheFeedCardTheWholeArticleAndTheDecisionAfterIt() throws Exception {
        long id = submitted("卡片预览的稿件", "全区共受理申请 12 件，全部按期办结。\n");

        String page = deptLeader.get("/items/" + id).body();
        int card = page.indexOf("id=\"feed-card\"");
        int preview = page.indexOf("id=\"preview\"");
        int decision = page.indexOf("id=\"review-form\"");
        assertThat(card).isPositive().isLessThan(preview);
        assertThat(decision).as("the decision comes after the article").isGreaterThan(preview);
        assertThat(page).contains("class=\"card decision\"", "<div class=\"feed-title\">卡片预览的稿件</div>",
                "全区共受理申请 12 件", "默认封面", "aspect-ratio: 2.35 / 1");
    }

    @Test
    void aPhonePreviewGoesToTheConfiguredReviewerThroughTheSimulator() throws Exception {
        long id = submitted("手机预览的稿件", "请在手机上看排版。\n");
        String appId = app.wiring.config().account("hongqi").orElseThrow().appId();
        int before = app.wiring.simulator().record().calls(appId, "message/mass/preview");
        assertThat(deptLeader.get("/items/" + id).body()).contains("<option value=\"张科长\" selected>张科长</option>",
                "id=\"phone-preview\"");

        HttpResponse<String> sent = deptLeader.submit("/items/" + id + "/phone-preview", "to=" + Staff.enc("张科长"));

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(app.wiring.simulator().record().calls(appId, "message/mass/preview")).isEqualTo(before + 1);
        assertThat(deptLeader.get("/items/" + id).body()).contains("已发送到模拟器", "张科长");
        assertThat(item(id).status()).as("a preview publishes nothing").isEqualTo(ItemStatus.IN_REVIEW);
    }

    @Test
    void aPhonePreviewWithoutARecipientOrWithAMalformedIdIsRefusedInChinese() throws Exception {
        long id = submitted("手机预览出错的稿件", "正文。\n");
        String appId = app.wiring.config().account("hongqi").orElseThrow().appId();
        int before = app.wiring.simulator().record().calls(appId, "message/mass/preview");

        deptLeader.submit("/items/" + id + "/phone-preview", "to=" + Staff.enc("没有这个人"));
        assertThat(deptLeader.get("/items/" + id).body()).contains("请选择预览接收人，或填写接收预览的微信号");
        deptLeader.submit("/items/" + id + "/phone-preview", "wechatId=" + Staff.enc("1个错的号"));
        assertThat(deptLeader.get("/items/" + id).body()).contains("格式有误");
        assertThat(deptLeader.post("/items/" + id + "/phone-preview", "wechatId=zhangsan88").statusCode())
                .as("no CSRF token").isEqualTo(403);

        assertThat(app.wiring.simulator().record().calls(appId, "message/mass/preview")).isEqualTo(before);
    }
}

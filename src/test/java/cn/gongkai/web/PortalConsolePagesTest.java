package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.portal.DeliveryIdentity;
import cn.gongkai.portal.DeliveryState;
import cn.gongkai.portal.PortalDelivery;
import cn.gongkai.portal.ReceivedMail;
import cn.gongkai.review.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 in the console: the 报区政府办 tab of 发布记录, the item page's portal card with 记录采用, 未采用 and 重新报送,
 * the 统计 card and the sandbox 区政府办邮箱 — on the built-in sandbox portal {@code qzfb}.
 */
class PortalConsolePagesTest {
    private static final String PORTAL = "qzfb";

    @TempDir
    static Path dir;

    private static ConsoleFixture app;
    private static Staff drafter;
    private static Staff director;

    @BeforeAll
    static void start() throws Exception {
        app = new ConsoleFixture(dir, Clock.systemUTC());
        app.user("刘起草", Role.DRAFTER);
        app.user("张科长", Role.DEPT_LEADER);
        app.user("李主任", Role.OFFICE_DIRECTOR);
        app.user("王副局长", Role.OFFICE_LEADER);
        drafter = new Staff(app, "刘起草");
        director = new Staff(app, "李主任");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** An approved item delivered to the sandbox portal by a run, as the scheduled job does it. */
    private static long delivered(String title) throws Exception {
        long id = PublishConfirmPageTest.approved(app, drafter, title);
        app.wiring.portalRunner().run();
        assertThat(row(id).state()).isEqualTo(DeliveryState.SENT);
        return id;
    }

    /** An approved item whose delivery failed and waits for staff (stored as the runner stores a failure). */
    private static long failed(String title) throws Exception {
        long id = PublishConfirmPageTest.approved(app, drafter, title);
        Instant now = Instant.now();
        var store = app.wiring.portalDeliveries();
        assertThat(store.prepare(new PortalDelivery(id, PORTAL, title, DeliveryState.PREPARED,
                new DeliveryIdentity("<gongkai." + id + ".qzfb.test@gongkai.local>", "gongkai-" + id + "-qzfb-test"),
                "", "", "", 1, "", "促消费", "", now, now, now.plusSeconds(300), null, null))).isTrue();
        assertThat(store.failed(id, PORTAL, "邮件服务器拒绝收件人：请核对 portals 中的收件地址。", null)).isTrue();
        return id;
    }

    private static PortalDelivery row(long id) {
        return app.wiring.portalDeliveries().find(id, PORTAL).orElseThrow();
    }

    @Test
    void anAdoptionRecordedWithItsLinkShowsOnTheItemPageTheTabAndTheStats() throws Exception {
        long id = delivered("报送采用测试稿件");
        String item = director.get("/items/" + id).body();
        assertThat(item).contains("id=\"portal-status\"", "红旗区人民政府办公室", "已报送",
                row(id).reference().replace("<", "&lt;").replace(">", "&gt;"),
                "id=\"adopt-qzfb\"", "id=\"not-adopted-qzfb\"").doesNotContain("id=\"resend-qzfb\"");

        HttpResponse<String> r = director.submit("/items/" + id + "/portal/qzfb/adopted",
                "url=" + Staff.enc("https://www.hongqi.gov.cn/zwgk/2026/art_1.html"));

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(row(id).state()).isEqualTo(DeliveryState.ADOPTED);
        assertThat(row(id).recordedBy()).isEqualTo("李主任");
        assertThat(director.get("/items/" + id).body()).contains("已登记：红旗区人民政府办公室采用了这篇稿件",
                "<span class=\"tag st-ADOPTED\">已采用</span>",
                "href=\"https://www.hongqi.gov.cn/zwgk/2026/art_1.html\"", "李主任 登记");
        String tab = director.get("/publishing/portal").body();
        assertThat(tab).contains("id=\"tab-portal\"", "报送采用测试稿件", "已采用",
                "https://www.hongqi.gov.cn/zwgk/2026/art_1.html");
        int year = Instant.now().atZone(ZoneId.of("Asia/Shanghai")).getYear();
        String stats = director.get("/stats?year=" + year).body();
        assertThat(stats).contains("id=\"portal-stats\"");
        assertThat(number(stats, "portal-adopted")).isPositive();
        assertThat(stats).containsPattern("id=\"portal-rate\">\\d+\\.\\d%<");
    }

    @Test
    void aLinkThatIsNotAWebAddressOrTooLongIsRefusedWithAReason() throws Exception {
        long id = delivered("采用链接校验稿件");

        director.submit("/items/" + id + "/portal/qzfb/adopted", "url=" + Staff.enc("javascript:alert(1)"));
        assertThat(director.get("/items/" + id).body()).contains("采用链接应为 http:// 或 https:// 开头的网址");
        director.submit("/items/" + id + "/portal/qzfb/adopted", "url=" + Staff.enc("https://a.cn/" + "x".repeat(600)));
        assertThat(director.get("/items/" + id).body()).contains("采用链接太长");
        director.submit("/items/" + id + "/portal/qzfb/adopted", "url=");
        assertThat(director.get("/items/" + id).body()).contains("请粘贴区政府门户网站上这篇文章的网址");

        assertThat(row(id).state()).isEqualTo(DeliveryState.SENT);
        assertThat(row(id).adoptedUrl()).isEmpty();
    }

    @Test
    void notAdoptedIsRecorded() throws Exception {
        long id = delivered("未采用登记稿件");

        director.submit("/items/" + id + "/portal/qzfb/not-adopted", "");

        assertThat(row(id).state()).isEqualTo(DeliveryState.NOT_ADOPTED);
        assertThat(director.get("/items/" + id).body()).contains("已登记：红旗区人民政府办公室未采用这篇稿件",
                "<span class=\"tag st-NOT_ADOPTED\">未采用</span>");
    }

    @Test
    void onlyAFailedDeliveryIsSentAgainAndTheResendReachesTheMailbox() throws Exception {
        long sent = delivered("已报送不能重发的稿件");
        director.submit("/items/" + sent + "/portal/qzfb/resend", "");
        assertThat(director.get("/items/" + sent).body()).contains("只有报送失败的才能重新报送");
        assertThat(row(sent).attempts()).isEqualTo(1);

        long id = failed("报送失败后重发的稿件");
        String item = director.get("/items/" + id).body();
        assertThat(item).contains("发送失败", "邮件服务器拒绝收件人", "在稿件页点“重新报送”", "id=\"resend-qzfb\"")
                .doesNotContain("id=\"adopt-qzfb\"");
        assertThat(director.get("/publishing/portal").body()).contains("报送失败后重发的稿件", "邮件服务器拒绝收件人");

        director.submit("/items/" + id + "/portal/qzfb/resend", "");

        assertThat(row(id).state()).isEqualTo(DeliveryState.SENT);
        assertThat(director.get("/items/" + id).body()).contains("已重新报送给红旗区人民政府办公室，状态：已报送");
        assertThat(app.wiring.officeMailbox().orElseThrow().received()).extracting(ReceivedMail::messageId)
                .contains("<gongkai." + id + ".qzfb.test@gongkai.local>");
    }

    @Test
    void otherRolesMayLookButNotRecordAndTheMailboxIsTheOffices() throws Exception {
        long id = delivered("起草人只能查看的报送稿件");
        assertThat(drafter.get("/items/" + id).body()).contains("id=\"portal-status\"")
                .doesNotContain("id=\"adopt-qzfb\"", "id=\"not-adopted-qzfb\"");

        assertThat(drafter.submit("/items/" + id + "/portal/qzfb/adopted", "url=" + Staff.enc("https://a.cn/1"))
                .statusCode()).isEqualTo(403);
        assertThat(drafter.submit("/items/" + id + "/portal/qzfb/not-adopted", "").statusCode()).isEqualTo(403);
        assertThat(row(id).state()).isEqualTo(DeliveryState.SENT);
        assertThat(drafter.get("/portal/mailbox").statusCode()).isEqualTo(403);
        assertThat(drafter.get("/").body()).doesNotContain("href=\"/portal/mailbox\"");
        assertThat(director.get("/").body()).contains("href=\"/portal/mailbox\"");
    }

    @Test
    void unknownItemsPortalsAndMailsAreNotFoundAndAPostWithoutTheTokenIsRefused() throws Exception {
        long id = delivered("编号校验稿件");
        assertThat(director.submit("/items/999999/portal/qzfb/adopted", "url=" + Staff.enc("https://a.cn/1"))
                .statusCode()).isEqualTo(404);
        assertThat(director.submit("/items/" + id + "/portal/nosuch/not-adopted", "").statusCode()).isEqualTo(404);
        assertThat(director.submit("/items/abc/portal/qzfb/resend", "").statusCode()).isEqualTo(404);
        assertThat(director.get("/portal/mailbox/999999").statusCode()).isEqualTo(404);
        assertThat(director.get("/portal/mailbox/1/attachment?name=nosuch.docx").statusCode()).isEqualTo(404);
        assertThat(director.post("/items/" + id + "/portal/qzfb/not-adopted", "").statusCode()).isEqualTo(403);
        assertThat(row(id).state()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void theMailboxListsTheMailAndShowsItAsEscapedTextWithDownloads() throws Exception {
        long id = delivered("邮箱查看<i>稿件</i>&“引号”");
        ReceivedMail mail = app.wiring.officeMailbox().orElseThrow().received().stream()
                .filter(m -> m.messageId().equals(row(id).reference()) || m.subject().contains("邮箱查看"))
                .reduce((a, b) -> b).orElseThrow();
        ReceivedMail.File docx = mail.attachments().stream().filter(f -> f.name().endsWith(".docx")).findFirst()
                .orElseThrow();

        String list = director.get("/portal/mailbox").body();
        assertThat(list).contains("id=\"mails\"", "href=\"/portal/mailbox/" + mail.number() + "\"", ".docx")
                .doesNotContain("<i>稿件</i>");
        String one = director.get("/portal/mailbox/" + mail.number()).body();
        assertThat(one).contains("id=\"mail-body\"", "&lt;i&gt;稿件&lt;/i&gt;", "mail.eml")
                .doesNotContain("<i>稿件</i>");

        String href = "/portal/mailbox/" + mail.number() + "/attachment?name="
                + java.net.URLEncoder.encode(docx.name(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        HttpResponse<byte[]> file = director.bytes(href);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).hasSize(docx.size()).startsWith('P', 'K');
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"").contains("filename*=UTF-8''");
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/octet-stream");
        HttpResponse<byte[]> eml = director.bytes("/portal/mailbox/" + mail.number() + "/mail.eml");
        assertThat(eml.statusCode()).isEqualTo(200);
        assertThat(eml.body()).hasSize(mail.size());
        assertThat(eml.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
    }

    @Test
    void theTabPagesInTheDatabaseNewestFirst() throws Exception {
        assertThat(director.get("/publishing").body()).contains("id=\"tab-wechat\"", "href=\"/publishing/portal\"");
        long first = delivered("分页第一篇");
        long second = delivered("分页第二篇");
        var store = app.wiring.portalDeliveries();
        List<PortalDelivery> newest = store.page(PORTAL, 0, 1);
        assertThat(newest).extracting(PortalDelivery::itemId).containsExactly(second);
        assertThat(store.page(PORTAL, 1, 1)).extracting(PortalDelivery::itemId).containsExactly(first);
        assertThat(store.count(PORTAL)).isEqualTo(store.count(null)).isGreaterThanOrEqualTo(2);
        assertThat(store.page("nosuch", 0, 10)).isEmpty();

        String tab = director.get("/publishing/portal?page=x").body();
        assertThat(tab.indexOf("分页第二篇")).isPositive().isLessThan(tab.indexOf("分页第一篇"));
    }

    private static int number(String html, String id) {
        var m = java.util.regex.Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(html);
        assertThat(m.find()).as(id).isTrue();
        return Integer.parseInt(m.group(1));
    }
}

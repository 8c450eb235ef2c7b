package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.portal.DeliveryState;
import cn.gongkai.portal.PortalDelivery;
import cn.gongkai.portal.ReceivedMail;
import cn.gongkai.review.Role;
import cn.gongkai.testsupport.ItemBuilder;
import cn.gongkai.testsupport.MutableClock;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, the 报送 pages within a unit, over HTTP: two units (商务局, 教育局), each with its own sandbox mail portal
 * and items delivered by a real run. A unit's office sees only its own deliveries, portals, counts and mails on the
 * 发布记录 tab, the 统计 card, the item page and the 区政府办邮箱; another unit's mail, item or portal is 404 and a
 * decision naming it changes nothing; the district inspector sees both units.
 */
class PortalUnitScopeTest {
    private static final String CONFIG = """
            accounts:
              - {id: swj, name: 红旗商务, app-id: wx0000000000000001}
              - {id: jyj, name: 红旗教育, app-id: wx0000000000000002}
            portals:
              - {id: sw-qzfb, name: 商务局报送门户, delivery: email, unit: 红旗区商务局, email: {host: "", from: xxgk@hongqi.gov.cn, to: [office@hongqi.gov.cn]}}
              - {id: jy-qzfb, name: 教育局报送门户, delivery: email, unit: 红旗区教育局, email: {host: "", from: xxgk@hongqi.gov.cn, to: [office@hongqi.gov.cn]}}
            units:
              - {id: shangwu, name: 红旗区商务局, accounts: [swj], portals: [sw-qzfb]}
              - {id: jiaoyu, name: 红旗区教育局, accounts: [jyj], portals: [jy-qzfb]}
            """;
    private static final Pattern SENT = Pattern.compile("id=\"portal-sent\">(\\d+)<");

    @TempDir
    static Path dir;
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-02T02:00:00Z"));
    private static ConsoleFixture app;
    private static DisclosureItem swShown;
    private static DisclosureItem swDecided;
    private static DisclosureItem jyShown;
    private static Staff swOffice;
    private static Staff jyOffice;
    private static Staff swDrafter;
    private static Staff inspector;

    @BeforeAll
    static void start() throws Exception {
        app = ConsoleFixture.configured(dir, CLOCK, CONFIG);
        app.user("商务主任", Role.OFFICE_DIRECTOR, "shangwu");
        app.user("商务起草", Role.DRAFTER, "shangwu");
        app.user("教育主任", Role.OFFICE_DIRECTOR, "jiaoyu");
        app.user("区巡查", Role.DISTRICT_INSPECTOR, null);
        swShown = approved("shangwu", "swj", "商务局报送甲一号");
        swDecided = approved("shangwu", "swj", "商务局报送甲二号");
        jyShown = approved("jiaoyu", "jyj", "教育局报送乙一号");
        app.wiring.portalRunner().run();
        swOffice = new Staff(app, "商务主任");
        jyOffice = new Staff(app, "教育主任");
        swDrafter = new Staff(app, "商务起草");
        inspector = new Staff(app, "区巡查");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static DisclosureItem approved(String unit, String account, String title) {
        return app.wiring.database().items().insert(unit, ItemBuilder.anItem().account(account).category("促消费")
                .title(title).build(), ItemStatus.APPROVED, null, CLOCK.instant());
    }

    private static PortalDelivery row(DisclosureItem item, String portal) {
        return app.wiring.portalDeliveries().find(item.id(), portal).orElseThrow();
    }

    /** The sandbox mail the run sent for {@code item}. */
    private static ReceivedMail mailOf(DisclosureItem item, String portal) {
        String messageId = row(item, portal).identity().messageId();
        return app.wiring.officeMailbox().orElseThrow().received().stream()
                .filter(m -> m.messageId().equals(messageId)).findFirst().orElseThrow();
    }

    private static int sentOnStats(Staff who) throws Exception {
        Matcher m = SENT.matcher(who.get("/stats?year=2026").body());
        assertThat(m.find()).as("the 统计 page has the 报区政府办 card").isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void theRecordsTabAndTheStatsCardShowTheUnitsOwnDeliveriesAndPortalsAndTheInspectorBoth() throws Exception {
        assertThat(swOffice.get("/publishing/portal").body())
                .contains("商务局报送甲一号", "商务局报送甲二号", "商务局报送门户")
                .doesNotContain("教育局报送乙一号", "教育局报送门户", "jy-qzfb");
        assertThat(jyOffice.get("/publishing/portal").body()).contains("教育局报送乙一号", "教育局报送门户")
                .doesNotContain("商务局报送甲", "商务局报送门户", "sw-qzfb");
        assertThat(inspector.get("/publishing/portal").body()).contains("商务局报送甲一号", "教育局报送乙一号",
                "商务局报送门户", "教育局报送门户");

        assertThat(sentOnStats(swOffice)).isEqualTo(2);
        assertThat(sentOnStats(jyOffice)).isEqualTo(1);
        assertThat(sentOnStats(inspector)).isEqualTo(3);
    }

    @Test
    void theItemPageNamesOnlyTheItemsOwnPortalsAndAnotherUnitsItemIsNotFound() throws Exception {
        assertThat(swOffice.get("/items/" + swShown.id()).body()).contains("id=\"portal-sw-qzfb\"", "已报送")
                .doesNotContain("教育局报送门户", "jy-qzfb");
        assertThat(inspector.get("/items/" + jyShown.id()).body()).contains("id=\"portal-jy-qzfb\"")
                .doesNotContain("商务局报送门户");
        HttpResponse<String> other = jyOffice.get("/items/" + swShown.id());
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("商务局报送甲一号", "商务局报送门户");
    }

    @Test
    void aDecisionOnAnotherUnitsDeliveryOrPortalIsNotFoundAndChangesNothing() throws Exception {
        String url = "url=" + URLEncoder.encode("https://www.hongqi.gov.cn/a/1.html", StandardCharsets.UTF_8);
        for (String path : new String[] {"/items/" + swDecided.id() + "/portal/sw-qzfb/adopted",
                "/items/" + swDecided.id() + "/portal/sw-qzfb/not-adopted",
                "/items/" + swDecided.id() + "/portal/sw-qzfb/resend",
                "/items/" + jyShown.id() + "/portal/sw-qzfb/adopted",
                "/items/" + jyShown.id() + "/portal/sw-qzfb/not-adopted"}) {
            HttpResponse<String> r = jyOffice.submit(path, url);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("商务局报送甲二号", "商务局报送门户");
        }
        HttpResponse<String> ownItemOtherPortal = swOffice.submit("/items/" + swDecided.id()
                + "/portal/jy-qzfb/not-adopted", "");
        assertThat(ownItemOtherPortal.statusCode()).isEqualTo(404);
        assertThat(ownItemOtherPortal.body()).doesNotContain("教育局报送门户");
        assertThat(row(swDecided, "sw-qzfb").state()).isEqualTo(DeliveryState.SENT);
        assertThat(row(jyShown, "jy-qzfb").state()).isEqualTo(DeliveryState.SENT);
        assertThat(app.wiring.portalDeliveries().find(jyShown.id(), "sw-qzfb")).isEmpty();

        assertThat(swOffice.submit("/items/" + swDecided.id() + "/portal/sw-qzfb/adopted", url).statusCode())
                .isEqualTo(302);
        assertThat(row(swDecided, "sw-qzfb").state()).as("the unit's own decision").isEqualTo(DeliveryState.ADOPTED);
    }

    @Test
    void theMailboxShowsTheUnitsOwnMailsAndAnotherUnitsMailIsNotFound() throws Exception {
        ReceivedMail sw = mailOf(swShown, "sw-qzfb");
        ReceivedMail jy = mailOf(jyShown, "jy-qzfb");
        String swFile = "/attachment?name=" + URLEncoder.encode(sw.attachments().get(0).name(),
                StandardCharsets.UTF_8).replace("+", "%20");

        assertThat(swOffice.get("/portal/mailbox").body()).contains("商务局报送甲一号", "商务局报送甲二号")
                .doesNotContain("教育局报送乙一号");
        assertThat(jyOffice.get("/portal/mailbox").body()).contains("教育局报送乙一号").doesNotContain("商务局报送甲");
        assertThat(inspector.get("/portal/mailbox").body()).contains("商务局报送甲一号", "教育局报送乙一号");

        for (String path : new String[] {"", "/mail.eml", swFile}) {
            String address = "/portal/mailbox/" + sw.number() + path;
            assertThat(swOffice.bytes(address).statusCode()).as("own " + address).isEqualTo(200);
            assertThat(inspector.bytes(address).statusCode()).as("inspector " + address).isEqualTo(200);
            HttpResponse<String> other = jyOffice.get(address);
            assertThat(other.statusCode()).as("other unit " + address).isEqualTo(404);
            assertThat(other.body()).doesNotContain("商务局报送甲一号");
        }
        assertThat(swDrafter.get("/portal/mailbox/" + jy.number()).statusCode()).as("scope before role")
                .isEqualTo(404);
        assertThat(swDrafter.get("/portal/mailbox/" + sw.number()).statusCode()).isEqualTo(403);
    }
}

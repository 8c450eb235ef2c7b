package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.portal.DeliveryState;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 报送收件箱 over HTTP: the office reads what the units delivered (escaped), sees the picture, adopts and declines
 * with the CSRF token; another unit's office, the office's drafter and the district roles get 404 without a title,
 * and a POST without the token is refused.
 */
class PortalInboxPageTest {
    @TempDir
    static Path dir;
    private static InternalDistrict district;
    private static DisclosureItem readable;
    private static DisclosureItem adoptable;
    private static DisclosureItem declinable;
    private static DisclosureItem refusedPost;

    @BeforeAll
    static void start() throws Exception {
        district = new InternalDistrict(dir);
        readable = district.approved("shangwu", "swj", "商务局<b>以旧换新</b>活动", "活动<script>alert(1)</script>开始。");
        adoptable = district.approved("shangwu", "swj", "商务局以旧换新补贴", "补贴标准见附件。");
        declinable = district.approved("jiaoyu", "jyj", "教育局秋季开学", "各校按时开学。");
        refusedPost = district.approved("shangwu", "swj", "商务局消费券发放", "消费券12月发放。");
        district.app.wiring.portalRunner().run();
    }

    @AfterAll
    static void stop() {
        district.close();
    }

    private static String item(DisclosureItem i, String portal) {
        return "/inbox/" + portal + "/" + i.id();
    }

    @Test
    void theOfficeListsReadsAndSeesThePictureEscaped() throws Exception {
        Staff office = new Staff(district.app, "王主任");

        assertThat(office.get("/").body()).contains("href=\"/inbox\"");
        String list = office.get("/inbox").body();
        assertThat(list).contains("红旗区商务局", "红旗区教育局", "商务局&lt;b&gt;以旧换新&lt;/b&gt;活动", "教育局秋季开学", "促消费",
                "2026-11-02 10:00", "待处理").doesNotContain("<b>以旧换新");

        String page = office.get(item(readable, "sw-qzfb")).body();
        assertThat(page).contains("活动&lt;script&gt;alert(1)&lt;/script&gt;开始。", "id=\"inbox-adopt\"")
                .doesNotContain("<script>alert(1)");
        String src = item(readable, "sw-qzfb") + "/images/" + district.picture.sha256();
        assertThat(page).contains("src=\"" + src + "\"");
        HttpResponse<byte[]> picture = office.bytes(src);
        assertThat(picture.statusCode()).isEqualTo(200);
        assertThat(picture.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(office.bytes(item(readable, "sw-qzfb") + "/images/" + "0".repeat(64)).statusCode())
                .isEqualTo(404);
    }

    @Test
    void adoptingMakesADraftOfTheOfficeAndASecondAdoptIsRefused() throws Exception {
        Staff office = new Staff(district.app, "王主任");

        HttpResponse<String> adopted = office.submit(item(adoptable, "sw-qzfb") + "/adopt", "");
        assertThat(adopted.statusCode()).isEqualTo(302);
        String to = adopted.headers().firstValue("Location").orElseThrow();
        assertThat(to).startsWith("/items/");
        long made = Long.parseLong(to.substring("/items/".length()));
        DisclosureItem draft = district.app.wiring.database().items().find(made).orElseThrow();
        assertThat(draft.unitId()).isEqualTo("qzfb");
        assertThat(draft.status()).isEqualTo(ItemStatus.DRAFT);
        assertThat(district.app.wiring.portalDeliveries().find(adoptable.id(), "sw-qzfb").orElseThrow().state())
                .isEqualTo(DeliveryState.ADOPTED);
        assertThat(office.get("/inbox").body()).contains("已采用", "本单位稿件 " + made);

        HttpResponse<String> again = office.submit(item(adoptable, "sw-qzfb") + "/adopt", "");
        assertThat(again.headers().firstValue("Location")).contains(item(adoptable, "sw-qzfb"));
        assertThat(office.get(item(adoptable, "sw-qzfb")).body()).contains("已经采用过了")
                .doesNotContain("id=\"inbox-adopt\"");
        assertThat(district.app.wiring.database().items().findBySourceKey("district:shangwu:" + adoptable.id()))
                .contains(made);
    }

    @Test
    void decliningIsRecorded() throws Exception {
        Staff office = new Staff(district.app, "王主任");

        HttpResponse<String> declined = office.submit(item(declinable, "jy-qzfb") + "/decline", "");
        assertThat(declined.statusCode()).isEqualTo(302);
        assertThat(district.app.wiring.portalDeliveries().find(declinable.id(), "jy-qzfb").orElseThrow().state())
                .isEqualTo(DeliveryState.NOT_ADOPTED);
        assertThat(office.get(item(declinable, "jy-qzfb")).body()).contains("已登记：不采用", "不采用")
                .doesNotContain("id=\"inbox-decline\"");
    }

    @Test
    void anotherUnitsStaffAndTheDistrictRolesGetNotFoundWithoutTitles() throws Exception {
        for (String name : new String[] {"李主任", "周主任", "赵起草", "孙管理"}) {
            Staff other = new Staff(district.app, name);
            assertThat(other.get("/").body()).as(name).doesNotContain("href=\"/inbox\"");
            for (String path : new String[] {"/inbox", item(adoptable, "sw-qzfb"), item(declinable, "jy-qzfb"),
                    item(adoptable, "sw-qzfb") + "/images/" + district.picture.sha256()}) {
                HttpResponse<String> r = other.get(path);
                assertThat(r.statusCode()).as(name + " " + path).isEqualTo(404);
                assertThat(r.body()).doesNotContain("以旧换新", "秋季开学", "补贴");
            }
            HttpResponse<String> post = other.submit(item(refusedPost, "sw-qzfb") + "/adopt", "");
            assertThat(post.statusCode()).as(name + " adopt").isEqualTo(404);
            assertThat(post.body()).doesNotContain("消费券");
        }
        assertThat(district.app.wiring.portalDeliveries().find(refusedPost.id(), "sw-qzfb").orElseThrow().state())
                .isEqualTo(DeliveryState.SENT);
    }

    @Test
    void theSendingUnitSeesTheDeliveryButNoFormToRecordItsAdoption() throws Exception {
        Staff sender = new Staff(district.app, "李主任");

        String page = sender.get("/items/" + refusedPost.id()).body();
        assertThat(page).contains("id=\"portal-sw-qzfb\"", "已报送").doesNotContain("id=\"adopt-form-sw-qzfb\"",
                "id=\"not-adopted-sw-qzfb\"");
    }

    @Test
    void aPortalThatDeliversElsewhereOrAWrongAddressIsNotFound() throws Exception {
        Staff office = new Staff(district.app, "王主任");

        assertThat(office.get("/inbox/jy-qzfb/" + adoptable.id()).statusCode()).as("not that portal's row")
                .isEqualTo(404);
        assertThat(office.get("/inbox/sw-qzfb/abc").statusCode()).isEqualTo(404);
        assertThat(office.get("/inbox/nowhere/" + adoptable.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        Staff office = new Staff(district.app, "王主任");

        HttpResponse<String> r = office.post(item(refusedPost, "sw-qzfb") + "/adopt", "");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("安全校验失败");
        HttpResponse<String> decline = office.post(item(refusedPost, "sw-qzfb") + "/decline", "_csrf=wrong");
        assertThat(decline.statusCode()).isEqualTo(403);
        assertThat(district.app.wiring.portalDeliveries().find(refusedPost.id(), "sw-qzfb").orElseThrow().state())
                .isEqualTo(DeliveryState.SENT);
        assertThat(district.app.wiring.database().items().findBySourceKey("district:shangwu:" + refusedPost.id()))
                .isEmpty();
    }
}

package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemQuery;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.portal.DeliveryReport;
import cn.gongkai.portal.DeliveryState;
import cn.gongkai.portal.InternalAdoption;
import cn.gongkai.portal.InternalInbox;
import cn.gongkai.portal.PortalDelivery;
import cn.gongkai.portal.PortalYearCounts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Internal 报送 end to end on H2: 商务局 approves an item with a picture → the runner delivers it to the office's
 * inbox (no mail) → the office adopts it → a new DRAFT item of the office, with the text and the picture, linked to
 * the source → 商务局's portal counts show it adopted; a second 采用 makes no second item.
 */
class InternalDeliveryFlowTest {
    @TempDir
    Path dir;
    private InternalDistrict district;

    @BeforeEach
    void start() throws Exception {
        district = new InternalDistrict(dir);
    }

    @AfterEach
    void stop() {
        district.close();
    }

    @Test
    void anApprovedItemIsDeliveredOnceAdoptedAsADraftOfTheOfficeAndCountedForTheSender() {
        DisclosureItem source = district.approved("shangwu", "swj", "商务局以旧换新活动启动", "活动从12月1日开始。");
        DisclosureItem other = district.approved("jiaoyu", "jyj", "教育局秋季开学", "各校按时开学。");

        DeliveryReport first = district.app.wiring.portalRunner().run();
        assertThat(first.sent()).as("each unit's item through its own portal only").isEqualTo(2);
        assertThat(district.app.wiring.portalRunner().run().sent()).as("exactly once").isZero();

        PortalDelivery row = district.app.wiring.portalDeliveries().find(source.id(), "sw-qzfb").orElseThrow();
        assertThat(row.state()).isEqualTo(DeliveryState.SENT);
        assertThat(row.reference()).isEqualTo("internal:sw-qzfb:" + row.identity().idempotencyKey());
        assertThat(district.app.wiring.portalDeliveries().find(other.id(), "sw-qzfb")).as("not another unit's")
                .isEmpty();

        InternalInbox inbox = district.inbox();
        assertThat(inbox.receives("qzfb")).isTrue();
        assertThat(inbox.receives("shangwu")).isFalse();
        List<InternalInbox.Incoming> incoming = inbox.list("qzfb");
        assertThat(incoming).extracting(i -> i.delivery().title() + "/" + i.sendingUnitName())
                .containsExactlyInAnyOrder("商务局以旧换新活动启动/红旗区商务局", "教育局秋季开学/红旗区教育局");
        assertThat(inbox.list("jiaoyu")).isEmpty();
        assertThat(inbox.find("jiaoyu", "sw-qzfb", source.id())).as("another unit finds nothing").isEmpty();

        InternalAdoption adoption = district.adoption();
        DisclosureItem made = adoption.adopt("qzfb", "sw-qzfb", source.id(), "王主任");

        DisclosureItem stored = district.app.wiring.database().items().find(made.id()).orElseThrow();
        assertThat(stored.unitId()).isEqualTo("qzfb");
        assertThat(stored.status()).isEqualTo(ItemStatus.DRAFT);
        assertThat(stored.sourceKey()).isEqualTo("district:shangwu:" + source.id());
        assertThat(stored.content().account()).isEqualTo("qzf");
        assertThat(stored.content().category()).as("促消费 is not the office's: its first").isEqualTo("招商引资");
        assertThat(stored.content().title()).isEqualTo("商务局以旧换新活动启动");
        assertThat(stored.content().body()).isEqualTo(source.content().body());
        assertThat(stored.content().images()).containsExactly(district.picture);
        assertThat(district.app.wiring.database().images().get(district.picture.sha256())).isPresent();

        PortalDelivery adopted = district.app.wiring.portalDeliveries().find(source.id(), "sw-qzfb").orElseThrow();
        assertThat(adopted.state()).isEqualTo(DeliveryState.ADOPTED);
        assertThat(adopted.adoptedUrl()).isEqualTo("/items/" + made.id());
        assertThat(adopted.recordedBy()).isEqualTo("王主任");
        PortalYearCounts counts = district.app.wiring.portalCounter().count(2026, "sw-qzfb");
        assertThat(counts.total().articles()).isEqualTo(1);
        assertThat(counts.total().adopted()).isEqualTo(1);
        assertThat(inbox.find("qzfb", "sw-qzfb", source.id()).orElseThrow().adoptedItemId()).contains(made.id());

        Throwable again = catchThrowable(() -> adoption.adopt("qzfb", "sw-qzfb", source.id(), "王主任"));
        assertThat(again).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("已经采用过了");
        assertThat(officeItems()).as("no second item").hasSize(1);
        Throwable decline = catchThrowable(() -> adoption.decline("qzfb", "sw-qzfb", source.id(), "王主任"));
        assertThat(decline).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAdoptionWhoseDecisionWasLostIsFinishedWithTheSameItem() {
        DisclosureItem source = district.approved("shangwu", "swj", "商务局招商推介会", "推介会在区会展中心举行。");
        district.app.wiring.portalRunner().run();
        // a first 采用 made the item, then the process died before the delivery was marked adopted
        DisclosureItem first = district.app.wiring.database().items().insert("qzfb",
                cn.gongkai.testsupport.ItemBuilder.anItem().account("qzf").category("其他").title("商务局招商推介会")
                        .build(), ItemStatus.DRAFT, InternalAdoption.sourceKey("shangwu", source.id()),
                district.clock.instant());

        DisclosureItem made = district.adoption().adopt("qzfb", "sw-qzfb", source.id(), "王主任");

        assertThat(made.id()).isEqualTo(first.id());
        assertThat(officeItems()).hasSize(1);
        assertThat(district.app.wiring.portalDeliveries().find(source.id(), "sw-qzfb").orElseThrow().state())
                .isEqualTo(DeliveryState.ADOPTED);
    }

    @Test
    void declinedIsRecordedAndTheSenderCannotRecordAdoptionByHand() {
        DisclosureItem source = district.approved("shangwu", "swj", "商务局消费券发放", "消费券12月发放。");
        district.app.wiring.portalRunner().run();

        PortalDelivery declined = district.adoption().decline("qzfb", "sw-qzfb", source.id(), "王主任");
        assertThat(declined.state()).isEqualTo(DeliveryState.NOT_ADOPTED);
        assertThat(district.app.wiring.portalCounter().count(2026, "sw-qzfb").total().adopted()).isZero();

        Throwable byHand = catchThrowable(() -> district.app.wiring.portalDecisions()
                .recordAdoption(source.id(), "sw-qzfb", "https://www.hongqi.gov.cn/a/1", "李主任"));
        assertThat(byHand).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("报送收件箱");
        Throwable elsewhere = catchThrowable(() -> district.adoption().adopt("jiaoyu", "sw-qzfb", source.id(),
                "周主任"));
        assertThat(elsewhere).isInstanceOf(IllegalArgumentException.class);
        assertThat(officeItems()).isEmpty();
    }

    private List<DisclosureItem> officeItems() {
        return district.app.wiring.database().items().list(null).stream().filter(i -> i.unitId().equals("qzfb"))
                .toList();
    }
}

package cn.gongkai.store;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Scope;
import cn.gongkai.portal.DeliveryIdentity;
import cn.gongkai.portal.DeliveryState;
import cn.gongkai.portal.DeliveryStore;
import cn.gongkai.portal.PortalDelivery;
import cn.gongkai.testsupport.EmbeddedPostgresExtension;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a person reads of the delivery rows is their unit's (the row's {@code unit_id}, taken from its item), on H2
 * and PostgreSQL alike: another unit's row is not found, not listed, not counted and its mail not matched; the
 * district sees every unit's.
 */
class PortalScopedReadsStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-12T02:00:00Z");
    private static final Scope SHANGWU = Scope.unit("shangwu");
    private static final Scope JIAOYU = Scope.unit("jiaoyu");
    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    static Stream<Arguments> databases() {
        return POSTGRES.h2AndPostgres("portalscope");
    }

    /** An approved item of {@code unit} delivered to {@code portal}: prepared at {@code at}, sent a minute later. */
    private static long delivered(DeliveryStore store, Database db, String unit, String portal, Instant at) {
        long item = db.items().insert(unit, anItem().category("促消费").title(unit + "稿件" + System.nanoTime()).build(),
                ItemStatus.APPROVED, null, at).id();
        assertThat(store.prepare(new PortalDelivery(item, portal, "", DeliveryState.PREPARED,
                new DeliveryIdentity(messageId(item, portal), "gongkai-" + item + "-" + portal + "-cd34"), "", "", "",
                1, "", "促消费", "hash-" + item, at, at, at.plusSeconds(120), null, null))).isTrue();
        assertThat(store.sent(item, portal, messageId(item, portal), "", at.plusSeconds(60))).isTrue();
        return item;
    }

    private static String messageId(long item, String portal) {
        return "<gongkai." + item + "." + portal + ".cd34@hongqi.gov.cn>";
    }

    private static List<Long> items(List<PortalDelivery> rows) {
        return rows.stream().map(PortalDelivery::itemId).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eachUnitReadsCountsAndMatchesMailsOfItsOwnRowsAndTheDistrictAll(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            DeliveryStore store = db.portalDeliveries();
            long sw1 = delivered(store, db, "shangwu", "sw-qzfb", T0);
            long sw2 = delivered(store, db, "shangwu", "sw-qzfb", T0.plusSeconds(3600));
            long jy = delivered(store, db, "jiaoyu", "jy-qzfb", T0.plusSeconds(7200));

            assertThat(store.countIn(SHANGWU)).isEqualTo(2);
            assertThat(store.countIn(JIAOYU)).isEqualTo(1);
            assertThat(store.countIn(Scope.inspector())).isEqualTo(3);
            assertThat(items(store.pageIn(SHANGWU, 0, 10))).containsExactly(sw2, sw1);
            assertThat(items(store.pageIn(SHANGWU, 1, 10))).containsExactly(sw1);
            assertThat(items(store.pageIn(JIAOYU, 0, 10))).containsExactly(jy);
            assertThat(items(store.pageIn(Scope.district(), 0, 2))).containsExactly(jy, sw2);

            assertThat(store.find(sw1, "sw-qzfb", SHANGWU)).isPresent();
            assertThat(store.find(sw1, "sw-qzfb", JIAOYU)).as("another unit's row").isEmpty();
            assertThat(store.find(sw1, "sw-qzfb", Scope.inspector())).isPresent();
            assertThat(store.ofItem(jy, JIAOYU)).hasSize(1);
            assertThat(store.ofItem(jy, SHANGWU)).isEmpty();

            Instant from = T0.minusSeconds(1);
            Instant until = T0.plusSeconds(86_400);
            assertThat(items(store.sentIn(SHANGWU, from, until))).containsExactly(sw1, sw2);
            assertThat(items(store.sentIn(JIAOYU, from, until))).containsExactly(jy);
            assertThat(items(store.sentIn(Scope.district(), from, until))).containsExactly(sw1, sw2, jy);
            assertThat(store.sentIn(SHANGWU, T0.plusSeconds(7200), until)).isEmpty();

            List<String> mails = List.of(messageId(sw1, "sw-qzfb"), messageId(jy, "jy-qzfb"),
                    messageId(sw1, "sw-qzfb"), "<test-mail@hongqi.gov.cn>");
            assertThat(store.messageIds(mails, SHANGWU)).as("the mails a unit's delivery sent")
                    .containsExactly(messageId(sw1, "sw-qzfb"));
            assertThat(store.messageIds(mails, JIAOYU)).containsExactly(messageId(jy, "jy-qzfb"));
            assertThat(store.messageIds(mails, Scope.district())).containsExactlyInAnyOrder(
                    messageId(sw1, "sw-qzfb"), messageId(jy, "jy-qzfb"));
            assertThat(store.messageIds(List.of(), SHANGWU)).isEmpty();
        }
    }
}

package cn.gongkai.store;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemStatus;
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

/** The 报区政府办 delivery rows (V18) on H2 and on embedded PostgreSQL alike. */
class PortalDeliveriesStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-12T02:00:00Z");
    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    static Stream<Arguments> databases() {
        return POSTGRES.h2AndPostgres("portal");
    }

    private static long item(Database db, String category, ItemStatus status, Instant planned) {
        return db.items().insert(anItem().category(category).title(category + "稿件" + System.nanoTime())
                .publishAt(planned).build(), status, null, T0).id();
    }

    private static PortalDelivery row(long item, String portal, Instant preparedAt) {
        return new PortalDelivery(item, portal, "", DeliveryState.PREPARED,
                new DeliveryIdentity("<gongkai." + item + "." + portal + ".ab12@hongqi.gov.cn>",
                        "gongkai-" + item + "-" + portal + "-ab12"), "", "", "", 1, "", "促消费", "hash-" + item,
                preparedAt, preparedAt, preparedAt.plusSeconds(120), null, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void dueItemsAreApprovedOrPublishedSinceTheChannelBeganOfThePortalsCategoriesAndNotYetPrepared(String name,
                                                                                                  Supplier<Database> open) {
        try (Database db = open.get()) {
            DeliveryStore store = db.portalDeliveries();
            Instant now = Instant.now();
            long unplanned = item(db, "促消费", ItemStatus.APPROVED, null);
            long planned = item(db, "招商引资", ItemStatus.APPROVED, now.minusSeconds(60));
            item(db, "促消费", ItemStatus.APPROVED, now.plusSeconds(3600));
            item(db, "促消费", ItemStatus.IN_REVIEW, null);
            long deleted = item(db, "促消费", ItemStatus.DRAFT, null);
            db.items().delete(deleted, ItemStatus.DRAFT, T0);
            long publishedBefore = item(db, "促消费", ItemStatus.APPROVED, null);
            db.items().transition(publishedBefore, ItemStatus.APPROVED, ItemStatus.PUBLISHED, null, null, T0);
            long publishedSince = item(db, "促消费", ItemStatus.APPROVED, null);
            db.items().transition(publishedSince, ItemStatus.APPROVED, ItemStatus.PUBLISHED, null, null,
                    now.plusSeconds(5));

            assertThat(store.undelivered("qzfb", List.of(), now, 10)).containsExactly(unplanned, planned,
                    publishedSince);
            assertThat(store.undelivered("qzfb", List.of("招商引资"), now, 10)).containsExactly(planned);
            assertThat(store.undelivered("qzfb", List.of(), now, 1)).containsExactly(unplanned);

            assertThat(store.prepare(row(unplanned, "qzfb", now))).isTrue();
            assertThat(store.prepare(row(unplanned, "qzfb", now))).as("a second PREPARE of the same pair").isFalse();
            assertThat(store.undelivered("qzfb", List.of(), now, 10)).containsExactly(planned, publishedSince);
            assertThat(store.undelivered("other", List.of(), now, 10)).contains(unplanned);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRowKeepsItsIdentityThroughClaimFailureRetryResendAndSend(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            DeliveryStore store = db.portalDeliveries();
            long id = item(db, "促消费", ItemStatus.APPROVED, null);
            PortalDelivery prepared = row(id, "qzfb", T0);
            store.prepare(prepared);

            assertThat(store.pending("qzfb", T0.plusSeconds(60), 10)).as("held by the attempt that prepared it")
                    .isEmpty();
            assertThat(store.pending("qzfb", T0.plusSeconds(120), 10)).extracting(PortalDelivery::itemId)
                    .containsExactly(id);
            assertThat(store.claim(id, "qzfb", T0.plusSeconds(120), T0.plusSeconds(240))).isTrue();
            assertThat(store.claim(id, "qzfb", T0.plusSeconds(120), T0.plusSeconds(240))).as("taken").isFalse();

            assertThat(store.failed(id, "qzfb", "邮件服务器暂时不可用", T0.plusSeconds(600))).isTrue();
            assertThat(store.pending("qzfb", T0.plusSeconds(599), 10)).isEmpty();
            assertThat(store.pending("qzfb", T0.plusSeconds(600), 10)).singleElement().satisfies(r -> {
                assertThat(r.state()).isEqualTo(DeliveryState.FAILED);
                assertThat(r.failure()).isEqualTo("邮件服务器暂时不可用");
                assertThat(r.attempts()).isEqualTo(2);
            });
            assertThat(store.failed(id, "qzfb", "登录被拒绝", null)).isTrue();
            assertThat(store.pending("qzfb", T0.plusSeconds(9999), 10)).as("waits for staff").isEmpty();
            assertThat(store.resend(id, "qzfb", T0.plusSeconds(700))).isTrue();
            assertThat(store.claim(id, "qzfb", T0.plusSeconds(700), T0.plusSeconds(820))).isTrue();
            assertThat(store.sent(id, "qzfb", prepared.identity().messageId(), "", T0.plusSeconds(701))).isTrue();
            assertThat(store.sent(id, "qzfb", "again", "", T0.plusSeconds(702))).as("only once").isFalse();
            assertThat(store.resend(id, "qzfb", T0.plusSeconds(703))).as("only after a failure").isFalse();

            PortalDelivery sent = store.find(id, "qzfb").orElseThrow();
            assertThat(sent.identity()).isEqualTo(prepared.identity());
            assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
            assertThat(sent.attempts()).isEqualTo(3);
            assertThat(sent.failure()).isEmpty();
            assertThat(sent.nextAttemptAt()).isNull();
            assertThat(sent.sentAt()).isEqualTo(T0.plusSeconds(701));
            assertThat(sent.title()).startsWith("促消费稿件");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void decisionsFollowASendAndCountsReadTheSendTime(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            DeliveryStore store = db.portalDeliveries();
            long a = item(db, "促消费", ItemStatus.APPROVED, null);
            long b = item(db, "促消费", ItemStatus.APPROVED, null);
            long c = item(db, "促消费", ItemStatus.APPROVED, null);
            store.prepare(row(a, "qzfb", T0));
            store.prepare(row(b, "qzfb", T0));
            store.prepare(row(c, "xxbs", T0));
            assertThat(store.decide(a, "qzfb", DeliveryState.ADOPTED, "https://x/1", "王", T0)).as("not sent yet")
                    .isFalse();
            store.sent(a, "qzfb", "ref-a", "", T0.plusSeconds(10));
            store.sent(c, "xxbs", "ref-c", "https://www.hongqi.gov.cn/c.html", T0.plusSeconds(20));

            assertThat(store.decide(a, "qzfb", DeliveryState.ADOPTED, "https://www.hongqi.gov.cn/a.html", "王",
                    T0.plusSeconds(30))).isTrue();
            assertThat(store.find(a, "qzfb").orElseThrow()).satisfies(r -> {
                assertThat(r.state()).isEqualTo(DeliveryState.ADOPTED);
                assertThat(r.adoptedUrl()).isEqualTo("https://www.hongqi.gov.cn/a.html");
                assertThat(r.recordedBy()).isEqualTo("王");
                assertThat(r.decidedAt()).isEqualTo(T0.plusSeconds(30));
            });
            assertThat(store.find(c, "xxbs").orElseThrow().recordedBy()).isEqualTo("portal");
            assertThat(store.decide(a, "qzfb", DeliveryState.NOT_ADOPTED, "", "王", T0.plusSeconds(40))).isTrue();

            assertThat(store.sentBetween(T0, T0.plusSeconds(60), null)).extracting(PortalDelivery::itemId)
                    .containsExactly(a, c);
            assertThat(store.sentBetween(T0, T0.plusSeconds(60), "xxbs")).extracting(PortalDelivery::itemId)
                    .containsExactly(c);
            assertThat(store.sentBetween(T0.plusSeconds(11), T0.plusSeconds(60), null))
                    .extracting(PortalDelivery::itemId).containsExactly(c);
            assertThat(store.recent("qzfb", 10)).extracting(PortalDelivery::itemId).containsExactly(b, a);
            assertThat(store.recent(null, 2)).hasSize(2);
            assertThat(store.ofItem(c)).extracting(PortalDelivery::portalId).containsExactly("xxbs");
        }
    }
}

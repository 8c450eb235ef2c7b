package cn.gongkai.portal;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.review.AuditAction;
import cn.gongkai.review.Role;
import cn.gongkai.review.Users;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.testsupport.FolderTestSender;
import cn.gongkai.testsupport.MutableClock;
import cn.gongkai.testsupport.PortalTestPackages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delivery state machine on a real store, with a folder receiver and a sender that fails as scripted. */
class PortalRunnerTest {
    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    private static final Duration RETRY = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private Database db;
    private Users users;
    /** Failures the scripted sender throws, in order, before it hands the package to the folder. */
    private final Deque<DeliveryException> failures = new ArrayDeque<>();
    /** The identities the scripted sender was given, in order. */
    private final List<DeliveryIdentity> attempts = new ArrayList<>();
    /** The link the scripted sender answers with, as a webhook that published the item does. */
    private Optional<String> answerUrl = Optional.empty();

    @BeforeEach
    void open() {
        db = Fixtures.memoryDatabase();
        users = new Users(db.users(), clock, 4);
        users.add("王主任", Role.OFFICE_DIRECTOR, "hongqi-portal-2026".toCharArray());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private PortalConfig portal(String id, List<String> categories) {
        return new PortalConfig(id, "红旗区人民政府办公室", categories, PortalConfig.Delivery.FOLDER, null, null,
                new PortalConfig.Folder(dir.resolve(id)), null, "红旗区商务局", "", "");
    }

    private PortalRunner runner(PortalConfig... portals) {
        PortalSenders senders = p -> new PortalSender() {
            final FolderTestSender folder = new FolderTestSender(p.folder().dir(), DeliveryBoundary.Listener.NONE);

            @Override
            public SendReceipt send(PortalPackage pkg, DeliveryIdentity identity) throws DeliveryException {
                attempts.add(identity);
                if (!failures.isEmpty()) {
                    throw failures.pop();
                }
                SendReceipt r = folder.send(pkg, identity);
                return new SendReceipt(r.reference(), answerUrl);
            }

            @Override
            public String describe() {
                return folder.describe();
            }
        };
        return new PortalRunner(List.of(portals), db.portalDeliveries(), new DeliveryParts(db.items(), db.ledger(),
                db.audit(), new PortalTestPackages()), senders, new RetryPolicy(RETRY), DeliveryBoundary.Listener.NONE,
                clock);
    }

    private DeliveryDecisions decisions(PortalRunner runner) {
        return new DeliveryDecisions(runner, db.portalDeliveries(), db.items(), db.audit(), users, clock);
    }

    private DisclosureItem approved(String title, String category, Instant planned) {
        return db.items().insert(anItem().title(title).category(category).publishAt(planned).build(),
                ItemStatus.APPROVED, null, T0);
    }

    private PortalDelivery row(long item, String portal) {
        return db.portalDeliveries().find(item, portal).orElseThrow();
    }

    private List<String> received(String portal) throws IOException {
        try (var files = Files.list(dir.resolve(portal))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("gongkai-")).sorted().toList();
        }
    }

    @Test
    void deliversEachDueItemOnceUnderTheIdentityStoredBeforeSending() throws IOException {
        DisclosureItem a = approved("促消费活动启动", "促消费", null);
        DisclosureItem b = approved("招商推介会", "招商引资", T0.minusSeconds(60));
        DisclosureItem later = approved("明天的稿件", "促消费", T0.plusSeconds(86_400));
        PortalRunner runner = runner(portal("qzfb", List.of()));

        assertThat(runner.run()).isEqualTo(new DeliveryReport(2, 0, 0, 0));
        assertThat(runner.run()).as("a second run").isEqualTo(DeliveryReport.NONE);

        PortalDelivery sent = row(a.id(), "qzfb");
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.identity().messageId()).matches("<gongkai\\." + a.id() + "\\.qzfb\\.[0-9a-f]{16}@gongkai\\.local>");
        assertThat(sent.identity().idempotencyKey()).startsWith("gongkai-" + a.id() + "-qzfb-");
        assertThat(sent.reference()).endsWith(sent.identity().idempotencyKey());
        assertThat(sent.category()).isEqualTo("促消费");
        assertThat(received("qzfb")).containsExactlyInAnyOrder(sent.identity().idempotencyKey(),
                row(b.id(), "qzfb").identity().idempotencyKey());
        assertThat(Files.readString(dir.resolve("qzfb").resolve(sent.identity().idempotencyKey())
                .resolve("message-id.txt"))).isEqualTo(sent.identity().messageId());
        assertThat(db.portalDeliveries().find(later.id(), "qzfb")).isEmpty();
        assertThat(db.audit().history(a.id())).anySatisfy(e -> {
            assertThat(AuditAction.PORTAL_SENT.is(e)).isTrue();
            assertThat(e.comment()).contains("红旗区人民政府办公室").contains(sent.identity().messageId());
        });

        clock.advance(Duration.ofDays(1));
        assertThat(runner.run().sent()).as("the planned item once it is due").isEqualTo(1);
    }

    @Test
    void eachPortalTakesItsCategoriesAndKeepsItsOwnIdentity() throws IOException {
        DisclosureItem a = approved("促消费活动启动", "促消费", null);
        approved("招商推介会", "招商引资", null);
        PortalRunner runner = runner(portal("qzfb", List.of()), portal("xxbs", List.of("促消费")));

        assertThat(runner.run().sent()).isEqualTo(3);

        assertThat(received("xxbs")).containsExactly(row(a.id(), "xxbs").identity().idempotencyKey());
        assertThat(row(a.id(), "xxbs").identity()).isNotEqualTo(row(a.id(), "qzfb").identity());
    }

    @Test
    void aPassingFailureIsRetriedAfterItsBackoffUnderTheSameIdentity() throws IOException {
        DisclosureItem a = approved("促消费活动启动", "促消费", null);
        PortalRunner runner = runner(portal("qzfb", List.of()));
        failures.add(new DeliveryException(DeliveryException.Kind.TRANSIENT, "421", "邮件服务器暂时不可用（421）", null));
        failures.add(new DeliveryException(DeliveryException.Kind.MAYBE_DELIVERED, "dropped after DATA",
                "邮件服务器在收下邮件后断开了连接，不确定是否收到", null));

        assertThat(runner.run()).isEqualTo(new DeliveryReport(0, 0, 1, 0));
        PortalDelivery failed = row(a.id(), "qzfb");
        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.failure()).contains("邮件服务器暂时不可用").contains("自动重试");
        assertThat(failed.nextAttemptAt()).isEqualTo(T0.plus(RETRY));

        clock.advance(RETRY.minusSeconds(1));
        assertThat(runner.run()).as("before the backoff").isEqualTo(DeliveryReport.NONE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(runner.run().retried()).isEqualTo(1);
        assertThat(row(a.id(), "qzfb").nextAttemptAt()).as("doubled").isEqualTo(clock.instant().plus(RETRY.multipliedBy(2)));
        clock.advance(RETRY.multipliedBy(2));
        assertThat(runner.run().sent()).isEqualTo(1);

        PortalDelivery sent = row(a.id(), "qzfb");
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(sent.failure()).isEmpty();
        assertThat(attempts).hasSize(3).containsOnly(sent.identity());
        assertThat(received("qzfb")).containsExactly(sent.identity().idempotencyKey());
    }

    @Test
    void aLastingFailureWaitsForStaffWhoSendItAgainUnderTheSameIdentity() {
        DisclosureItem a = approved("促消费活动启动", "促消费", null);
        PortalRunner runner = runner(portal("qzfb", List.of()));
        failures.add(new DeliveryException(DeliveryException.Kind.PERMANENT, "535", "邮件服务器拒绝登录（535）", null));

        assertThat(runner.run().failed()).isEqualTo(1);
        clock.advance(Duration.ofDays(3));
        assertThat(runner.run()).isEqualTo(DeliveryReport.NONE);
        assertThat(row(a.id(), "qzfb").failure()).contains("拒绝登录").contains("gongkai portal resend " + a.id());

        PortalDelivery after = decisions(runner).resend(a.id(), "qzfb", "王主任");

        assertThat(after.state()).isEqualTo(DeliveryState.SENT);
        assertThat(attempts).hasSize(2).containsOnly(after.identity());
        assertThat(db.audit().history(a.id())).anySatisfy(e -> {
            assertThat(AuditAction.PORTAL_RESEND.is(e)).isTrue();
            assertThat(e.actor()).isEqualTo("王主任");
            assertThat(e.comment()).contains("拒绝登录");
        });
        assertThatThrownBy(() -> decisions(runner).resend(a.id(), "qzfb", "王主任"))
                .hasMessageContaining("只有报送失败的才能重新报送");
    }

    @Test
    void aRowLeftPreparedByAKilledProcessIsSentAfterItsHoldUnderTheSameIdentity() {
        DisclosureItem a = approved("促消费活动启动", "促消费", null);
        PortalDelivery left = new PortalDelivery(a.id(), "qzfb", "", DeliveryState.PREPARED,
                new DeliveryIdentity("<gongkai." + a.id() + ".qzfb.0123456789abcdef@gongkai.local>",
                        "gongkai-" + a.id() + "-qzfb-0123456789abcdef"), "", "", "", 1, "", "促消费", "", T0, T0,
                T0.plus(RETRY), null, null);
        db.portalDeliveries().prepare(left);
        PortalRunner runner = runner(portal("qzfb", List.of()));

        assertThat(runner.run()).as("still held by the attempt that died").isEqualTo(DeliveryReport.NONE);
        clock.advance(RETRY);
        assertThat(runner.run().sent()).isEqualTo(1);

        assertThat(attempts).containsExactly(left.identity());
        assertThat(row(a.id(), "qzfb").attempts()).isEqualTo(2);
    }

    @Test
    void aReceiptWithTheportalsLinkIsAdoptedAtOnceAndThePackageCarriesTheWeChatLink() throws IOException {
        DisclosureItem a = approved("促消费活动启动", "促消费", null);
        db.ledger().record(new LedgerEntry(a.id(), "hongqi", "freepublish", "p1", "a1", 1,
                "https://mp.weixin.qq.com/s/abc", a.title(), "促消费", "商贸流通股", T0));
        answerUrl = Optional.of("https://www.hongqi.gov.cn/zwgk/1.html");

        assertThat(runner(portal("qzfb", List.of())).run()).isEqualTo(new DeliveryReport(1, 1, 0, 0));

        PortalDelivery adopted = row(a.id(), "qzfb");
        assertThat(adopted.state()).isEqualTo(DeliveryState.ADOPTED);
        assertThat(adopted.adoptedUrl()).isEqualTo("https://www.hongqi.gov.cn/zwgk/1.html");
        assertThat(adopted.recordedBy()).isEqualTo("portal");
        assertThat(Files.readString(dir.resolve("qzfb").resolve(adopted.identity().idempotencyKey())
                .resolve("metadata.json"), StandardCharsets.UTF_8)).contains("https://mp.weixin.qq.com/s/abc");
    }

    @Test
    void aWithdrawnItemIsNotSentAgainAndSaysSo() {
        DisclosureItem a = approved("促消费活动启动", "促消费", null);
        PortalRunner runner = runner(portal("qzfb", List.of()));
        failures.add(new DeliveryException(DeliveryException.Kind.TRANSIENT, "timeout", "连接超时", null));
        runner.run();
        db.items().transition(a.id(), ItemStatus.APPROVED, ItemStatus.WITHDRAWN, null, null, T0);

        clock.advance(RETRY);
        assertThat(runner.run().failed()).isEqualTo(1);

        assertThat(attempts).hasSize(1);
        assertThat(row(a.id(), "qzfb").failure()).contains("撤回");
        assertThat(row(a.id(), "qzfb").nextAttemptAt()).isNull();
    }

    @Test
    void staffRecordTheOfficesDecisionWithALinkAndAnAuditRow() {
        DisclosureItem a = approved("促消费活动启动", "促消费", null);
        PortalRunner runner = runner(portal("qzfb", List.of()));
        DeliveryDecisions decisions = decisions(runner);
        assertThatThrownBy(() -> decisions.recordAdoption(a.id(), "qzfb", "https://x.cn/1", "王主任"))
                .hasMessageContaining("还没有报送给");
        runner.run();

        assertThatThrownBy(() -> decisions.recordAdoption(a.id(), "qzfb", "javascript:alert(1)", "王主任"))
                .hasMessageContaining("http://");
        assertThatThrownBy(() -> decisions.recordAdoption(a.id(), "qzfb", "https://x.cn/1", "无名氏"))
                .hasMessageContaining("不存在");
        assertThatThrownBy(() -> decisions.recordAdoption(a.id(), "qzbf", "https://x.cn/1", "王主任"))
                .hasMessageContaining("qzfb");
        PortalDelivery adopted = decisions.recordAdoption(a.id(), "qzfb", " https://www.hongqi.gov.cn/2.html ",
                "王主任");
        assertThat(adopted.state()).isEqualTo(DeliveryState.ADOPTED);
        assertThat(adopted.adoptedUrl()).isEqualTo("https://www.hongqi.gov.cn/2.html");
        assertThat(adopted.recordedBy()).isEqualTo("王主任");
        assertThat(decisions.recordNotAdopted(a.id(), "qzfb", "王主任").state()).isEqualTo(DeliveryState.NOT_ADOPTED);
        assertThat(db.audit().history(a.id())).extracting(e -> e.decision())
                .contains("PORTAL_ADOPTED", "PORTAL_NOT_ADOPTED");
    }

    @Test
    void countsAreBySendMonthAndCategoryWithAdoptionsCountedWhereTheySent() {
        DisclosureItem a = approved("一月稿件", "促消费", null);
        clock.set(Instant.parse("2026-01-31T17:00:00Z"));
        PortalRunner runner = runner(portal("qzfb", List.of()), portal("xxbs", List.of("促消费")));
        runner.run();
        DisclosureItem b = approved("二月稿件", "招商引资", null);
        clock.set(Instant.parse("2026-02-10T02:00:00Z"));
        runner.run();
        decisions(runner).recordAdoption(a.id(), "qzfb", "https://www.hongqi.gov.cn/a.html", "王主任");
        PortalCounter counter = new PortalCounter(db.portalDeliveries(), java.time.ZoneId.of("Asia/Shanghai"),
                List.of("招商引资", "促消费"));

        PortalYearCounts all = counter.count(2026, null);
        PortalYearCounts qzfb = counter.count(2026, "qzfb");

        assertThat(all.total()).isEqualTo(new PortalYearCounts.Count(3, 1));
        assertThat(all.byMonth().get(2)).as("Jan 31st 17:00 UTC is Feb 1st in Beijing").isEqualTo(new PortalYearCounts.Count(3, 1));
        assertThat(all.byMonth().get(1)).isEqualTo(PortalYearCounts.Count.ZERO);
        assertThat(qzfb.byCategory()).containsEntry("促消费", new PortalYearCounts.Count(1, 1))
                .containsEntry("招商引资", new PortalYearCounts.Count(1, 0));
        assertThat(qzfb.total().rate()).isEqualTo("50.0%");
        assertThat(counter.count(2025, null).total()).isEqualTo(PortalYearCounts.Count.ZERO);
        assertThat(qzfb.jsonShape()).containsEntry("articles", 2).containsEntry("adopted", 1)
                .containsEntry("channel", "portal");
        assertThat(b.id()).isPositive();
    }
}

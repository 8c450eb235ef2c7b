package cn.gongkai.store;

import static cn.gongkai.testsupport.BatchBuilder.aBatch;
import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.item.ContentHash;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemQuery;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Note;
import cn.gongkai.publish.BatchState;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.MediaCache;
import cn.gongkai.publish.PublishBatch;
import cn.gongkai.review.ApiToken;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.Role;
import cn.gongkai.review.User;
import cn.gongkai.review.Users;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole repository contract; each database runs it through a subclass that opens a fresh, empty store. */
abstract class StoreContractTest {

    static final Instant T0 = Instant.parse("2023-05-12T02:00:00Z");

    Database db;

    /** A newly created, migrated, empty database. */
    abstract Database openFreshDatabase();

    @BeforeEach
    void openDatabase() {
        db = openFreshDatabase();
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    // ---- items ----

    @Test
    void storesAndReadsBackEveryFieldOfAnItemIncludingChineseText() {
        ItemImage photo = image("会场.jpg", "推进会现场", "会议现场照片");
        ItemImage chart = image("chart.png", "", "");
        ItemImage cover = image("封面.jpg", "封面", "红旗商务封面");
        Instant planned = Instant.parse("2023-05-12T02:00:00.123456Z");
        ItemContent content = new ItemContent("hongqi", "促消费", "红旗区商务局召开促消费工作推进会", "红旗区商务局",
                "商贸流通股", "正文：推进**以旧换新**。\n\n![推进会现场](会场.jpg)\n\n![](chart.png)",
                List.of(new Note("以旧换新", "消费者交回旧商品、购买新商品时享受补贴或折价的促消费方式。"),
                        new Note("营商环境", "企业从开办到经营所处的外部条件。")),
                List.of("营商环境", "政务公开"), List.of(photo, chart), cover, "红商〔2023〕12号",
                "https://www.example.gov.cn/zwgk/123.html", planned);
        Instant created = Instant.parse("2023-05-10T08:30:00.654321Z");

        DisclosureItem stored = db.items().insert(content, ItemStatus.IN_REVIEW, "src-1", created);
        DisclosureItem read = db.items().find(stored.id()).orElseThrow();

        assertThat(read).isEqualTo(stored);
        assertThat(read.content()).isEqualTo(content);
        assertThat(read.status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(read.contentHash()).isEqualTo(content.contentHash());
        assertThat(read.sourceKey()).isEqualTo("src-1");
        assertThat(read.batchId()).isNull();
        assertThat(read.failure()).isEmpty();
        assertThat(read.createdAt()).isEqualTo(created);
        assertThat(read.updatedAt()).isEqualTo(created);
        assertThat(read.content().publishAt()).isEqualTo(planned);
    }

    @Test
    void storesTheDigestAndTheHeadingNumberSwitchIncludingTheUnsetDefault() {
        ItemContent on = anItem().category("其他").title("公文式").body("## 总体情况\n\n正文")
                .digest("本文介绍红旗区2023年政务公开工作。").headingNumbers(true).build();
        ItemContent off = anItem().category("其他").title("不编号").headingNumbers(false).build();
        ItemContent unset = anItem().category("其他").title("默认").build();
        ItemContent signed = anItem().title("有落款").signed("红旗区商务局", java.time.LocalDate.of(2024, 3, 15)).build();
        ItemContent dateOnly = anItem().title("只有日期").signed("", java.time.LocalDate.of(2024, 2, 29)).build();

        for (ItemContent content : List.of(on, off, unset, signed, dateOnly)) {
            DisclosureItem read = db.items().find(db.items().insert(content, ItemStatus.DRAFT, null, T0).id())
                    .orElseThrow();
            assertThat(read.content()).isEqualTo(content);
            assertThat(read.contentHash()).isEqualTo(content.contentHash());
        }
        assertThat(unset.digest()).isEmpty();
        assertThat(unset.headingNumbers()).isNull();
    }

    @Test
    void keepsNotesGlossaryAndImagesInTheirOrder() {
        List<Note> notes = new ArrayList<>();
        List<String> glossary = new ArrayList<>();
        List<ItemImage> images = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            notes.add(new Note("术语" + i, "解释" + i));
            glossary.add("词条" + i);
            images.add(image("图" + i + ".jpg", "说明" + i, "替代" + i));
        }
        ItemContent content = anItem().category("其他").title("顺序").notes(notes).glossary(glossary).images(images)
                .build();

        DisclosureItem read = db.items().find(db.items().insert(content, ItemStatus.DRAFT, null, T0).id())
                .orElseThrow();

        assertThat(read.content().notes()).containsExactlyElementsOf(notes);
        assertThat(read.content().glossary()).containsExactlyElementsOf(glossary);
        assertThat(read.content().images()).containsExactlyElementsOf(images);
    }

    @Test
    void anItemWithoutCoverOrPlannedTimeReadsBackWithNulls() {
        ItemImage only = image("a.jpg", "说明", "");
        ItemContent content = anItem().category("其他").title("无封面").images(List.of(only)).build();

        DisclosureItem read = db.items().find(db.items().insert(content, ItemStatus.DRAFT, null, T0).id())
                .orElseThrow();

        assertThat(read.content().cover()).isNull();
        assertThat(read.content().effectiveCover()).isEqualTo(only);
        assertThat(read.content().publishAt()).isNull();
        assertThat(read.content().notes()).isEmpty();
    }

    @Test
    void aCoverThatIsAlsoABodyImageIsKeptInBothRoles() {
        ItemImage photo = image("a.jpg", "说明", "替代");
        ItemContent content = anItem().category("其他").title("封面也在正文").images(List.of(photo)).cover(photo)
                .build();

        DisclosureItem read = db.items().find(db.items().insert(content, ItemStatus.DRAFT, null, T0).id())
                .orElseThrow();

        assertThat(read.content().images()).containsExactly(photo);
        assertThat(read.content().cover()).isEqualTo(photo);
    }

    @Test
    void instantsAreReadBackAsTheSameMomentWhateverTheirOffset() {
        Instant nanos = Instant.parse("2023-12-31T16:00:00.123456789Z");
        DisclosureItem item = db.items().insert(content("hongqi", "跨年", nanos), ItemStatus.DRAFT, null, nanos);

        DisclosureItem read = db.items().find(item.id()).orElseThrow();

        Instant micros = Instant.parse("2023-12-31T16:00:00.123456Z");
        assertThat(read.createdAt()).isEqualTo(micros);
        assertThat(read.content().publishAt()).isEqualTo(micros);
        assertThat(item.createdAt()).isEqualTo(micros);
    }

    @Test
    void findingAMissingItemGivesNothing() {
        assertThat(db.items().find(424242)).isEmpty();
    }

    @Test
    void listsItemsOfAStatusOldestFirstAndAllItemsWhenNoStatusIsGiven() {
        DisclosureItem later = insert("hongqi", "后", ItemStatus.DRAFT, null, T0.plusSeconds(60));
        DisclosureItem earlier = insert("hongqi", "前", ItemStatus.DRAFT, null, T0);
        DisclosureItem approved = insert("hongqi", "审定", ItemStatus.APPROVED, null, T0.plusSeconds(30));

        assertThat(db.items().list(ItemStatus.DRAFT)).extracting(DisclosureItem::id)
                .containsExactly(earlier.id(), later.id());
        assertThat(db.items().list(null)).extracting(DisclosureItem::id)
                .containsExactly(earlier.id(), approved.id(), later.id());
        assertThat(db.items().list(ItemStatus.PUBLISHED)).isEmpty();
    }

    @Test
    void searchFiltersByStatusCategoryAccountAndImportanceInTheDatabase() {
        DisclosureItem match = db.items().insert(anItem().account("hongqi").category("通知公告").important(true)
                .title("甲").build(), ItemStatus.APPROVED, null, T0);
        db.items().insert(anItem().account("hongqi").category("通知公告").important(false).title("乙").build(),
                ItemStatus.APPROVED, null, T0);
        db.items().insert(anItem().account("other").category("通知公告").important(true).title("丙").build(),
                ItemStatus.APPROVED, null, T0);
        db.items().insert(anItem().account("hongqi").category("其他").important(true).title("丁").build(),
                ItemStatus.APPROVED, null, T0);
        db.items().insert(anItem().account("hongqi").category("通知公告").important(true).title("戊").build(),
                ItemStatus.DRAFT, null, T0);

        ItemQuery query = ItemQuery.all().status(ItemStatus.APPROVED).category("通知公告").account("hongqi")
                .important(true);

        assertThat(db.items().search(query)).extracting(DisclosureItem::id).containsExactly(match.id());
        assertThat(db.items().search(ItemQuery.all())).hasSize(5);
        assertThat(db.items().search(ItemQuery.all().important(false))).extracting(DisclosureItem::title)
                .containsExactly("乙");
    }

    @Test
    void searchFindsTextInTitleBodyDocumentNumberDepartmentAuthorAndTheIdTakingPatternCharactersLiterally() {
        DisclosureItem title = db.items().insert(anItem().title("关于 Market 监管的通知").body("无").build(),
                ItemStatus.DRAFT, null, T0);
        DisclosureItem body = db.items().insert(anItem().title("二").body("全文提到 100% 完成").build(),
                ItemStatus.DRAFT, null, T0.plusSeconds(1));
        DisclosureItem docNo = db.items().insert(anItem().title("三").body("无").docNo("红商〔2023〕7号").build(),
                ItemStatus.DRAFT, null, T0.plusSeconds(2));
        DisclosureItem dept = db.items().insert(anItem().title("四").body("无").department("市场_科").build(),
                ItemStatus.DRAFT, null, T0.plusSeconds(3));

        assertThat(ids(ItemQuery.all().text("market"))).containsExactly(title.id());
        assertThat(ids(ItemQuery.all().text("100%"))).containsExactly(body.id());
        assertThat(ids(ItemQuery.all().text("0%"))).containsExactly(body.id());
        assertThat(ids(ItemQuery.all().text("〔2023〕"))).containsExactly(docNo.id());
        assertThat(ids(ItemQuery.all().text("_"))).containsExactly(dept.id());
        assertThat(ids(ItemQuery.all().text("!"))).isEmpty();
        assertThat(ids(ItemQuery.all().text(String.valueOf(docNo.id())))).contains(docNo.id());
        assertThat(ids(ItemQuery.all().text("不存在的字"))).isEmpty();
    }

    @Test
    void searchKeepsItemsWhosePlannedTimeElseLastChangeFallsInTheWindow() {
        Instant may = Instant.parse("2023-05-01T00:00:00Z");
        Instant june = Instant.parse("2023-06-01T00:00:00Z");
        DisclosureItem plannedInMay = insertPlanned("hongqi", "五月计划", ItemStatus.APPROVED, may.plusSeconds(60));
        insertPlanned("hongqi", "六月计划", ItemStatus.APPROVED, june);
        DisclosureItem changedInMay = insert("hongqi", "五月修改", ItemStatus.DRAFT, null, T0);
        insert("hongqi", "六月修改", ItemStatus.DRAFT, null, june.plusSeconds(5));

        assertThat(ids(ItemQuery.all().within(may, june))).containsExactlyInAnyOrder(plannedInMay.id(),
                changedInMay.id());
    }

    @Test
    void searchOrdersNewestChangeFirstOnRequestAndPagesWithLimitAndOffset() {
        DisclosureItem a = insert("hongqi", "一", ItemStatus.DRAFT, null, T0);
        DisclosureItem b = insert("hongqi", "二", ItemStatus.DRAFT, null, T0.plusSeconds(10));
        DisclosureItem c = insert("hongqi", "三", ItemStatus.DRAFT, null, T0.plusSeconds(20));
        db.items().transition(a.id(), ItemStatus.DRAFT, ItemStatus.IN_REVIEW, null, null, T0.plusSeconds(30));

        assertThat(ids(ItemQuery.all())).containsExactly(a.id(), b.id(), c.id());
        assertThat(ids(ItemQuery.all().byNewestChange())).containsExactly(a.id(), c.id(), b.id());
        assertThat(ids(ItemQuery.all().page(2, 0))).containsExactly(a.id(), b.id());
        assertThat(ids(ItemQuery.all().page(2, 2))).containsExactly(c.id());
        assertThat(ids(ItemQuery.all().page(0, 1))).containsExactly(b.id(), c.id());
        assertThat(ids(ItemQuery.all().page(5, 3))).isEmpty();
    }

    private List<Long> ids(ItemQuery query) {
        return db.items().search(query).stream().map(DisclosureItem::id).toList();
    }

    @Test
    void findsTheItemImportedFromASource() {
        DisclosureItem item = db.items().insert(content("hongqi", "导入", null), ItemStatus.DRAFT, "sha-of-file", T0);

        assertThat(db.items().findBySourceKey("sha-of-file")).contains(item.id());
        assertThat(db.items().findBySourceKey("other")).isEmpty();
    }

    @Test
    void refusesASecondItemFromTheSameSourceAndNamesTheFirst() {
        DisclosureItem first = db.items().insert(content("hongqi", "一", null), ItemStatus.DRAFT, "same", T0);

        assertThatThrownBy(() -> db.items().insert(content("hongqi", "二", null), ItemStatus.DRAFT, "same", T0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("same")
                .hasMessageContaining(String.valueOf(first.id()));
        assertThat(db.items().list(null)).hasSize(1);
    }

    @Test
    void manyItemsMayHaveNoSourceKey() {
        insert("hongqi", "一", ItemStatus.DRAFT, null, T0);
        insert("hongqi", "二", ItemStatus.DRAFT, null, T0);

        assertThat(db.items().list(null)).hasSize(2);
    }

    @Test
    void transitionChangesTheStatusOnlyWhenTheItemIsStillInTheExpectedStatus() {
        DisclosureItem item = insert("hongqi", "状态", ItemStatus.IN_REVIEW, null, T0);
        Instant later = T0.plusSeconds(5);

        assertThat(db.items().transition(item.id(), ItemStatus.IN_REVIEW, ItemStatus.APPROVED, null, null, later))
                .isTrue();
        assertThat(db.items().transition(item.id(), ItemStatus.IN_REVIEW, ItemStatus.REJECTED, null, "退回", later))
                .isFalse();

        DisclosureItem read = db.items().find(item.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(ItemStatus.APPROVED);
        assertThat(read.failure()).isEmpty();
        assertThat(read.updatedAt()).isEqualTo(later);
        assertThat(read.createdAt()).isEqualTo(T0);
    }

    @Test
    void transitionOfAMissingItemChangesNothing() {
        assertThat(db.items().transition(999, ItemStatus.DRAFT, ItemStatus.IN_REVIEW, null, null, T0)).isFalse();
    }

    @Test
    void transitionRecordsTheBatchWhilePublishingAndClearsItWhenTheItemLeavesTheBatch() {
        DisclosureItem item = insert("hongqi", "发布", ItemStatus.APPROVED, null, T0);
        PublishBatch batch = db.batches().create("hongqi", List.of(item.id()), T0);

        db.items().transition(item.id(), ItemStatus.APPROVED, ItemStatus.PUBLISHING, batch.id(), null, T0);
        assertThat(db.items().find(item.id()).orElseThrow().batchId()).isEqualTo(batch.id());

        db.items().transition(item.id(), ItemStatus.PUBLISHING, ItemStatus.FAILED, null, "素材上传失败：45009", T0);
        DisclosureItem failed = db.items().find(item.id()).orElseThrow();
        assertThat(failed.batchId()).isNull();
        assertThat(failed.failure()).isEqualTo("素材上传失败：45009");

        db.items().transition(item.id(), ItemStatus.FAILED, ItemStatus.APPROVED, null, null, T0);
        assertThat(db.items().find(item.id()).orElseThrow().failure()).isEqualTo("素材上传失败：45009");
        db.items().transition(item.id(), ItemStatus.APPROVED, ItemStatus.PUBLISHING, batch.id(), "", T0);
        db.items().transition(item.id(), ItemStatus.PUBLISHING, ItemStatus.PUBLISHED, null, null, T0);
        DisclosureItem published = db.items().find(item.id()).orElseThrow();
        assertThat(published.batchId()).isEqualTo(batch.id());
        assertThat(published.failure()).isEmpty();
    }

    @Test
    void onlyOneOfTwoConcurrentTransitionsFromTheSameStatusWins() throws Exception {
        DisclosureItem item = insert("hongqi", "并发", ItemStatus.APPROVED, null, T0);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Boolean> move = () -> {
            start.await();
            return db.items().transition(item.id(), ItemStatus.APPROVED, ItemStatus.PUBLISHING, null, null, T0);
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(move));
            }
            start.countDown();
            int wins = 0;
            for (Future<Boolean> f : results) {
                wins += f.get() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void dueItemsArePlannedOnesEarliestFirstThenUnplannedOnesByIdAtMostTheLimit() {
        Instant now = T0;
        DisclosureItem unplannedA = insertPlanned("hongqi", "无计划甲", ItemStatus.APPROVED, null);
        DisclosureItem plannedLate = insertPlanned("hongqi", "计划晚", ItemStatus.APPROVED, now.minusSeconds(60));
        DisclosureItem plannedNow = insertPlanned("hongqi", "计划正点", ItemStatus.APPROVED, now);
        DisclosureItem plannedEarly = insertPlanned("hongqi", "计划早", ItemStatus.APPROVED, now.minusSeconds(3600));
        DisclosureItem unplannedB = insertPlanned("hongqi", "无计划乙", ItemStatus.APPROVED, null);
        insertPlanned("hongqi", "未到时间", ItemStatus.APPROVED, now.plusSeconds(1));
        insertPlanned("hongqi", "草稿", ItemStatus.DRAFT, null);
        insertPlanned("hongqi", "已发布", ItemStatus.PUBLISHED, null);
        insertPlanned("other", "别的账号", ItemStatus.APPROVED, null);

        assertThat(db.items().dueForPublishing("hongqi", now, 10)).extracting(DisclosureItem::id)
                .containsExactly(plannedEarly.id(), plannedLate.id(), plannedNow.id(), unplannedA.id(),
                        unplannedB.id());
        assertThat(db.items().dueForPublishing("hongqi", now, 2)).extracting(DisclosureItem::id)
                .containsExactly(plannedEarly.id(), plannedLate.id());
        assertThat(db.items().dueForPublishing("nobody", now, 10)).isEmpty();
        assertThat(db.items().dueForPublishing("hongqi", now, 0)).isEmpty();
    }

    @Test
    void dueItemsComeWithTheirWholeContent() {
        ItemImage photo = image("p.jpg", "说明", "替代");
        ItemContent content = new ItemContent("hongqi", "招商引资", "带图", "", "", "正文",
                List.of(new Note("项", "解释")), List.of("营商环境"), List.of(photo), null, "", "", null);
        db.items().insert(content, ItemStatus.APPROVED, null, T0);

        assertThat(db.items().dueForPublishing("hongqi", T0, 8)).singleElement()
                .satisfies(i -> assertThat(i.content()).isEqualTo(content));
    }

    // ---- transactions ----

    @Test
    void aFailingTransactionLeavesNothingBehind() {
        assertThatThrownBy(() -> db.transactions().run(() -> {
            insert("hongqi", "一", ItemStatus.DRAFT, "k1", T0);
            insert("hongqi", "二", ItemStatus.DRAFT, "k2", T0);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(db.items().list(null)).isEmpty();
        assertThat(db.items().findBySourceKey("k1")).isEmpty();
    }

    @Test
    void everyRepositoryShareTheTransactionAndCommitTogether() {
        long itemId = db.transactions().inTransaction(() -> {
            DisclosureItem item = insert("hongqi", "一起", ItemStatus.APPROVED, null, T0);
            db.audit().append(audit(item.id(), "APPROVE", T0));
            db.ledger().record(ledger(item.id(), "freepublish", T0));
            db.mediaCache().remember("hongqi", MediaCache.Kind.COVER, sha("x"), "MEDIA");
            db.images().put(sha("x"), bytes("x"));
            db.batches().create("hongqi", List.of(item.id()), T0);
            return item.id();
        });

        assertThat(db.items().find(itemId)).isPresent();
        assertThat(db.audit().history(itemId)).hasSize(1);
        assertThat(db.ledger().between(T0, T0.plusSeconds(1))).hasSize(1);
        assertThat(db.mediaCache().find("hongqi", MediaCache.Kind.COVER, sha("x"))).contains("MEDIA");
        assertThat(db.images().get(sha("x"))).isPresent();
        assertThat(db.batches().recent(5)).hasSize(1);
    }

    @Test
    void everyRepositoryRollsBackWithTheTransaction() {
        long[] itemId = new long[1];
        assertThatThrownBy(() -> db.transactions().run(() -> {
            DisclosureItem item = insert("hongqi", "一起", ItemStatus.APPROVED, null, T0);
            itemId[0] = item.id();
            db.audit().append(audit(item.id(), "APPROVE", T0));
            db.ledger().record(ledger(item.id(), "freepublish", T0));
            db.mediaCache().remember("hongqi", MediaCache.Kind.COVER, sha("x"), "MEDIA");
            db.images().put(sha("x"), bytes("x"));
            db.batches().create("hongqi", List.of(item.id()), T0);
            throw new IllegalStateException("WeChat refused");
        })).hasMessage("WeChat refused");

        assertThat(db.items().find(itemId[0])).isEmpty();
        assertThat(db.audit().history(itemId[0])).isEmpty();
        assertThat(db.ledger().between(T0, T0.plusSeconds(1))).isEmpty();
        assertThat(db.mediaCache().find("hongqi", MediaCache.Kind.COVER, sha("x"))).isEmpty();
        assertThat(db.images().get(sha("x"))).isEmpty();
        assertThat(db.batches().recent(5)).isEmpty();
    }

    @Test
    void aNestedTransactionJoinsTheOuterOneAndRollsBackWithIt() {
        assertThatThrownBy(() -> db.transactions().run(() -> {
            insert("hongqi", "外层", ItemStatus.DRAFT, "outer", T0);
            db.transactions().run(() -> insert("hongqi", "内层", ItemStatus.DRAFT, "inner", T0));
            assertThat(db.items().findBySourceKey("inner")).isPresent();
            throw new IllegalStateException("outer fails");
        })).hasMessage("outer fails");

        assertThat(db.items().list(null)).isEmpty();
    }

    @Test
    void aNestedTransactionCommitsOnlyWithTheOuterOne() throws Exception {
        CountDownLatch innerDone = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> writer = other.submit(() -> db.transactions().run(() -> {
                db.transactions().run(() -> insert("hongqi", "内层", ItemStatus.DRAFT, "inner", T0));
                innerDone.countDown();
                await(checked);
            }));
            await(innerDone);
            assertThat(db.items().findBySourceKey("inner")).isEmpty();
            checked.countDown();
            writer.get();
            assertThat(db.items().findBySourceKey("inner")).isPresent();
        } finally {
            checked.countDown();
            other.shutdownNow();
        }
    }

    @Test
    void aFailedNestedTransactionCaughtByTheOuterOneUndoesOnlyItsOwnWork() {
        db.transactions().run(() -> {
            insert("hongqi", "外层", ItemStatus.DRAFT, "outer", T0);
            try {
                db.transactions().run(() -> {
                    insert("hongqi", "内层", ItemStatus.DRAFT, "inner", T0);
                    throw new IllegalStateException("inner fails");
                });
            } catch (IllegalStateException expected) {
                // the outer transaction carries on
            }
            insert("hongqi", "之后", ItemStatus.DRAFT, "after", T0);
        });

        assertThat(db.items().findBySourceKey("outer")).isPresent();
        assertThat(db.items().findBySourceKey("inner")).isEmpty();
        assertThat(db.items().findBySourceKey("after")).isPresent();
    }

    @Test
    void aRefusedInsertInsideATransactionLeavesTheTransactionUsable() {
        db.transactions().run(() -> {
            insert("hongqi", "一", ItemStatus.DRAFT, "dup", T0);
            assertThatThrownBy(() -> insert("hongqi", "二", ItemStatus.DRAFT, "dup", T0))
                    .isInstanceOf(IllegalStateException.class);
            insert("hongqi", "三", ItemStatus.DRAFT, "three", T0);
        });

        assertThat(db.items().list(null)).extracting(DisclosureItem::title).containsExactlyInAnyOrder("一", "三");
    }

    @Test
    void aDatabaseErrorInsideATransactionLeavesTheTransactionUsable() {
        db.transactions().run(() -> {
            insert("hongqi", "一", ItemStatus.DRAFT, "one", T0);
            assertThatThrownBy(() -> db.ledger().record(ledger(987654, "freepublish", T0)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("987654");
            insert("hongqi", "二", ItemStatus.DRAFT, "two", T0);
        });

        assertThat(db.items().list(null)).hasSize(2);
    }

    @Test
    void outsideATransactionEachCallCommitsOnItsOwn() {
        insert("hongqi", "一", ItemStatus.DRAFT, "a", T0);
        assertThatThrownBy(() -> insert("hongqi", "二", ItemStatus.DRAFT, "a", T0))
                .isInstanceOf(IllegalStateException.class);

        assertThat(db.items().findBySourceKey("a")).isPresent();
        assertThat(db.items().list(null)).hasSize(1);
    }

    @Test
    void transactionsReturnTheValueOfTheirWork() {
        assertThat(db.transactions().inTransaction(() -> db.transactions().inTransaction(() -> 42))).isEqualTo(42);
    }

    // ---- ledger ----

    @Test
    void theLedgerCountsAnArticleOncePerModeAndSaysWhenItRefused() {
        long item = insert("hongqi", "发布", ItemStatus.PUBLISHED, null, T0).id();

        assertThat(db.ledger().record(ledger(item, "freepublish", T0))).isTrue();
        assertThat(db.ledger().record(ledger(item, "freepublish", T0.plusSeconds(9)))).isFalse();
        assertThat(db.ledger().record(ledger(item, "mass", T0))).isTrue();

        assertThat(db.ledger().between(T0, T0.plusSeconds(60))).extracting(LedgerEntry::mode)
                .containsExactlyInAnyOrder("freepublish", "mass");
    }

    @Test
    void aDuplicateLedgerEntryDoesNotSpoilTheSurroundingTransaction() {
        long item = insert("hongqi", "发布", ItemStatus.PUBLISHING, null, T0).id();
        db.ledger().record(ledger(item, "freepublish", T0));

        boolean recorded = db.transactions().inTransaction(() -> {
            boolean r = db.ledger().record(ledger(item, "freepublish", T0));
            db.items().transition(item, ItemStatus.PUBLISHING, ItemStatus.PUBLISHED, null, null, T0);
            return r;
        });

        assertThat(recorded).isFalse();
        assertThat(db.items().find(item).orElseThrow().status()).isEqualTo(ItemStatus.PUBLISHED);
    }

    @Test
    void twoTransactionsRecordingTheSameArticleAtOnceCountItOnceAndBothCommit() throws Exception {
        long item = insert("hongqi", "并发记账", ItemStatus.PUBLISHING, null, T0).id();
        long other = insert("hongqi", "另一篇", ItemStatus.APPROVED, null, T0).id();
        CountDownLatch firstRecorded = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = pool.submit(() -> db.transactions().inTransaction(() -> {
                boolean r = db.ledger().record(ledger(item, "freepublish", T0));
                firstRecorded.countDown();
                await(secondStarted);
                pause(300);
                return r;
            }));
            Future<Boolean> second = pool.submit(() -> {
                await(firstRecorded);
                return db.transactions().inTransaction(() -> {
                    secondStarted.countDown();
                    boolean r = db.ledger().record(ledger(item, "freepublish", T0.plusSeconds(1)));
                    db.items().transition(other, ItemStatus.APPROVED, ItemStatus.PUBLISHING, null, null, T0);
                    return r;
                });
            });

            assertThat(first.get()).isTrue();
            assertThat(second.get()).isFalse();
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.ledger().between(T0, T0.plusSeconds(60))).singleElement()
                .satisfies(e -> assertThat(e.publishedAt()).isEqualTo(T0));
        assertThat(db.items().find(other).orElseThrow().status()).isEqualTo(ItemStatus.PUBLISHING);
    }

    @Test
    void theLedgerKeepsEveryFieldAndReadsAHalfOpenRangeInTimeOrder() {
        long a = insert("hongqi", "甲", ItemStatus.PUBLISHED, null, T0).id();
        long b = insert("hongqi", "乙", ItemStatus.PUBLISHED, null, T0).id();
        long c = insert("hongqi", "丙", ItemStatus.PUBLISHED, null, T0).id();
        Instant newYear = Instant.parse("2023-12-31T16:00:00Z");
        LedgerEntry last = new LedgerEntry(b, "hongqi", "freepublish", "100000001", "ART_1", 2,
                "https://mp.weixin.qq.com/s/abc", "红旗区商务局召开促消费工作推进会", "促消费", "商贸流通股",
                newYear.minusNanos(1000));
        LedgerEntry first = new LedgerEntry(a, "hongqi", "mass", null, null, 1, null, "标题", "招商引资", "",
                newYear.minusSeconds(3600));
        db.ledger().record(last);
        db.ledger().record(first);
        db.ledger().record(new LedgerEntry(c, "hongqi", "freepublish", "p", "a", 1, "u", "次年", "其他", "", newYear));

        assertThat(db.ledger().between(newYear.minusSeconds(86400), newYear))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("id").containsExactly(first, last);
        assertThat(db.ledger().between(newYear, newYear.plusSeconds(1))).extracting(LedgerEntry::itemId)
                .containsExactly(c);
    }

    // ---- images ----

    @Test
    void imagesAreStoredOnceByTheirHash() {
        byte[] bytes = bytes("图片内容");
        String sha = ContentHash.sha256(bytes);

        db.images().put(sha, bytes);
        db.images().put(sha, bytes);

        assertThat(db.images().get(sha)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
        assertThat(db.images().get(sha("missing"))).isEmpty();
    }

    @Test
    void largeImagesRoundTripByteForByte() {
        byte[] bytes = new byte[3 * 1024 * 1024];
        new java.util.Random(7).nextBytes(bytes);
        String sha = ContentHash.sha256(bytes);

        db.images().put(sha, bytes);

        assertThat(db.images().get(sha)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
    }

    @Test
    void anImageWhoseBytesDoNotMatchItsHashIsRefused() {
        assertThatThrownBy(() -> db.images().put(sha("a"), bytes("b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(sha("a"));
        assertThat(db.images().get(sha("a"))).isEmpty();
    }

    // ---- media cache ----

    @Test
    void theMediaCacheRemembersUploadsPerAccountKindAndHash() {
        String sha = sha("cover");
        assertThat(db.mediaCache().find("hongqi", MediaCache.Kind.COVER, sha)).isEmpty();

        db.mediaCache().remember("hongqi", MediaCache.Kind.COVER, sha, "MEDIA_ID_1");
        db.mediaCache().remember("hongqi", MediaCache.Kind.BODY_IMAGE, sha, "http://mmbiz.qpic.cn/1");

        assertThat(db.mediaCache().find("hongqi", MediaCache.Kind.COVER, sha)).contains("MEDIA_ID_1");
        assertThat(db.mediaCache().find("hongqi", MediaCache.Kind.BODY_IMAGE, sha)).contains("http://mmbiz.qpic.cn/1");
        assertThat(db.mediaCache().find("other", MediaCache.Kind.COVER, sha)).isEmpty();
    }

    @Test
    void rememberingAnUploadAgainReplacesTheEarlierValue() {
        String sha = sha("cover");
        db.mediaCache().remember("hongqi", MediaCache.Kind.COVER, sha, "OLD");
        db.mediaCache().remember("hongqi", MediaCache.Kind.COVER, sha, "NEW");

        assertThat(db.mediaCache().find("hongqi", MediaCache.Kind.COVER, sha)).contains("NEW");
    }

    // ---- WeChat call counts ----

    @Test
    void theCallCounterCountsPerAccountApiAndDayUpToTheMaximum() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 3, 2);
        assertThat(db.callCounter().tryAdd("hongqi", "freepublish/get", day, 2)).isTrue();
        assertThat(db.callCounter().tryAdd("hongqi", "freepublish/get", day, 2)).isTrue();
        assertThat(db.callCounter().tryAdd("hongqi", "freepublish/get", day, 2)).isFalse();
        assertThat(db.callCounter().tryAdd("hongqi", "draft/add", day, 2)).isTrue();
        assertThat(db.callCounter().tryAdd("other", "freepublish/get", day, 2)).isTrue();
        assertThat(db.callCounter().tryAdd("hongqi", "freepublish/get", day.plusDays(1), 2)).isTrue();
        assertThat(db.callCounter().tryAdd("hongqi", "token", day, 0)).isFalse();

        assertThat(db.callCounter().counts("hongqi", day))
                .isEqualTo(java.util.Map.of("freepublish/get", 2L, "draft/add", 1L));
        assertThat(db.callCounter().counts("hongqi", day.plusDays(1))).isEqualTo(java.util.Map.of("freepublish/get", 1L));
        assertThat(db.callCounter().counts("nobody", day)).isEmpty();
    }

    @Test
    void concurrentCallersNeverCountPastTheMaximum() throws Exception {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 3, 2);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int granted = 0;
                    for (int i = 0; i < 10; i++) {
                        if (db.callCounter().tryAdd("hongqi", "freepublish/get", day, 25)) {
                            granted++;
                        }
                    }
                    return granted;
                }));
            }
            start.countDown();
            int granted = 0;
            for (Future<Integer> f : results) {
                granted += f.get();
            }
            assertThat(granted).isEqualTo(25);
            assertThat(db.callCounter().counts("hongqi", day)).containsEntry("freepublish/get", 25L);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- audit ----

    @Test
    void theAuditLogAppendsEntriesWithIdsAndGivesAnItemsHistoryOldestFirst() {
        long item = insert("hongqi", "审核", ItemStatus.DRAFT, null, T0).id();
        long other = insert("hongqi", "别的", ItemStatus.DRAFT, null, T0).id();
        AuditEntry submit = db.audit().append(new AuditEntry(0, item, "张三", "", "SUBMIT", "DRAFT", "IN_REVIEW", -1,
                "请审核", "hash1", "", T0));
        db.audit().append(audit(other, "SUBMIT", T0));
        AuditEntry approve = db.audit().append(new AuditEntry(0, item, "李四", "dept-leader", "APPROVE",
                "IN_REVIEW", "IN_REVIEW", 0, "同意。", "hash1", "警告：缺少封面替代文字", T0.plusSeconds(60)));
        AuditEntry sameTime = db.audit().append(new AuditEntry(0, item, "王五", "office-director", "REJECT",
                "IN_REVIEW", "REJECTED", 1, "文号有误", "hash1", null, T0.plusSeconds(60)));

        assertThat(submit.id()).isPositive();
        assertThat(approve.id()).isGreaterThan(submit.id());
        assertThat(db.audit().history(item)).containsExactly(submit, approve, sameTime);
        assertThat(db.audit().history(other)).hasSize(1);
        assertThat(db.audit().history(999)).isEmpty();
    }

    // ---- batches ----

    @Test
    void aNewBatchIsPreparedAndHoldsItsItemsInArticleOrder() {
        long a = insert("hongqi", "甲", ItemStatus.APPROVED, null, T0).id();
        long b = insert("hongqi", "乙", ItemStatus.APPROVED, null, T0).id();
        long c = insert("hongqi", "丙", ItemStatus.APPROVED, null, T0).id();

        PublishBatch batch = db.batches().create("hongqi", List.of(c, a, b), T0);

        assertThat(batch.id()).isPositive();
        assertThat(batch.state()).isEqualTo(BatchState.PREPARED);
        assertThat(batch.itemIds()).containsExactly(c, a, b);
        assertThat(batch.draftMediaId()).isEmpty();
        assertThat(batch.publishId()).isEmpty();
        assertThat(batch.articleId()).isEmpty();
        assertThat(batch.error()).isEmpty();
        assertThat(batch.createdAt()).isEqualTo(T0);
        assertThat(db.batches().find(batch.id())).contains(batch);
        assertThat(db.batches().find(batch.id() + 100)).isEmpty();
    }

    @Test
    void advancingABatchIsCompareAndSetAndKeepsIdsThatAreNotGiven() {
        long a = insert("hongqi", "甲", ItemStatus.APPROVED, null, T0).id();
        long id = db.batches().create("hongqi", List.of(a), T0).id();
        Instant t1 = T0.plusSeconds(1);

        assertThat(db.batches().advance(id, BatchState.PREPARED, BatchState.IMAGES_UPLOADED, null, null, null, null,
                t1)).isTrue();
        assertThat(db.batches().advance(id, BatchState.IMAGES_UPLOADED, BatchState.DRAFTED, "DRAFT_MEDIA", null,
                null, null, t1)).isTrue();
        assertThat(db.batches().advance(id, BatchState.IMAGES_UPLOADED, BatchState.DRAFTED, "OTHER", null, null,
                null, t1)).isFalse();
        assertThat(db.batches().advance(id, BatchState.DRAFTED, BatchState.SUBMITTING, null, null, null, null, t1))
                .isTrue();
        assertThat(db.batches().advance(id, BatchState.SUBMITTING, BatchState.SUBMITTED, null, "100000001", null,
                null, t1)).isTrue();
        Instant t2 = T0.plusSeconds(2);
        assertThat(db.batches().advance(id, BatchState.SUBMITTED, BatchState.PUBLISHED, null, null, "ART_1", null,
                t2)).isTrue();

        PublishBatch read = db.batches().find(id).orElseThrow();
        assertThat(read.state()).isEqualTo(BatchState.PUBLISHED);
        assertThat(read.draftMediaId()).isEqualTo("DRAFT_MEDIA");
        assertThat(read.publishId()).isEqualTo("100000001");
        assertThat(read.articleId()).isEqualTo("ART_1");
        assertThat(read.error()).isEmpty();
        assertThat(read.updatedAt()).isEqualTo(t2);
        assertThat(read.createdAt()).isEqualTo(T0);
    }

    @Test
    void aFailedBatchKeepsItsChineseError() {
        long a = insert("hongqi", "甲", ItemStatus.APPROVED, null, T0).id();
        long id = db.batches().create("hongqi", List.of(a), T0).id();

        db.batches().advance(id, BatchState.PREPARED, BatchState.FAILED, null, null, null,
                "48001：公众号未获得该接口权限", T0);

        assertThat(db.batches().find(id).orElseThrow().error()).isEqualTo("48001：公众号未获得该接口权限");
    }

    @Test
    void unfinishedBatchesAreListedOldestFirstPerAccountOrForAll() {
        long a = insert("hongqi", "甲", ItemStatus.APPROVED, null, T0).id();
        long b = insert("other", "乙", ItemStatus.APPROVED, null, T0).id();
        long c = insert("hongqi", "丙", ItemStatus.APPROVED, null, T0).id();
        PublishBatch newer = db.batches().create("hongqi", List.of(a), T0.plusSeconds(10));
        PublishBatch otherAccount = db.batches().create("other", List.of(b), T0.plusSeconds(5));
        PublishBatch older = db.batches().create("hongqi", List.of(c), T0);
        aBatch().createdAt(T0.minusSeconds(5)).failed("失败", T0).createIn(db.batches());
        aBatch().createdAt(T0.minusSeconds(6)).movedTo(BatchState.PUBLISHED, T0).createIn(db.batches());

        assertThat(db.batches().unfinished("hongqi")).extracting(PublishBatch::id)
                .containsExactly(older.id(), newer.id());
        assertThat(db.batches().unfinished(null)).extracting(PublishBatch::id)
                .containsExactly(older.id(), otherAccount.id(), newer.id());
        assertThat(db.batches().unfinished("nobody")).isEmpty();
    }

    @Test
    void recentBatchesAreNewestFirstUpToTheLimit() {
        PublishBatch first = db.batches().create("hongqi", List.of(), T0);
        PublishBatch second = db.batches().create("hongqi", List.of(), T0.plusSeconds(1));
        PublishBatch third = db.batches().create("other", List.of(), T0.plusSeconds(2));

        assertThat(db.batches().recent(2)).extracting(PublishBatch::id).containsExactly(third.id(), second.id());
        assertThat(db.batches().recent(10)).extracting(PublishBatch::id)
                .containsExactly(third.id(), second.id(), first.id());
    }

    // ---- item edits (issue 4) ----

    @Test
    void replacingTheContentChangesFieldsChildrenHashAndStatusButKeepsSourceAndCreation() {
        ItemImage photo = image("旧图.jpg", "旧说明", "旧替代");
        ItemContent before = new ItemContent("hongqi", "促消费", "旧标题", "作者", "部门", "旧正文",
                List.of(new Note("旧术语", "旧解释")), List.of("营商环境"), List.of(photo), photo, "红商〔2023〕1号",
                "https://a.example/1", T0);
        DisclosureItem stored = db.items().insert(before, ItemStatus.APPROVED, "src-edit", T0);
        ItemImage other = image("新图.png", "新说明", "新替代");
        ItemContent after = new ItemContent("hongqi", "外资外贸", "新标题", "", "", "新正文",
                List.of(new Note("新术语", "新解释")), List.of(), List.of(other), null, "", "", null, true);
        Instant later = T0.plusSeconds(60);

        DisclosureItem edited = db.items().replaceContent(stored.id(), after, ItemStatus.APPROVED,
                ItemStatus.IN_REVIEW, later).orElseThrow();

        DisclosureItem read = db.items().find(stored.id()).orElseThrow();
        assertThat(read).isEqualTo(edited);
        assertThat(read.content()).isEqualTo(after);
        assertThat(read.content().important()).isTrue();
        assertThat(read.contentHash()).isEqualTo(after.contentHash()).isNotEqualTo(before.contentHash());
        assertThat(read.status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(read.sourceKey()).isEqualTo("src-edit");
        assertThat(read.createdAt()).isEqualTo(T0);
        assertThat(read.updatedAt()).isEqualTo(later);
    }

    @Test
    void replacingTheContentOfAnItemInAnotherStatusChangesNothing() {
        DisclosureItem stored = db.items().insert(content("hongqi", "发布中", null), ItemStatus.PUBLISHING, null, T0);

        assertThat(db.items().replaceContent(stored.id(), content("hongqi", "改了", null), ItemStatus.APPROVED,
                ItemStatus.IN_REVIEW, T0)).isEmpty();
        assertThat(db.items().find(stored.id()).orElseThrow().title()).isEqualTo("发布中");
        assertThat(db.items().replaceContent(424242, content("hongqi", "无", null), ItemStatus.DRAFT,
                ItemStatus.DRAFT, T0)).isEmpty();
    }

    @Test
    void aDeletedItemIsGoneFromEveryReadKeepsItsAuditAndFreesItsSourceKey() {
        DisclosureItem gone = db.items().insert(content("hongqi", "重复的稿件", null), ItemStatus.IN_REVIEW, "src-dup", T0);
        DisclosureItem kept = db.items().insert(content("hongqi", "留下的稿件", null), ItemStatus.IN_REVIEW, null, T0);
        db.audit().append(new AuditEntry(0, gone.id(), "张三", "", "DELETE", "IN_REVIEW", "IN_REVIEW", -1, "重复",
                gone.contentHash(), "", T0));

        assertThat(db.items().delete(gone.id(), ItemStatus.DRAFT, T0)).isFalse();
        assertThat(db.items().delete(gone.id(), ItemStatus.IN_REVIEW, T0)).isTrue();
        assertThat(db.items().delete(gone.id(), ItemStatus.IN_REVIEW, T0)).isFalse();

        assertThat(db.items().find(gone.id())).isEmpty();
        assertThat(db.items().list(null)).extracting(DisclosureItem::id).containsExactly(kept.id());
        assertThat(db.items().list(ItemStatus.IN_REVIEW)).extracting(DisclosureItem::id).containsExactly(kept.id());
        assertThat(db.items().search(ItemQuery.all().text("稿件"))).extracting(DisclosureItem::id)
                .containsExactly(kept.id());
        assertThat(db.items().findBySourceKey("src-dup")).isEmpty();
        assertThat(db.items().transition(gone.id(), ItemStatus.IN_REVIEW, ItemStatus.APPROVED, null, null, T0))
                .isFalse();
        assertThat(db.items().replaceContent(gone.id(), content("hongqi", "复活", null), ItemStatus.IN_REVIEW,
                ItemStatus.IN_REVIEW, T0)).isEmpty();
        assertThatThrownBy(() -> db.items().setPriority(gone.id(), 5)).hasMessageContaining("不存在");
        assertThatThrownBy(() -> db.items().priority(gone.id())).hasMessageContaining("不存在");
        assertThatThrownBy(() -> db.items().setCorrects(gone.id(), kept.id())).hasMessageContaining("不存在");
        assertThat(db.items().correctionOf(gone.id())).isEmpty();
        assertThat(db.audit().history(gone.id())).extracting(AuditEntry::decision).containsExactly("DELETE");
        assertThat(db.items().insert(content("hongqi", "重新导入", null), ItemStatus.DRAFT, "src-dup", T0).id())
                .isNotEqualTo(gone.id());
    }

    @Test
    void theImportantMarkIsStoredAndPartOfTheHashOnlyWhenSet() {
        ItemContent plain = content("hongqi", "普通", null);
        ItemContent important = plain.withImportant(true);

        DisclosureItem read = db.items().find(db.items().insert(important, ItemStatus.DRAFT, null, T0).id())
                .orElseThrow();

        assertThat(read.content().important()).isTrue();
        assertThat(important.contentHash()).isNotEqualTo(plain.contentHash());
        assertThat(plain.withImportant(false).contentHash()).isEqualTo(plain.contentHash());
    }

    // ---- users and tokens (issue 4) ----

    @Test
    void usersAreStoredWithTheirRoleAndPasswordHashAndListedByName() {
        Instant at = Instant.parse("2023-05-10T08:30:00.123456Z");
        db.users().add(new User("张科长", Role.DEPT_LEADER, at), "$2a$04$hash-of-zhang");
        db.users().add(new User("李主任", Role.OFFICE_DIRECTOR, at), "$2a$04$hash-of-li");

        assertThat(db.users().find("张科长")).contains(new User("张科长", Role.DEPT_LEADER, at));
        assertThat(db.users().passwordHash("张科长")).contains("$2a$04$hash-of-zhang");
        assertThat(db.users().list()).extracting(User::name).containsExactlyInAnyOrder("张科长", "李主任");
        assertThat(db.users().find("王五")).isEmpty();
        assertThat(db.users().passwordHash("王五")).isEmpty();
        assertThat(db.users().changePasswordHash("李主任", "$2a$04$new")).isTrue();
        assertThat(db.users().passwordHash("李主任")).contains("$2a$04$new");
        assertThat(db.users().changePasswordHash("王五", "x")).isFalse();
    }

    @Test
    void addingAUserTwiceIsRefused() {
        db.users().add(new User("张科长", Role.DEPT_LEADER, T0), "h1");

        assertThatThrownBy(() -> db.users().add(new User("张科长", Role.ADMIN, T0), "h2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("张科长");
        assertThat(db.users().find("张科长").orElseThrow().role()).isEqualTo(Role.DEPT_LEADER);
    }

    @Test
    void aTokenHashFindsItsUserAndAnUnknownOneNothing() {
        db.users().add(new User("张科长", Role.DEPT_LEADER, T0), "h1");
        db.users().addToken("张科长", "a".repeat(64), T0);
        db.users().addToken("张科长", "b".repeat(64), T0);

        assertThat(db.users().userOfToken("a".repeat(64))).map(User::name).contains("张科长");
        assertThat(db.users().userOfToken("b".repeat(64))).isPresent();
        assertThat(db.users().userOfToken("c".repeat(64))).isEmpty();
    }

    // ---- disabled users, token use and revocation (issue 14) ----

    private void sessionOf(String user, String idHash) {
        db.loginSessions().save(new cn.gongkai.review.LoginSessions.Stored(idHash, user, "csrf", T0, T0));
    }

    @Test
    void aPasswordChangeEndsTheUsersSessionsAndTokensButNobodyElses() {
        db.users().add(new User("张科长", Role.DEPT_LEADER, T0), "h1");
        db.users().add(new User("李主任", Role.OFFICE_DIRECTOR, T0), "h2");
        db.users().addToken("张科长", "a".repeat(64), T0);
        db.users().addToken("李主任", "b".repeat(64), T0);
        sessionOf("张科长", "c".repeat(64));
        sessionOf("李主任", "d".repeat(64));

        assertThat(db.users().changePasswordHash("张科长", "h3")).isTrue();

        assertThat(db.users().userOfToken("a".repeat(64))).isEmpty();
        assertThat(db.users().tokens("张科长")).isEmpty();
        assertThat(db.loginSessions().find("c".repeat(64))).isEmpty();
        assertThat(db.users().userOfToken("b".repeat(64))).isPresent();
        assertThat(db.loginSessions().find("d".repeat(64))).isPresent();
    }

    @Test
    void aDisabledUserIsMarkedAndLosesSessionsAndTokensAndEnablingDoesNotBringTokensBack() {
        db.users().add(new User("张科长", Role.DEPT_LEADER, T0), "h1");
        db.users().addToken("张科长", "a".repeat(64), T0);
        sessionOf("张科长", "c".repeat(64));

        assertThat(db.users().setDisabled("张科长", true)).isTrue();

        assertThat(db.users().find("张科长").orElseThrow().disabled()).isTrue();
        assertThat(db.users().list()).singleElement().satisfies(u -> assertThat(u.disabled()).isTrue());
        assertThat(db.users().userOfToken("a".repeat(64))).isEmpty();
        assertThat(db.loginSessions().find("c".repeat(64))).isEmpty();
        assertThat(db.users().setDisabled("王五", true)).isFalse();

        db.users().addToken("张科长", "e".repeat(64), T0);
        assertThat(db.users().userOfToken("e".repeat(64))).as("a disabled user's token opens nothing").isEmpty();
        assertThat(db.users().setDisabled("张科长", false)).isTrue();
        assertThat(db.users().find("张科长").orElseThrow().disabled()).isFalse();
        assertThat(db.users().userOfToken("a".repeat(64))).isEmpty();
        assertThat(db.users().userOfToken("e".repeat(64))).isPresent();
    }

    @Test
    void tokensAreListedWithCreationAndLastUseWhichIsWrittenOnlyWhenStale() {
        Instant t1 = T0.plusSeconds(3600);
        db.users().add(new User("张科长", Role.DEPT_LEADER, T0), "h1");
        db.users().add(new User("李主任", Role.OFFICE_DIRECTOR, T0), "h2");
        db.users().addToken("张科长", "a".repeat(64), T0);
        db.users().addToken("李主任", "b".repeat(64), t1);

        db.users().touchToken("a".repeat(64), t1, t1.minusSeconds(300));
        db.users().touchToken("a".repeat(64), t1.plusSeconds(60), t1.plusSeconds(60).minusSeconds(300));

        assertThat(db.users().tokens(null)).extracting(ApiToken::user).containsExactly("李主任", "张科长");
        ApiToken zhang = db.users().tokens("张科长").get(0);
        assertThat(zhang.createdAt()).isEqualTo(T0);
        assertThat(zhang.lastUsed()).as("the second use was within five minutes").isEqualTo(t1);
        assertThat(zhang.id()).isEqualTo("aaaaaaaaaaaa");
        assertThat(db.users().tokens("李主任").get(0).lastUsed()).isNull();
    }

    @Test
    void oneTokenOrAllTokensOfAUserCanBeRevoked() {
        db.users().add(new User("张科长", Role.DEPT_LEADER, T0), "h1");
        db.users().addToken("张科长", "a".repeat(64), T0);
        db.users().addToken("张科长", "b".repeat(64), T0);
        db.users().addToken("张科长", "c".repeat(64), T0);

        assertThat(db.users().revokeToken("a".repeat(64))).isTrue();
        assertThat(db.users().revokeToken("a".repeat(64))).isFalse();
        assertThat(db.users().userOfToken("a".repeat(64))).isEmpty();
        assertThat(db.users().userOfToken("b".repeat(64))).isPresent();
        assertThat(db.users().revokeTokens("张科长")).isEqualTo(2);
        assertThat(db.users().tokens("张科长")).isEmpty();
    }

    @Test
    void passwordsAreHashedWithBcryptAndTokensWork() {
        Users users = new Users(db.users(), java.time.Clock.systemUTC(), 4);
        users.add("张科长", Role.DEPT_LEADER, "correct-horse".toCharArray());

        assertThat(db.users().passwordHash("张科长").orElseThrow()).startsWith("$2a$04$")
                .doesNotContain("correct-horse");
        assertThat(users.checkPassword("张科长", "correct-horse".toCharArray())).isTrue();
        assertThat(users.checkPassword("张科长", "wrong-horse".toCharArray())).isFalse();
        String token = users.createToken("张科长");
        assertThat(users.authenticate(token)).map(User::name).contains("张科长");
        assertThat(users.authenticate(token + "x")).isEmpty();
    }

    // ---- database ----

    @Test
    void describesTheDatabaseWithoutItsPassword() {
        assertThat(db.describe()).doesNotContain(password()).contains(expectedProductName());
    }

    /** The password the subclass opened the database with. */
    abstract String password();

    abstract String expectedProductName();

    // ---- fixtures ----

    DisclosureItem insert(String account, String title, ItemStatus status, String sourceKey, Instant now) {
        return db.items().insert(content(account, title, null), status, sourceKey, now);
    }

    DisclosureItem insertPlanned(String account, String title, ItemStatus status, Instant publishAt) {
        return db.items().insert(content(account, title, publishAt), status, null, T0.minusSeconds(86400));
    }

    static ItemContent content(String account, String title, Instant publishAt) {
        return anItem().account(account).category("其他").title(title).author("红旗区商务局").department("办公室")
                .body("正文 " + title).publishAt(publishAt).build();
    }

    static ItemImage image(String fileName, String caption, String alt) {
        return new ItemImage(sha(fileName), fileName, fileName.endsWith(".png") ? "image/png" : "image/jpeg", 900,
                383, 12345, caption, alt);
    }

    static AuditEntry audit(long itemId, String decision, Instant at) {
        return new AuditEntry(0, itemId, "system", "", decision, "DRAFT", "IN_REVIEW", -1, "", "h", "", at);
    }

    static LedgerEntry ledger(long itemId, String mode, Instant at) {
        return new LedgerEntry(itemId, "hongqi", mode, "100000001", "ART", 1, "https://mp.weixin.qq.com/s/x", "标题",
                "其他", "办公室", at);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String sha(String text) {
        return ContentHash.sha256(bytes(text));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for the other thread");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

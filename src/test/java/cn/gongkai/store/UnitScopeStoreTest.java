package cn.gongkai.store;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.UnitConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemHead;
import cn.gongkai.item.ItemQuery;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Scope;
import cn.gongkai.portal.DeliveryIdentity;
import cn.gongkai.portal.DeliveryState;
import cn.gongkai.portal.PortalDelivery;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.testsupport.EmbeddedPostgresExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two units in one store, on H2 and on embedded PostgreSQL: a scope of one unit never sees the other's items (lists,
 * search, counts, heads, find), the district sees both, and every row made from an item carries the item's unit.
 */
class UnitScopeStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-12T02:00:00Z");
    private static final Scope SHANGWU = Scope.unit("shangwu");
    private static final Scope JIAOYU = Scope.unit("jiaoyu");
    private static final List<UnitConfig> UNITS = List.of(
            new UnitConfig("shangwu", "红旗区商务局", List.of("促消费"), List.of(), List.of(), List.of("swj"),
                    List.of("qzfb"), Path.of("")),
            new UnitConfig("jiaoyu", "红旗区教育局", List.of("其他"), List.of(), List.of(), List.of("jyj"),
                    List.of("qzfb-jy"), Path.of("")));
    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    static Stream<Arguments> databases() {
        return POSTGRES.h2AndPostgres("units");
    }

    private static DisclosureItem item(Database db, String account, String title, ItemStatus status, int second) {
        return db.items().insert(anItem().account(account).title(title).body("正文 " + title).build(), status, null,
                T0.plusSeconds(second));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void oneUnitsScopeNeverShowsTheOthersItemsAndTheDistrictSeesBoth(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            db.declareUnits(UNITS);
            DisclosureItem shop = item(db, "swj", "商务局促消费活动", ItemStatus.DRAFT, 1);
            DisclosureItem shopReview = item(db, "swj", "商务局招商推介会", ItemStatus.IN_REVIEW, 2);
            DisclosureItem school = item(db, "jyj", "教育局招生简章", ItemStatus.DRAFT, 3);
            DisclosureItem named = db.items().insert("jiaoyu", anItem().account("swj").title("教育局借用商务号").build(),
                    ItemStatus.DRAFT, null, T0.plusSeconds(4));

            assertThat(List.of(shop.unitId(), shopReview.unitId(), school.unitId(), named.unitId()))
                    .containsExactly("shangwu", "shangwu", "jiaoyu", "jiaoyu");
            assertThat(db.items().find(school.id()).orElseThrow().unitId()).isEqualTo("jiaoyu");

            ItemQuery all = ItemQuery.all();
            assertThat(db.items().search(all.scope(SHANGWU))).extracting(DisclosureItem::id)
                    .containsExactly(shop.id(), shopReview.id());
            assertThat(db.items().heads(all.scope(JIAOYU).byNewestChange())).extracting(ItemHead::id)
                    .containsExactly(named.id(), school.id());
            assertThat(db.items().heads(all.scope(JIAOYU))).extracting(ItemHead::unitId).containsOnly("jiaoyu");
            assertThat(db.items().count(all.scope(SHANGWU))).isEqualTo(2);
            assertThat(db.items().count(all.scope(Scope.unit("tiyu")))).isZero();
            assertThat(db.items().count(all)).isEqualTo(4);
            assertThat(db.items().count(all.scope(Scope.inspector()))).isEqualTo(4);
            assertThat(db.items().search(all.scope(SHANGWU).page(1, 1))).extracting(DisclosureItem::id)
                    .containsExactly(shopReview.id());
            assertThat(db.items().heads(all.scope(SHANGWU).status(ItemStatus.DRAFT).byNewestChange()))
                    .extracting(ItemHead::id).containsExactly(shop.id());

            // a search for the other unit's title, or its id written out, finds nothing: no count leaks
            assertThat(db.items().count(all.scope(SHANGWU).text("招生简章"))).isZero();
            assertThat(db.items().count(all.scope(SHANGWU).text(String.valueOf(school.id())))).isZero();
            assertThat(db.items().count(all.scope(JIAOYU).text("招生简章"))).isEqualTo(1);

            assertThat(db.items().find(school.id(), SHANGWU)).isEmpty();
            assertThat(db.items().find(school.id(), JIAOYU)).map(DisclosureItem::title).contains("教育局招生简章");
            assertThat(db.items().find(school.id(), Scope.district())).isPresent();
            assertThat(db.items().find(school.id(), Scope.inspector())).isPresent();

            assertThat(db.items().countByStatus(SHANGWU))
                    .isEqualTo(Map.of(ItemStatus.DRAFT, 1, ItemStatus.IN_REVIEW, 1));
            assertThat(db.items().countByStatus(JIAOYU)).isEqualTo(Map.of(ItemStatus.DRAFT, 2));
            assertThat(db.items().countByStatus()).isEqualTo(Map.of(ItemStatus.DRAFT, 3, ItemStatus.IN_REVIEW, 1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyRowMadeFromAnItemCarriesTheItemsUnit(String name, Supplier<Database> open) throws SQLException {
        try (Database db = open.get()) {
            db.declareUnits(UNITS);
            DisclosureItem school = item(db, "jyj", "教育局招生简章", ItemStatus.APPROVED, 1);
            DisclosureItem shop = item(db, "swj", "商务局促消费活动", ItemStatus.APPROVED, 2);

            db.audit().append(new AuditEntry(0, school.id(), "王老师", "dept-leader", "approve", "IN_REVIEW",
                    "APPROVED", 0, "", school.contentHash(), "", T0));
            long batch = db.batches().create("jyj", "freepublish", null, List.of(school.id()), T0).id();
            long emptyBatch = db.batches().create("swj", "freepublish", null, List.of(), T0).id();
            db.ledger().record(new LedgerEntry(0, school.id(), "jyj", "freepublish", "pub-1", "art-1", 1,
                    "https://mp.weixin.qq.com/s/1", school.title(), "其他", "办公室", T0, LedgerSource.GONGKAI, null,
                    null, null));
            db.ledger().record(new LedgerEntry(0, null, "swj", LedgerEntry.UNKNOWN_MODE, null, null, 0, null,
                    "历史台账", "促消费", "", T0, LedgerSource.IMPORT, "history-1", null, null));
            db.portalDeliveries().prepare(new PortalDelivery(shop.id(), "qzfb", "", DeliveryState.PREPARED,
                    new DeliveryIdentity("<gongkai." + shop.id() + ".qzfb@hongqi.gov.cn>", "gongkai-" + shop.id()),
                    "", "", "", 1, "", "促消费", shop.contentHash(), T0, T0, T0.plusSeconds(120), null, null));

            assertThat(column(db, "SELECT unit_id FROM audit_log WHERE item_id = " + school.id()))
                    .containsExactly("jiaoyu");
            assertThat(column(db, "SELECT unit_id FROM publish_batch WHERE id = " + batch)).containsExactly("jiaoyu");
            assertThat(column(db, "SELECT unit_id FROM publish_batch WHERE id = " + emptyBatch))
                    .as("a batch without items takes its account's unit").containsExactly("shangwu");
            assertThat(column(db, "SELECT unit_id FROM ledger WHERE item_id = " + school.id()))
                    .containsExactly("jiaoyu");
            assertThat(column(db, "SELECT unit_id FROM ledger WHERE source_key = 'history-1'"))
                    .as("a row imported from history takes its account's unit").containsExactly("shangwu");
            assertThat(column(db, "SELECT unit_id FROM portal_delivery WHERE item_id = " + shop.id()))
                    .containsExactly("shangwu");
            assertThat(column(db, "SELECT id || ':' || name || ':' || source FROM unit ORDER BY id"))
                    .as("the configured units, stored before the first item")
                    .containsExactly("jiaoyu:红旗区教育局:config", "shangwu:红旗区商务局:config");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void withoutDeclaredUnitsEverythingIsTheDefaultUnitAndARenamedUnitIsUpdated(String name, Supplier<Database> open)
            throws SQLException {
        try (Database db = open.get()) {
            DisclosureItem before = item(db, "hongqi", "单位之前", ItemStatus.DRAFT, 1);
            assertThat(before.unitId()).isEqualTo(Scope.DEFAULT_UNIT);
            assertThat(db.items().find(before.id(), Scope.unit(Scope.DEFAULT_UNIT))).isPresent();
            assertThat(column(db, "SELECT id FROM unit")).isEmpty();

            db.declareUnits(List.of(new UnitConfig(Scope.DEFAULT_UNIT, "本单位", List.of("其他"), List.of(),
                    List.of(), List.of("hongqi"), List.of(), Path.of(""))));
            db.syncUnits();
            db.declareUnits(List.of(new UnitConfig(Scope.DEFAULT_UNIT, "红旗区商务局", List.of("其他"), List.of(),
                    List.of(), List.of("hongqi"), List.of(), Path.of(""))));
            assertThat(item(db, "other-account", "唯一单位", ItemStatus.DRAFT, 2).unitId())
                    .as("an account the units do not name goes to the only unit").isEqualTo(Scope.DEFAULT_UNIT);
            assertThat(column(db, "SELECT name FROM unit WHERE id = 'default'")).containsExactly("红旗区商务局");
        }
    }

    private static List<String> column(Database db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}

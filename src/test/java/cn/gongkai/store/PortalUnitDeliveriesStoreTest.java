package cn.gongkai.store;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemStatus;
import cn.gongkai.portal.DeliveryStore;
import cn.gongkai.testsupport.EmbeddedPostgresExtension;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A portal takes only the items of the unit whose {@code portals:} lists it, on H2 and PostgreSQL alike. */
class PortalUnitDeliveriesStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-12T02:00:00Z");
    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    static Stream<Arguments> databases() {
        return POSTGRES.h2AndPostgres("portalunits");
    }

    private static long item(Database db, String unit, String category) {
        return db.items().insert(unit, anItem().category(category).title(unit + "稿件" + System.nanoTime()).build(),
                ItemStatus.APPROVED, null, T0).id();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void dueItemsAreThoseOfTheGivenUnitOnly(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            DeliveryStore store = db.portalDeliveries();
            Instant now = Instant.now();
            long shangwu = item(db, "shangwu", "促消费");
            long shangwuOther = item(db, "shangwu", "招商引资");
            long jiaoyu = item(db, "jiaoyu", "促消费");

            assertThat(store.undelivered("sw-qzfb", "shangwu", List.of(), now, 10))
                    .containsExactly(shangwu, shangwuOther);
            assertThat(store.undelivered("sw-qzfb", "shangwu", List.of("促消费"), now, 10)).containsExactly(shangwu);
            assertThat(store.undelivered("jy-qzfb", "jiaoyu", List.of(), now, 10)).containsExactly(jiaoyu);
            assertThat(store.undelivered("jy-qzfb", "qzfb", List.of(), now, 10)).isEmpty();
            assertThat(store.undelivered("any", null, List.of(), now, 10)).as("null: every unit's")
                    .containsExactly(shangwu, shangwuOther, jiaoyu);
        }
    }
}

package cn.gongkai.web;

import cn.gongkai.item.ContentHash;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.portal.InternalAdoption;
import cn.gongkai.portal.InternalInbox;
import cn.gongkai.review.Role;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.testsupport.ItemBuilder;
import cn.gongkai.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A district of three units on H2 for the internal 报送 tests: 商务局 (shangwu, account swj) and 教育局 (jiaoyu,
 * account jyj) each deliver to the district office (qzfb, account qzf, categories 招商引资 and 其他) through a portal
 * with {@code delivery: internal}; each unit has its office director, the office also a drafter.
 */
final class InternalDistrict implements AutoCloseable {
    static final String CONFIG = """
            accounts:
              - {id: swj, name: 红旗商务, app-id: wx0000000000000001}
              - {id: jyj, name: 红旗教育, app-id: wx0000000000000002}
              - {id: qzf, name: 红旗发布, app-id: wx0000000000000003}
            portals:
              - {id: sw-qzfb, name: 红旗区人民政府办公室, delivery: internal, internal: {unit: qzfb}}
              - {id: jy-qzfb, name: 红旗区人民政府办公室, delivery: internal, internal: {unit: qzfb}}
            units:
              - {id: shangwu, name: 红旗区商务局, accounts: [swj], portals: [sw-qzfb]}
              - {id: jiaoyu, name: 红旗区教育局, accounts: [jyj], portals: [jy-qzfb]}
              - {id: qzfb, name: 红旗区人民政府办公室, accounts: [qzf], categories: [招商引资, 其他]}
            """;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T02:00:00Z"));
    final ConsoleFixture app;
    final ItemImage picture;

    InternalDistrict(Path dir) throws Exception {
        app = ConsoleFixture.configured(dir, clock, CONFIG);
        app.user("李主任", Role.OFFICE_DIRECTOR, "shangwu");
        app.user("周主任", Role.OFFICE_DIRECTOR, "jiaoyu");
        app.user("王主任", Role.OFFICE_DIRECTOR, "qzfb");
        app.user("赵起草", Role.DRAFTER, "qzfb");
        app.user("孙管理", Role.DISTRICT_ADMIN, null);
        byte[] png = Fixtures.png(400, 300, 0x3366cc);
        String sha = ContentHash.sha256(png);
        app.wiring.database().images().put(sha, png);
        picture = new ItemImage(sha, "zhanhui.png", "image/png", 400, 300, png.length, "展会现场", "");
    }

    /** An approved item of {@code unit} on {@code account}, due now, with the picture. */
    DisclosureItem approved(String unit, String account, String title, String body) {
        return app.wiring.database().items().insert(unit, ItemBuilder.anItem().account(account).category("促消费")
                .title(title).body(body + "\n\n![展会现场](zhanhui.png)\n").images(List.of(picture)).build(),
                ItemStatus.APPROVED, null, clock.instant());
    }

    InternalInbox inbox() {
        return new InternalInbox(app.wiring.config(), app.wiring.portalDeliveries());
    }

    InternalAdoption adoption() {
        return new InternalAdoption(app.wiring.config(), inbox(), app.wiring.database().items(),
                app.wiring.database().audit(), app.wiring.database().transactions(), app.wiring.users(),
                app.wiring::portalDecisions, clock);
    }

    @Override
    public void close() {
        app.close();
    }
}

package cn.gongkai.publish;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.Secret;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemImage;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.render.ImagePreparer;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.FakeWeChat;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.testsupport.MutableClock;
import cn.gongkai.testsupport.Publishers;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The publisher's parts wired as the publisher wires them, on an in-memory database and a fake WeChat. */
final class PublishParts implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final ArticleRenderer RENDERER = ArticleRenderer.load(Path.of("templates"));

    final Database db = Fixtures.memoryDatabase();
    final FakeWeChat wechat = new FakeWeChat();
    final MutableClock clock = new MutableClock(NOW);
    final PublishSettings settings;
    final PublishStore store = db.publishStore();
    final Publications publications = new Publications(store, wechat);
    final BatchTransitions transitions = new BatchTransitions(store.batches(), clock);
    final Outcomes outcomes;
    final MediaUploader uploader = new MediaUploader(store.images(), store.media(), wechat, new ImagePreparer());
    final DraftComposer composer = new DraftComposer(RENDERER, uploader);

    PublishParts(AccountConfig account) {
        settings = Publishers.on(db, wechat, clock).account(account).settings();
        outcomes = new Outcomes(store, publications, transitions, settings, clock);
    }

    static AccountConfig account(String mode, int perDraft, int dailyCap, boolean dryRun) {
        return new AccountConfig(Fixtures.ACCOUNT, "红旗商务", "wx0123456789abcdef", Secret.of("test-secret-value"),
                "http://127.0.0.1:1", mode, "0 0 10 ? * MON-FRI", perDraft, Secret.empty(), true, dailyCap, dryRun,
                Secret.empty());
    }

    List<DisclosureItem> approved(int n) {
        ItemImage image = Fixtures.storeImage(db, "photo.png", Fixtures.png(400, 300, 0x3366aa), 400, 300);
        List<DisclosureItem> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Fixtures.approved(db, Fixtures.content("促消费活动第" + (i + 1) + "期", "促消费", List.of(image)),
                    NOW));
        }
        return out;
    }

    @Override
    public void close() {
        db.close();
    }
}

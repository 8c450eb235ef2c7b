package cn.gongkai.testsupport;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.publish.BoundaryListener;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.publish.PublishGate;
import cn.gongkai.publish.PublishSettings;
import cn.gongkai.publish.PublishStore;
import cn.gongkai.publish.Publisher;
import cn.gongkai.publish.WeChatGateway;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.render.ImagePreparer;
import cn.gongkai.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link Publisher} for a test the way Wiring does (the database's publish store, the templates' renderer,
 * {@link PublishSettings}), with the defaults tests mostly want: days in Asia/Shanghai, three polls without waiting,
 * 15 minutes' callback grace, a lost submit resent as soon as its draft is seen still in the draft box.
 */
public final class Publishers {
    private static final ArticleRenderer TEMPLATES = ArticleRenderer.load(Path.of("templates"));

    private final PublishStore store;
    private final WeChatGateway wechat;
    private final Clock clock;
    private List<AccountConfig> accounts = List.of(Fixtures.account(Fixtures.ACCOUNT, 8));
    private ArticleRenderer renderer = TEMPLATES;
    private PollPolicy poll = new PollPolicy(3, Duration.ZERO);
    private Duration callbackGrace = Duration.ofMinutes(15);
    private Duration resubmitAfter = Duration.ZERO;
    private BoundaryListener boundaries = BoundaryListener.NONE;
    private PublishGate gate = PublishGate.OPEN;

    private Publishers(PublishStore store, WeChatGateway wechat, Clock clock) {
        this.store = Objects.requireNonNull(store, "store == null");
        this.wechat = Objects.requireNonNull(wechat, "wechat == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** A publisher on the database's stores, talking to {@code wechat}. */
    public static Publishers on(Database db, WeChatGateway wechat, Clock clock) {
        return new Publishers(db.publishStore(), wechat, clock);
    }

    /** A publisher on the given stores (e.g. one wrapped to inject a failure). */
    public static Publishers on(PublishStore store, WeChatGateway wechat, Clock clock) {
        return new Publishers(store, wechat, clock);
    }

    public Publishers accounts(List<AccountConfig> list) {
        this.accounts = List.copyOf(list);
        return this;
    }

    public Publishers account(AccountConfig account) {
        return accounts(List.of(account));
    }

    public Publishers renderer(ArticleRenderer r) {
        this.renderer = r;
        return this;
    }

    public Publishers poll(PollPolicy p) {
        this.poll = p;
        return this;
    }

    public Publishers callbackGrace(Duration d) {
        this.callbackGrace = d;
        return this;
    }

    public Publishers resubmitAfter(Duration d) {
        this.resubmitAfter = d;
        return this;
    }

    public Publishers boundaries(BoundaryListener listener) {
        this.boundaries = listener;
        return this;
    }

    public Publishers gate(PublishGate check) {
        this.gate = check;
        return this;
    }

    /** The settings the publisher is built with. */
    public PublishSettings settings() {
        return new PublishSettings(accounts, ZoneId.of("Asia/Shanghai"), poll, callbackGrace, resubmitAfter,
                boundaries, gate);
    }

    public Publisher build() {
        return new Publisher(store, wechat, renderer, new ImagePreparer(), settings(), clock);
    }
}

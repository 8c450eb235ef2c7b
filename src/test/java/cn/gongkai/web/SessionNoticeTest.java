package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.store.Database;
import cn.gongkai.testsupport.EmbeddedPostgresExtension;
import cn.gongkai.testsupport.MutableClock;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-time notice after an action is kept with the logged-in session in the database: the page after the
 * redirect shows it once on whichever node answers; the login form's notice stays with its node.
 */
class SessionNoticeTest {
    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    static Stream<Arguments> databases() {
        return POSTGRES.h2AndPostgres("notice");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aNoticeSetOnOneNodeIsShownOnceOnTheOther(String name, Supplier<Database> open) {
        try (Database db = open.get()) {
            MutableClock clock = new MutableClock(Instant.parse("2026-12-07T02:00:00Z"));
            Sessions nodeA = new Sessions(clock, db.loginSessions());
            Sessions nodeB = new Sessions(clock, db.loginSessions());
            Sessions.Session onA = nodeA.login(nodeA.anonymous(), "李主任");

            onA.flash("已提交审核（稿件 12）", false);
            Sessions.Session onB = nodeB.find(onA.id).orElseThrow();
            assertThat(onB.takeNotice()).isEqualTo(new cn.gongkai.review.LoginSessions.Notice("已提交审核（稿件 12）",
                    false));
            assertThat(onB.takeNotice().text()).as("once").isEmpty();
            assertThat(onA.takeNotice().text()).as("not again on the first node").isEmpty();

            onB.flash("发布失败：接口调用超过限制", true);
            onB.flash("已退回起草人", false);
            assertThat(onA.takeNotice()).as("the newer replaces one not yet shown")
                    .isEqualTo(new cn.gongkai.review.LoginSessions.Notice("已退回起草人", false));

            Sessions.Session form = nodeA.anonymous();
            form.flash("登录已过期，请重新登录", true);
            assertThat(form.takeNotice().error()).isTrue();
            assertThat(form.takeNotice().text()).isEmpty();
        }
    }
}

package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20: every 立即发布 asks first, listing the titles and the count; in 群发 mode it warns about notifications. */
class PublishConfirmPageTest {
    @TempDir
    static Path dir;

    private static ConsoleFixture app;
    private static Staff drafter;
    private static Staff director;

    @BeforeAll
    static void start() throws Exception {
        app = new ConsoleFixture(dir, Clock.systemUTC(), "jdbc:h2:mem:confirm" + UUID.randomUUID().toString()
                .replace("-", "") + ";DB_CLOSE_DELAY=-1", Map.of("GONGKAI_ACCOUNTS_0_MODE", "mass"));
        app.user("刘起草", Role.DRAFTER);
        app.user("张科长", Role.DEPT_LEADER);
        app.user("李主任", Role.OFFICE_DIRECTOR);
        app.user("王副局长", Role.OFFICE_LEADER);
        drafter = new Staff(app, "刘起草");
        director = new Staff(app, "李主任");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** An item submitted by the drafter and approved by the whole chain. */
    static long approved(ConsoleFixture app, Staff drafter, String title) throws Exception {
        HttpResponse<String> r = drafter.submit("/items", "title=" + Staff.enc(title) + "&category="
                + Staff.enc("促消费") + "&account=hongqi&author=" + Staff.enc("红旗区商务局") + "&body="
                + Staff.enc("全区开展" + title + "。\n") + "&action=submit");
        long id = Long.parseLong(r.headers().firstValue("Location").orElseThrow().replace("/items/", ""));
        for (String reviewer : new String[] {"张科长", "李主任", "王副局长"}) {
            DisclosureItem item = app.wiring.database().items().find(id).orElseThrow();
            app.wiring.review().approval(id, reviewer, item.contentHash(), "同意");
        }
        assertThat(app.wiring.database().items().find(id).orElseThrow().status()).isEqualTo(ItemStatus.APPROVED);
        return id;
    }

    private static ItemStatus status(long id) {
        return app.wiring.database().items().find(id).orElseThrow().status();
    }

    @Test
    void theAccountsRunListsEveryDueTitleWithTheCountAndTheMassWarningAndPublishesOnlyWhenConfirmed()
            throws Exception {
        long a = approved(app, drafter, "第一篇确认稿件");
        long b = approved(app, drafter, "第二篇确认稿件");
        assertThat(director.get("/publishing").body()).contains("href=\"/publishing/confirm?account=hongqi\"");

        HttpResponse<String> confirm = director.get("/publishing/confirm?account=hongqi");

        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("将立即发布以下 2 篇：", "<li>第一篇确认稿件</li>", "<li>第二篇确认稿件</li>",
                "群发模式：关注者会收到推送通知，每天限 1 次", "action=\"/publishing/run\"",
                "name=\"account\" value=\"hongqi\"");
        assertThat(status(a)).as("showing the list publishes nothing").isEqualTo(ItemStatus.APPROVED);

        HttpResponse<String> run = director.submit("/publishing/run", "account=hongqi");
        assertThat(run.statusCode()).isEqualTo(302);
        assertThat(status(a)).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(status(b)).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(director.get("/publishing/confirm?account=hongqi").body()).contains("没有到期待发布的稿件");
    }

    @Test
    void oneItemsPublishNowAsksWithItsTitleAndAReason() throws Exception {
        long id = approved(app, drafter, "单篇立即发布的稿件");
        assertThat(drafter.get("/items/" + id).body()).contains("href=\"/items/" + id + "/publish-now\"");

        String page = drafter.get("/items/" + id + "/publish-now").body();
        assertThat(page).contains("将立即发布以下 1 篇：", "<li>单篇立即发布的稿件</li>", "群发模式：关注者会收到推送通知",
                "action=\"/items/" + id + "/reschedule\"", "name=\"when\" value=\"now\"", "id=\"confirm-reason\"");

        drafter.submit("/items/" + id + "/reschedule", "when=now&comment=");
        assertThat(drafter.get("/items/" + id).body()).contains("请写明原因");
        drafter.submit("/items/" + id + "/reschedule", "when=now&comment=" + Staff.enc("领导要求今天发布"));
        assertThat(drafter.get("/items/" + id).body()).contains("已安排立即发布");
        assertThat(status(id)).isEqualTo(ItemStatus.APPROVED);
    }

    @Test
    void onlyPublishersMayOpenTheRunsConfirmationAndOnlyApprovedItemsHaveOne() throws Exception {
        assertThat(drafter.get("/publishing/confirm?account=hongqi").statusCode()).isEqualTo(403);
        assertThat(director.get("/publishing/confirm?account=nosuch").statusCode()).isEqualTo(404);
        HttpResponse<String> r = drafter.submit("/items", "title=" + Staff.enc("草稿") + "&category="
                + Staff.enc("促消费") + "&account=hongqi&author=" + Staff.enc("红旗区商务局") + "&body="
                + Staff.enc("正文。\n") + "&action=save");
        long draft = Long.parseLong(r.headers().firstValue("Location").orElseThrow().replaceAll("\\D", ""));
        assertThat(drafter.get("/items/" + draft + "/publish-now").statusCode()).isEqualTo(403);
    }
}

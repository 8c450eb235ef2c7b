package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.PublishBatch;
import cn.gongkai.review.Role;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20: a published item shows its link and time, and 撤回 and 更正 for the roles that publish. */
class PublishedItemPageTest {
    @TempDir
    static Path dir;

    private static ConsoleFixture app;
    private static Staff drafter;
    private static Staff director;

    @BeforeAll
    static void start() throws Exception {
        app = new ConsoleFixture(dir, Clock.systemUTC());
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

    private static long published(String title) throws Exception {
        long id = PublishConfirmPageTest.approved(app, drafter, title);
        director.submit("/publishing/run", "account=hongqi");
        assertThat(status(id)).isEqualTo(ItemStatus.PUBLISHED);
        return id;
    }

    private static ItemStatus status(long id) {
        return app.wiring.database().items().find(id).orElseThrow().status();
    }

    private static LedgerEntry row(long id) {
        return app.wiring.ledger().findByItem(id, PublishBatch.FREEPUBLISH).orElseThrow();
    }

    @Test
    void thePublishedItemShowsItsLinkAndIsWithdrawnWithAReason() throws Exception {
        long id = published("撤回测试稿件");
        String url = row(id).url();
        assertThat(url).isNotBlank();

        String page = director.get("/items/" + id).body();
        assertThat(page).contains("id=\"published-links\"", "<td>发布</td>", "href=\"" + url.replace("&", "&amp;") + "\"",
                "id=\"withdraw\"", "id=\"correct\"");

        director.submit("/items/" + id + "/withdraw", "reason=");
        assertThat(director.get("/items/" + id).body()).contains("撤回时请写明撤回原因");
        assertThat(status(id)).isEqualTo(ItemStatus.PUBLISHED);

        director.submit("/items/" + id + "/withdraw", "reason=" + Staff.enc("数据有误"));

        assertThat(status(id)).isEqualTo(ItemStatus.WITHDRAWN);
        assertThat(row(id).deletedAt()).isNotNull();
        String after = director.get("/items/" + id).body();
        assertThat(after).contains("已从公众号撤回", "数据有误", "<span class=\"err\">已于 ")
                .doesNotContain("id=\"withdraw\"");
    }

    @Test
    void theDrafterSeesTheLinkButMayNeitherWithdrawNorCorrect() throws Exception {
        long id = published("起草人查看的已发布稿件");
        String page = drafter.get("/items/" + id).body();
        assertThat(page).contains("id=\"published-links\"").doesNotContain("id=\"withdraw\"", "id=\"correct\"");

        assertThat(drafter.submit("/items/" + id + "/withdraw", "reason=" + Staff.enc("想撤")).statusCode())
                .isEqualTo(403);
        assertThat(drafter.submit("/items/" + id + "/correct", "text=" + Staff.enc("改一下")).statusCode())
                .isEqualTo(403);
        assertThat(status(id)).isEqualTo(ItemStatus.PUBLISHED);
    }

    @Test
    void aCorrectionIsDraftedAsANewItemLinkedToTheOriginal() throws Exception {
        long id = published("需要更正的稿件");

        var r = director.submit("/items/" + id + "/correct", "text=" + Staff.enc("原文第二段“2023年”应为“2024年”。"));

        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        long notice = Long.parseLong(location.replace("/items/", ""));
        assertThat(notice).isNotEqualTo(id);
        assertThat(app.wiring.database().items().find(notice).orElseThrow().title()).isEqualTo("更正说明：需要更正的稿件");
        assertThat(director.get(location).body()).contains("已起草更正说明");
        assertThat(status(id)).isEqualTo(ItemStatus.PUBLISHED);
    }
}

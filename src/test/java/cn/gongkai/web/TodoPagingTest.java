package cn.gongkai.web;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.AuditAction;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 待办 with more items than a page (issue 16): each list shows 20 under its total, the next page the next items in
 * the same order, and the totals count every item, not only the page.
 */
class TodoPagingTest {
    private static final Pattern ROW_ID = Pattern.compile("<tr><td>(\\d+)</td>");

    @TempDir
    static Path dir;

    private static ConsoleFixture app;
    private static Staff drafter;
    private static Staff deptLeader;
    private static final List<Long> submitted = new ArrayList<>();
    private static final List<Long> failed = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        app = new ConsoleFixture(dir, Clock.systemUTC());
        app.user("刘起草", Role.DRAFTER);
        app.user("张科长", Role.DEPT_LEADER);
        drafter = new Staff(app, "刘起草");
        deptLeader = new Staff(app, "张科长");
        Instant t0 = Instant.parse("2026-06-01T02:00:00Z");
        for (int n = 0; n < 23; n++) {
            DisclosureItem item = app.wiring.items().insert(anItem().account("hongqi").title("待审稿件 " + n).build(),
                    ItemStatus.IN_REVIEW, null, t0.plusSeconds(n));
            app.wiring.audit().append(AuditEntry.byUser("刘起草", "drafter", item, AuditAction.SUBMIT, ItemStatus.DRAFT,
                    ItemStatus.IN_REVIEW, "", t0.plusSeconds(n)));
            submitted.add(item.id());
        }
        for (int n = 0; n < 21; n++) {
            failed.add(app.wiring.items().insert(anItem().account("hongqi").title("失败稿件 " + n).build(),
                    ItemStatus.FAILED, null, t0.plusSeconds(100 + n)).id());
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** The ids of the rows of the table with this id, in order. */
    private static List<Long> rows(String page, String table) {
        int start = page.indexOf("id=\"" + table + "\"");
        if (start < 0) {
            return List.of();
        }
        Matcher m = ROW_ID.matcher(page.substring(start, page.indexOf("</table>", start)));
        List<Long> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    @Test
    void theReviewerSeesTwentyItemsUnderTheTotalAndTheNextPageTheRest() throws Exception {
        String first = deptLeader.get("/").body();
        assertThat(first).contains("等我审核（23）").contains("第 1–20 篇，共 23 篇").contains("href=\"/?reviews=2#my-reviews\"");
        assertThat(rows(first, "my-reviews")).containsExactlyElementsOf(submitted.subList(0, 20));
        String second = deptLeader.get("/?reviews=2").body();
        assertThat(second).contains("等我审核（23）").contains("第 21–23 篇，共 23 篇").contains("href=\"/?reviews=1#my-reviews\"");
        assertThat(rows(second, "my-reviews")).containsExactlyElementsOf(submitted.subList(20, 23));
        assertThat(deptLeader.get("/?reviews=9").body()).contains("等我审核（23）").contains("这一页没有稿件");
    }

    @Test
    void theDrafterSeesTheirOwnItemsCountedAndPagedAndNobodyElses() throws Exception {
        String first = drafter.get("/").body();
        assertThat(first).contains("我的稿件（23）");
        assertThat(rows(first, "my-items")).containsExactlyElementsOf(submitted.subList(0, 20));
        assertThat(rows(drafter.get("/?mine=2").body(), "my-items")).containsExactlyElementsOf(submitted.subList(20, 23));
        assertThat(deptLeader.get("/").body()).contains("我的稿件（0）");
    }

    @Test
    void failedItemsAreCountedAllAndPaged() throws Exception {
        String first = drafter.get("/").body();
        assertThat(first).contains("发布失败，需要处理（21）");
        assertThat(rows(first, "failed-items")).containsExactlyElementsOf(failed.subList(0, 20));
        assertThat(rows(drafter.get("/?failed=2").body(), "failed-items")).containsExactly(failed.get(20));
        assertThat(first).contains("<a href=\"/items?status=FAILED\">21</a>");
    }
}

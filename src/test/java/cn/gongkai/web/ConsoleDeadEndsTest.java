package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dead ends of issue 20 in the console: a proofreading office director approves, a second 同意 is a success,
 * a draft is deleted, an approved item is rescheduled and stays approved, and nobody holding 主要领导 is said.
 */
class ConsoleDeadEndsTest {
    @TempDir
    static Path dir;

    private static ConsoleFixture app;
    private static Staff drafter;
    private static Staff deptLeader;
    private static Staff director;
    private static Staff officeLeader;

    @BeforeAll
    static void start() throws Exception {
        app = new ConsoleFixture(dir, Clock.systemUTC());
        drafter = loggedIn("刘起草", Role.DRAFTER);
        deptLeader = loggedIn("张科长", Role.DEPT_LEADER);
        director = loggedIn("李主任", Role.OFFICE_DIRECTOR);
        officeLeader = loggedIn("王领导", Role.OFFICE_LEADER);
    }

    /** A new user, logged in; nobody holds 主要领导. */
    private static Staff loggedIn(String name, Role role) throws Exception {
        app.user(name, role);
        return new Staff(app, name);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String fields(String title, String body, String action) {
        return "title=" + Staff.enc(title) + "&category=" + Staff.enc("促消费") + "&account=hongqi&author="
                + Staff.enc("红旗区商务局") + "&body=" + Staff.enc(body) + "&action=" + action;
    }

    private static long create(String title, String action) throws Exception {
        HttpResponse<String> r = drafter.submit("/items", fields(title, "活动从三月开始。\n", action));
        assertThat(r.statusCode()).isEqualTo(303);
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().replace("/items/", ""));
    }

    private static String formHash(Staff reviewer, long id) throws Exception {
        Matcher m = Pattern.compile("name=\"contentHash\" value=\"([0-9a-f]{64})\"")
                .matcher(reviewer.get("/items/" + id).body());
        assertThat(m.find()).as("the review form carries the content hash").isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> approve(Staff reviewer, long id) throws Exception {
        return reviewer.submit("/items/" + id + "/approve", "contentHash=" + formHash(reviewer, id) + "&comment=");
    }

    private static DisclosureItem item(long id) {
        return app.wiring.database().items().find(id).orElseThrow();
    }

    private static List<String> decisions(long id) {
        return app.wiring.database().audit().history(id).stream().map(AuditEntry::decision).toList();
    }

    @Test
    void theOneOfficeDirectorProofreadsAndStillApproves() throws Exception {
        long id = create("校对后审定的稿件", "submit");
        approve(deptLeader, id);

        assertThat(director.get("/items/" + id + "/edit").body()).contains("id=\"proofreading\"", "校对修改")
                .doesNotContain("id=\"restart-warning\"");
        HttpResponse<String> saved = director.submit("/items/" + id + "/edit",
                fields("校对后审定的稿件", "活动从三月一日开始。\n", "draft"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(director.get("/items/" + id).body()).contains("校对修改", "id=\"approve\"");
        assertThat(app.wiring.review().currentStep(item(id))).isEqualTo(1);

        approve(director, id);

        assertThat(decisions(id)).contains("PROOFREAD");
        assertThat(app.wiring.review().waitingFor(item(id))).contains(Role.OFFICE_LEADER.id());
    }

    @Test
    void aSecondApprovalIsToldItWasAlreadyGivenAndRecordsNothing() throws Exception {
        long id = create("双击同意的稿件", "submit");
        String hash = formHash(deptLeader, id);

        deptLeader.submit("/items/" + id + "/approve", "contentHash=" + hash + "&comment=");
        deptLeader.get("/");
        HttpResponse<String> again = deptLeader.submit("/items/" + id + "/approve", "contentHash=" + hash
                + "&comment=");

        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(deptLeader.get("/").body()).contains("已同意，无需重复操作");
        assertThat(decisions(id).stream().filter("APPROVE"::equals)).hasSize(1);
    }

    @Test
    void theDrafterDeletesADraftAndAReviewerMayNot() throws Exception {
        long id = create("重复提交的稿件", "draft");
        assertThat(drafter.get("/items/" + id).body()).contains("id=\"delete-button\"");
        assertThat(deptLeader.get("/items/" + id).body()).doesNotContain("id=\"delete-button\"");

        HttpResponse<String> refused = deptLeader.submit("/items/" + id + "/delete", "comment=");
        assertThat(refused.statusCode()).isEqualTo(403);
        // the REST API on the same server as the console (as serve runs it): not allowed is 403, not 409
        String token = app.wiring.users().createToken("张科长");
        HttpResponse<String> api = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(app.url("/api/items/" + id))).DELETE()
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(403);
        HttpResponse<String> deleted = drafter.submit("/items/" + id + "/delete", "comment=" + Staff.enc("重复"));

        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(deleted.headers().firstValue("Location")).contains("/items");
        assertThat(app.wiring.database().items().find(id)).isEmpty();
        assertThat(drafter.get("/items").body()).contains("已删除稿件 " + id)
                .doesNotContain("href=\"/items/" + id + "\"");
    }

    @Test
    void anApprovedItemIsRescheduledAndPublishedNowWithItsApprovalsKept() throws Exception {
        long id = create("调整发布时间的稿件", "submit");
        approve(deptLeader, id);
        approve(director, id);
        approve(officeLeader, id);
        assertThat(item(id).status()).isEqualTo(ItemStatus.APPROVED);
        assertThat(drafter.get("/items/" + id).body()).contains("id=\"reschedule-form\"", "id=\"publish-now\"");

        drafter.submit("/items/" + id + "/reschedule", "publishAt=2031-01-06T09%3A00&when=at&comment=");
        assertThat(item(id).content().publishAt()).isNull();
        drafter.submit("/items/" + id + "/reschedule", "publishAt=2031-01-06T09%3A00&when=at&comment="
                + Staff.enc("配合发布会"));

        assertThat(item(id).status()).isEqualTo(ItemStatus.APPROVED);
        assertThat(item(id).content().publishAt()).hasToString("2031-01-06T01:00:00Z");
        drafter.submit("/items/" + id + "/reschedule", "publishAt=&when=now&comment=" + Staff.enc("领导要求今天发"));
        assertThat(item(id).status()).isEqualTo(ItemStatus.APPROVED);
        assertThat(decisions(id).stream().filter("RESCHEDULE"::equals)).hasSize(2);
        assertThat(drafter.get("/items/" + id).body()).contains("调整发布时间", "配合发布会");
    }

    @Test
    void nobodyHoldingThePrincipalLeaderIsSaidOnTodoAndAtTheImportantCheckbox() throws Exception {
        assertThat(drafter.get("/").body()).contains("主要领导", "重要");
        assertThat(drafter.get("/items/new").body()).contains("id=\"important-warning\"", "主要领导");
    }
}

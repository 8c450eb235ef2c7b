package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.review.Role;
import cn.gongkai.review.User;
import cn.gongkai.testsupport.MutableClock;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 单位 (issue 19) with two configured units (商务局, 教育局): the district office lists every unit; the district
 * administrator adds a unit (stored, then a real unit: its administrator, its people's scope, the 全区 page) and its
 * administrators, refused ids are named; a unit's people do not find the page, the inspector only reads, every POST
 * needs the CSRF token; and 系统 lists a unit administrator's own unit's people only.
 */
class UnitsPageTest {
    @TempDir
    static Path dir;

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-02T02:00:00Z"));
    private static ConsoleFixture app;
    private static final Map<String, Staff> SESSIONS = new java.util.HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        app = ConsoleFixture.configured(dir, CLOCK, """
                accounts:
                  - {id: swj, name: 红旗商务, app-id: wx0000000000000001}
                  - {id: jyj, name: 红旗教育, app-id: wx0000000000000002}
                portals: []
                units:
                  - {id: shangwu, name: 红旗区商务局, accounts: [swj]}
                  - {id: jiaoyu, name: 红旗区教育局, accounts: [jyj], review: {chain: [dept-leader, office-director]}}
                """);
        app.user("孙管理", Role.DISTRICT_ADMIN, null);
        app.user("钱巡查", Role.DISTRICT_INSPECTOR, null);
        app.user("李管理", Role.ADMIN, "shangwu");
        app.user("商务科长", Role.DEPT_LEADER, "shangwu");
        app.user("周管理", Role.ADMIN, "jiaoyu");
        app.user("教育科长", Role.DEPT_LEADER, "jiaoyu");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theDistrictOfficeSeesEveryUnitWithItsSourceAccountsChainPeopleAndAdministrators() throws Exception {
        Staff inspector = as("钱巡查");
        String page = inspector.get("/units").body();

        assertThat(inspector.get("/").body()).contains("href=\"/units\"");
        assertThat(row(page, "jiaoyu")).contains("红旗区教育局", "配置文件", "由配置文件管理", "红旗教育",
                "业务部门分管领导 → 办公室主任", "<td>2</td>", "周管理").doesNotContain("红旗商务", "李管理");
        assertThat(row(page, "shangwu")).contains("红旗区商务局", "红旗商务", "<td>2</td>", "李管理");
        assertThat(page).as("the inspector reads, with no forms").doesNotContain("id=\"add-unit\"",
                "id=\"add-unit-admin\"", "action=\"/units/admins/state\"");
        assertThat(as("孙管理").get("/units").body()).contains("id=\"add-unit\"", "id=\"add-unit-admin\"",
                "action=\"/units/admins/state\"");
    }

    @Test
    void aUnitAddedOnThePageIsARealUnitFromThen() throws Exception {
        Staff admin = as("孙管理");

        assertThat(admin.submit("/units", "id=tiyu&name=" + Staff.enc("红旗区体育局")).statusCode()).isEqualTo(302);
        String page = admin.get("/units").body();
        assertThat(page).contains("已添加单位“红旗区体育局”（tiyu）");
        assertThat(row(page, "tiyu")).contains("红旗区体育局", "控制台", "尚未配置公众号", "<td>0</td>")
                .doesNotContain("由配置文件管理");
        assertThat(app.wiring.units().find("tiyu").orElseThrow().configured()).isFalse();

        assertThat(admin.submit("/units/admins", "unit=tiyu&name=" + Staff.enc("体育管理") + "&password="
                + Staff.enc(ConsoleFixture.PASSWORD) + "&password2=" + Staff.enc(ConsoleFixture.PASSWORD))
                .statusCode()).isEqualTo(302);
        assertThat(admin.get("/units").body()).contains("已添加用户“体育管理”（管理员）");
        User added = app.wiring.users().find("体育管理").orElseThrow();
        assertThat(added.role()).isEqualTo(Role.ADMIN);
        assertThat(added.scope()).isEqualTo(cn.gongkai.item.Scope.unit("tiyu"));

        String district = admin.get("/district").body();
        assertThat(district).contains("红旗区体育局", "尚未配置公众号：请运维人员在配置文件 units: 中为它列出账号");
        assertThat(admin.get("/api/counts?year=2026&unit=tiyu").body()).as("its counts").contains("\"articles\":0");
        assertThat(admin.get("/api/counts?year=2026&unit=nosuch").statusCode()).isEqualTo(404);
        assertThat(admin.get("/district/reports?year=2026").body()).as("its annual report in the summary table")
                .contains("红旗区体育局");
        assertThat(new String(admin.bytes("/district/categories.csv?year=2026").body(),
                java.nio.charset.StandardCharsets.UTF_8)).as("its row in the category table").contains("红旗区体育局");

        // the new unit's administrator works in it: 系统 shows its own people, 统计 opens, 单位 is not found
        Staff tiyu = as("体育管理");
        assertThat(tiyu.get("/system").body()).contains("体育管理").doesNotContain("李管理", "周管理", "教育科长");
        assertThat(tiyu.get("/stats").statusCode()).isEqualTo(200);
        assertThat(tiyu.get("/units").statusCode()).isEqualTo(404);
        // no account yet: the editor says so instead of failing
        var editor = tiyu.get("/items/new");
        assertThat(editor.statusCode()).isEqualTo(302);
        assertThat(tiyu.get("/").body()).contains("本单位还没有公众号，不能新建稿件");
    }

    @Test
    void badAndTakenIdsAreRefusedNamingTheProblemAndNothingIsStored() throws Exception {
        Staff admin = as("孙管理");
        int before = app.wiring.units().all().size();

        admin.submit("/units", "id=" + Staff.enc("Bad Id") + "&name=" + Staff.enc("某局"));
        assertThat(admin.get("/units").body()).contains("单位编号“Bad Id”不可用：需为 1–32 位小写字母、数字、-或_");
        admin.submit("/units", "id=shangwu&name=" + Staff.enc("另一个商务局"));
        assertThat(admin.get("/units").body()).contains("单位编号“shangwu”已被使用：shangwu 红旗区商务局（配置文件）");
        admin.submit("/units", "id=wenlv&name=" + Staff.enc("红旗区文旅局"));
        admin.submit("/units", "id=wenlv&name=" + Staff.enc("又一个文旅局"));
        assertThat(admin.get("/units").body()).contains("单位编号“wenlv”已被使用：wenlv 红旗区文旅局（控制台）");
        admin.submit("/units", "id=kong&name=");
        assertThat(admin.get("/units").body()).contains("单位名称不能为空");
        admin.submit("/units/admins", "unit=nosuch&name=x1&password=" + Staff.enc(ConsoleFixture.PASSWORD)
                + "&password2=" + Staff.enc(ConsoleFixture.PASSWORD));
        assertThat(admin.get("/units").body()).contains("没有编号为“nosuch”的单位");

        assertThat(app.wiring.units().all()).hasSize(before + 1);
        assertThat(app.wiring.units().find("wenlv").orElseThrow().name()).isEqualTo("红旗区文旅局");
        assertThat(app.wiring.users().find("x1")).isEmpty();
    }

    @Test
    void theDistrictAdministratorDisablesAndEnablesAUnitsAdministrator() throws Exception {
        Staff admin = as("孙管理");
        app.wiring.users().add("商务副管理", Role.ADMIN, "shangwu", ConsoleFixture.PASSWORD.toCharArray());

        admin.submit("/units/admins/state", "name=" + Staff.enc("商务副管理") + "&action=disable");
        assertThat(app.wiring.users().find("商务副管理").orElseThrow().disabled()).isTrue();
        assertThat(admin.get("/units").body()).contains("已停用用户“商务副管理”");
        admin.submit("/units/admins/state", "name=" + Staff.enc("商务副管理") + "&action=enable");
        assertThat(app.wiring.users().find("商务副管理").orElseThrow().disabled()).isFalse();

        admin.submit("/units/admins/state", "name=" + Staff.enc("商务科长") + "&action=disable");
        assertThat(admin.get("/units").body()).contains("“商务科长”不是任何单位的管理员");
        assertThat(app.wiring.users().find("商务科长").orElseThrow().disabled()).isFalse();
    }

    @Test
    void aUnitsPeopleDoNotFindThePageAndTheInspectorAndForeignFormsCannotPost() throws Exception {
        int before = app.wiring.units().all().size();
        for (String name : new String[] {"李管理", "教育科长"}) {
            Staff unit = as(name);
            assertThat(unit.get("/").body()).doesNotContain("href=\"/units\"");
            HttpResponse<String> page = unit.get("/units");
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).doesNotContain("红旗区教育局", "红旗区商务局");
            assertThat(unit.submit("/units", "id=x" + name.length() + "&name=x").statusCode()).isEqualTo(404);
            assertThat(unit.submit("/units/admins", "unit=shangwu&name=hack&password=" + Staff.enc(
                    ConsoleFixture.PASSWORD) + "&password2=" + Staff.enc(ConsoleFixture.PASSWORD)).statusCode())
                    .isEqualTo(404);
        }
        Staff inspector = as("钱巡查");
        assertThat(inspector.submit("/units", "id=jc&name=" + Staff.enc("检查局")).statusCode()).isEqualTo(403);
        assertThat(inspector.submit("/units/admins/state", "name=" + Staff.enc("李管理") + "&action=disable")
                .statusCode()).isEqualTo(403);
        Staff admin = as("孙管理");
        assertThat(admin.post("/units", "id=csrf&name=" + Staff.enc("无令牌局")).statusCode())
                .as("without the CSRF token").isEqualTo(403);

        assertThat(app.wiring.units().all()).hasSize(before);
        assertThat(app.wiring.users().find("hack")).isEmpty();
        assertThat(app.wiring.users().find("李管理").orElseThrow().disabled()).isFalse();
    }

    @Test
    void aUnitAdministratorsSystemPageListsOnlyTheUnitsPeopleAndTheOfficeSeesEveryonesUnit() throws Exception {
        String shangwu = as("李管理").get("/system").body();
        assertThat(shangwu).contains("李管理", "商务科长").doesNotContain("周管理", "教育科长", "孙管理", "钱巡查",
                "<th>单位</th>");

        Staff jiaoyu = as("周管理");
        jiaoyu.submit("/system/users/state", "name=" + Staff.enc("商务科长") + "&action=disable");
        assertThat(jiaoyu.get("/system").body()).contains("用户“商务科长”不存在");
        assertThat(app.wiring.users().find("商务科长").orElseThrow().disabled()).isFalse();

        String office = as("钱巡查").get("/system").body();
        assertThat(office).contains("<th>单位</th>", "<td>教育科长</td><td>红旗区教育局</td>",
                "<td>李管理</td><td>红旗区商务局</td>", "<td>孙管理</td><td>区政府办</td>");
    }

    /** The logged-in session of {@code name}, made once for the class (a login costs a password hash). */
    private static Staff as(String name) throws Exception {
        Staff s = SESSIONS.get(name);
        if (s == null) {
            s = new Staff(app, name);
            SESSIONS.put(name, s);
        }
        return s;
    }

    /** The table row of unit {@code id} on the 单位 page. */
    private static String row(String page, String id) {
        int at = page.indexOf("id=\"unit-" + id + "\"");
        assertThat(at).as("row of unit " + id).isPositive();
        return page.substring(at, page.indexOf("</tr>", at));
    }
}

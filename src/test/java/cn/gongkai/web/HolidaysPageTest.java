package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.review.HolidayCalendar;
import cn.gongkai.review.Role;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 节假日表 on the 系统 page: everyone sees the years, the administrator adds next year's notice. */
class HolidaysPageTest {
    @TempDir
    static Path dir;

    private static ConsoleFixture app;
    private static Staff admin;
    private static Staff drafter;
    private static Path file;

    @BeforeAll
    static void start() throws Exception {
        file = dir.resolve("conf/holidays.yml");
        app = new ConsoleFixture(dir, Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC),
                "jdbc:h2:mem:hol" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1",
                Map.of("GONGKAI_REVIEW_HOLIDAYS_FILE", file.toString()));
        app.user("管理员", Role.ADMIN);
        app.user("刘起草", Role.DRAFTER);
        admin = new Staff(app, "管理员");
        drafter = new Staff(app, "刘起草");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theAdministratorAddsNextYearAndAMistakeKeepsTheTypedTextAndWritesNothing() throws Exception {
        String page = admin.get("/system/holidays").body();
        assertThat(page).contains("id=\"next-missing\"", "还没有 2027 年", "国办发明电〔2024〕12号", "id=\"add-year\"");
        assertThat(admin.get("/system").body()).contains("/system/holidays");

        String wrong = "2027:\n  文号: 国办发明电〔2026〕99号\n  节日:\n    - {名称: 元旦, 放假: [2027-01-01], 上班: [2027-01-04]}\n";
        HttpResponse<String> refused = admin.submit("/system/holidays", "section=" + Staff.enc(wrong));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"holiday-error\"", "2027-01-04", "国办发明电〔2026〕99号");
        assertThat(Files.exists(file)).isFalse();

        String right = wrong.replace(", 上班: [2027-01-04]", "");
        HttpResponse<String> added = admin.submit("/system/holidays", "section=" + Staff.enc(right));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(HolidayCalendar.load(file).covers(2027)).isTrue();
        assertThat(admin.get("/system/holidays").body()).doesNotContain("id=\"next-missing\"")
                .contains("国办发明电〔2026〕99号");
    }

    @Test
    void aDrafterSeesTheYearsButNeitherTheFormNorTheFileAndCannotPost() throws Exception {
        String page = drafter.get("/system/holidays").body();
        assertThat(page).contains("国办发明电").doesNotContain("id=\"add-year\"").doesNotContain(file.toString());
        HttpResponse<String> r = drafter.submit("/system/holidays", "section=" + Staff.enc("2030:\n"));
        assertThat(r.statusCode()).isEqualTo(403);
    }
}

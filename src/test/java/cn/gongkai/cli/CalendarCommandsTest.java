package cn.gongkai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.testsupport.CliHarness;
import cn.gongkai.testsupport.CliHarness.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gongkai calendar due|show} with the shipped calendar, a broken one and a missing one. */
class CalendarCommandsTest {
    @TempDir
    Path dir;

    private final CliHarness gongkai = CliHarness.gongkai();

    private Path configWithHolidays(String holidaysFile) throws IOException {
        Path config = dir.resolve("gongkai.yml");
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\nreview:\n  holidays-file: " + holidaysFile
                + "\n", StandardCharsets.UTF_8);
        return config;
    }

    @Test
    void dueCountsFromTheDayAfterAndListsTheHolidaysAndMakeUpDaysCrossed() {
        Run r = gongkai.run("calendar", "due", "2024-02-08", "--days", "5");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("从 2024-02-08（星期四）的次日起 5 个工作日，到期日：2024-02-21（星期三）",
                "  2024-02-10 至 2024-02-17  春节放假", "  2024-02-18（星期日）  春节调休上班", "2024 年：国办发明电〔2023〕7号");
        assertThat(r.out()).doesNotContain("2024-02-04");
    }

    @Test
    void dueDefaultsToTwentyWorkingDaysAndWarnsOfAYearTheCalendarLacks() {
        assertThat(gongkai.run("calendar", "due", "2024-02-01").out()).contains("20 个工作日，到期日：2024-03-05（星期二）");
        Run r = gongkai.run("calendar", "due", "2026-12-30", "--days", "3");
        assertThat(r.out()).contains("到期日：2027-01-04（星期一）", "途经的节假日和调休上班日：无",
                "注意：节假日表中没有 2027 年的安排，该年只跳过了周六、周日。");
    }

    @Test
    void dueRefusesADateItCannotRead() {
        Run r = gongkai.run("calendar", "due", "2024-02-30");
        assertThat(r.code()).isEqualTo(ExitCodes.USER);
        assertThat(r.err()).contains("无法识别的日期“2024-02-30”：应写作 2024-02-08");
        assertThat(gongkai.run("calendar", "due", "2024-02-08", "--days", "0").code()).isEqualTo(ExitCodes.USER);
    }

    @Test
    void showPrintsTheNoticeDaysOffAndWorkingWeekendsOfAYear() {
        Run r = gongkai.run("calendar", "show", "2020");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("2020 年节假日安排：国办发明电〔2019〕16号、国办发明电〔2020〕1号", "config/holidays.yml");
        String spring = r.out().lines().filter(l -> l.startsWith("春节")).findFirst().orElseThrow();
        assertThat(spring.split("\\s{2,}")).containsExactly("春节", "2020-01-24 至 2020-02-02", "10", "2020-01-19（星期日）");
        assertThat(r.out()).contains("国庆节、中秋节", "合计：放假 ");
    }

    @Test
    void showSaysHowToAddAYearTheCalendarLacks() {
        Run r = gongkai.run("calendar", "show", "2027");
        assertThat(r.code()).isEqualTo(ExitCodes.USER);
        assertThat(r.err()).contains("中没有 2027 年的安排（已有：2020、2021、2022、2023、2024、2025、2026）",
                "《关于2027年部分节假日安排的通知》", "gongkai calendar show 2027");
    }

    @Test
    void aBrokenCalendarIsAConfigurationErrorNamingTheLine() throws IOException {
        Path holidays = dir.resolve("holidays.yml");
        Files.writeString(holidays, "2024:\n  文号: 国办发明电〔2023〕7号\n  节日:\n    - {名称: 春节, 放假: [2024-02-10], 上班: [2024-02-08]}\n",
                StandardCharsets.UTF_8);
        Run r = gongkai.withConfig(configWithHolidays(holidays.toString())).run("calendar", "show", "2024");
        assertThat(r.code()).isEqualTo(ExitCodes.CONFIG);
        assertThat(r.err()).contains("review.holidays-file", "第 4 行（2024 年）", "2024-02-08 是星期四");
    }

    @Test
    void anEmptyCalendarSettingIsRefused() throws IOException {
        Run r = gongkai.withConfig(configWithHolidays("\"\"")).run("calendar", "show", "2025");
        assertThat(r.code()).isEqualTo(ExitCodes.CONFIG);
        assertThat(r.err()).contains("配置项 review.holidays-file：节假日表文件不能为空");
    }

    @Test
    void aMissingCalendarFileFallsBackToTheCopyInTheJar() throws IOException {
        Run r = gongkai.withConfig(configWithHolidays(dir.resolve("none.yml").toString())).run("calendar", "show", "2025");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("国办发明电〔2024〕12号", "内置节假日表");
    }
}

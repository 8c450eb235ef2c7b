package cn.gongkai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.Wiring;
import cn.gongkai.config.ConfigLoader;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.review.HolidayCalendar;
import cn.gongkai.testsupport.CliHarness;
import cn.gongkai.testsupport.CliHarness.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor} checks the holiday calendar, and in December asks for next year's notice when it is missing. */
class DoctorHolidaysTest {
    @TempDir
    Path dir;

    private final GongkaiConfig config = new ConfigLoader(Map.of()).load(null);
    private final HolidayCalendar calendar = Wiring.holidays(config);

    @Test
    void inDecemberAMissingNextYearIsWarnedAboutWithHowToAddIt() {
        assertThat(DoctorCommand.nextYearMissing(calendar, config, LocalDate.of(2026, 12, 1))).hasValueSatisfying(w ->
                assertThat(w).contains("没有 2027 年的节假日安排", "只会跳过周六、周日", "《关于2027年部分节假日安排的通知》",
                        "config/holidays.yml", "“2027:”一节", "gongkai calendar show 2027"));
    }

    @Test
    void noWarningBeforeDecemberOrWhenNextYearIsThere() {
        assertThat(DoctorCommand.nextYearMissing(calendar, config, LocalDate.of(2026, 11, 30))).isEmpty();
        assertThat(DoctorCommand.nextYearMissing(calendar, config, LocalDate.of(2025, 12, 31))).isEmpty();
    }

    @Test
    void aBrokenCalendarFailsTheConfigurationChecks() throws IOException {
        Path holidays = dir.resolve("holidays.yml");
        Files.writeString(holidays, "2024:\n  文号: x\n  节日:\n    - {名称: 春节, 放假: [2024-02-10 至 2024-02-09]}\n",
                StandardCharsets.UTF_8);
        Path file = dir.resolve("gongkai.yml");
        Files.writeString(file, "data-dir: " + dir.resolve("data") + "\nreview:\n  holidays-file: " + holidays + "\n",
                StandardCharsets.UTF_8);

        Run r = CliHarness.gongkai().withConfig(file).run("doctor");

        assertThat(r.code()).isEqualTo(ExitCodes.CONFIG);
        assertThat(r.out()).contains("[失败] 节假日表：", "第 4 行（2024 年）", "结束日期早于开始日期", "[跳过] 公众号检查");
    }

    @Test
    void theShippedCalendarIsReportedWithItsYears() throws IOException {
        Path file = dir.resolve("gongkai.yml");
        Files.writeString(file, "data-dir: " + dir.resolve("data") + "\n", StandardCharsets.UTF_8);

        Run r = CliHarness.gongkai().withConfig(file).run("doctor");

        String line = r.out().lines().filter(l -> l.contains(" 节假日表：")).findFirst().orElseThrow();
        assertThat(line).matches("\\[(ok|警告)] 节假日表：.*");
        if (line.startsWith(DoctorCommand.OK)) {
            assertThat(line).contains("已有 2020、2021、2022、2023、2024、2025、2026 年的安排");
        }
    }
}

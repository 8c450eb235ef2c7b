package cn.gongkai.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adding a year's holiday notice to the holiday file from the 系统 page. */
class HolidayYearsTest {
    private static final String Y2027 = """
            2027:
              文号: 国办发明电〔2026〕99号
              节日:
                - {名称: 元旦, 放假: [2027-01-01 至 2027-01-03]}
                - {名称: 春节, 放假: [2027-02-05 至 2027-02-11], 上班: [2027-02-13]}
            """;

    @TempDir
    Path dir;

    @Test
    void aMissingFileStartsFromTheJarsCopyAndGainsTheYearWithEveryOtherYearAndCommentKept() throws Exception {
        Path file = dir.resolve("config/holidays.yml");
        HolidayYears years = new HolidayYears(file);
        assertThat(years.current().covers(2027)).isFalse();

        assertThat(years.add(Y2027)).isEqualTo(2027);

        String text = Files.readString(file);
        assertThat(text).startsWith(Files.readString(Path.of("config/holidays.yml")).stripTrailing())
                .contains("国办发明电〔2026〕99号");
        HolidayCalendar now = HolidayCalendar.load(file);
        assertThat(now.years()).contains(2020, 2026, 2027);
        assertThat(now.isWorkingDay(LocalDate.of(2027, 2, 13))).as("the 调休 Saturday").isTrue();
        assertThat(now.isWorkingDay(LocalDate.of(2027, 2, 8))).as("a Spring Festival Monday").isFalse();
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void aYearTheFileHasTwoYearsAtOnceAndAWrongDayAreRefusedAndNothingIsWritten() throws Exception {
        Path file = dir.resolve("holidays.yml");
        Files.copy(Path.of("config/holidays.yml"), file);
        String before = Files.readString(file);
        HolidayYears years = new HolidayYears(file);

        assertThatThrownBy(() -> years.add(Y2027.replace("2027", "2026"))).hasMessageContaining("已有 2026 年");
        assertThatThrownBy(() -> years.add(Y2027 + Y2027.replace("2027", "2028")))
                .hasMessageContaining("一次只能添加一年");
        assertThatThrownBy(() -> years.add(Y2027.replace("上班: [2027-02-13]", "上班: [2027-02-15]")))
                .hasMessageContaining("2027-02-15").hasMessageContaining("新增的 2027 年");
        assertThatThrownBy(() -> years.add(Y2027.replace("2027-01-03", "2027-02-06")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> years.add("文号: 国办发明电〔2026〕99号")).hasMessageContaining("第一行写年份");
        assertThatThrownBy(() -> years.add("")).hasMessageContaining("第一行写年份");
        assertThat(Files.readString(file)).isEqualTo(before);
    }
}

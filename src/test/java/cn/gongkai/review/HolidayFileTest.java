package cn.gongkai.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The holiday file loader takes a well-formed year and refuses a contradiction, naming the year, line and problem. */
class HolidayFileTest {
    private static final String HEAD = "2024:\n  文号: 国办发明电〔2023〕7号\n  节日:\n";

    private static HolidayCalendar parse(String festivals) {
        return HolidayCalendar.parse(HEAD + festivals, "test.yml");
    }

    private static void refused(String festivals, String... parts) {
        assertThatThrownBy(() -> parse(festivals)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll(parts);
    }

    @Test
    void readsAYear() {
        HolidayCalendar c = parse("    - {名称: 春节, 放假: [2024-02-10 至 2024-02-17], 上班: [2024-02-04, 2024-02-18]}\n"
                + "    - 名称: 端午节\n      放假: 2024-06-10\n");
        assertThat(c.years()).containsExactly(2024);
        HolidayCalendar.Year y = c.year(2024).orElseThrow();
        assertThat(y.notice()).isEqualTo("国办发明电〔2023〕7号");
        assertThat(y.festivals()).extracting(HolidayCalendar.Festival::name).containsExactly("春节", "端午节");
        assertThat(y.festivals().get(0).daysOff()).hasSize(8);
        assertThat(c.isWorkingDay(LocalDate.of(2024, 2, 18))).isTrue();
        assertThat(c.source()).isEqualTo("test.yml");
    }

    @Test
    void refusesADayBothOffAndWorking() {
        refused("    - {名称: 春节, 放假: [2024-02-10 至 2024-02-17], 上班: [2024-02-17]}\n",
                "test.yml 第 4 行（2024 年）", "2024-02-17 既是调休上班日，又是第 4 行春节的放假日");
    }

    @Test
    void refusesOverlappingRanges() {
        refused("    - {名称: 春节, 放假: [2024-02-10 至 2024-02-17]}\n    - {名称: 元宵, 放假: [2024-02-17]}\n",
                "第 5 行（2024 年）", "元宵的放假日期 2024-02-17 与第 4 行春节的放假日期重叠");
    }

    @Test
    void refusesAMakeUpDayThatIsNoWeekend() {
        refused("    - {名称: 春节, 放假: [2024-02-10], 上班: [2024-02-05]}\n",
                "第 4 行（2024 年）", "2024-02-05 是星期一", "只能是星期六或星期日");
    }

    @Test
    void refusesADayOffOutsideItsYear() {
        refused("    - {名称: 元旦, 放假: [2023-12-31 至 2024-01-01]}\n", "第 4 行（2024 年）", "2023-12-31 不在 2024 年内");
    }

    @Test
    void refusesADateItCannotRead() {
        refused("    - {名称: 春节, 放假: [2024-02-30]}\n", "第 4 行（2024 年）", "无法识别的日期“2024-02-30”");
        refused("    - {名称: 春节, 放假: [2月10日]}\n", "无法识别的日期“2月10日”", "应写作 2024-02-10");
        refused("    - {名称: 春节, 放假: [2024-02-17 至 2024-02-10]}\n", "结束日期早于开始日期");
    }

    @Test
    void refusesUnknownKeysMissingNoticesAndBadYears() {
        refused("    - {名称: 春节, 休息: [2024-02-10]}\n", "第 4 行", "未知的项“休息”");
        assertThatThrownBy(() -> HolidayCalendar.parse("2024:\n  节日:\n    - {名称: 春节, 放假: [2024-02-10]}\n", "t"))
                .hasMessageContainingAll("第 1 行（2024 年）", "缺少“文号”");
        assertThatThrownBy(() -> HolidayCalendar.parse("二〇二四:\n  文号: x\n", "t"))
                .hasMessageContainingAll("第 1 行", "不是四位年份");
        assertThatThrownBy(() -> HolidayCalendar.parse(HEAD + "    - {名称: 春节, 放假: [2024-02-10]}\n" + HEAD
                + "    - {名称: 春节, 放假: [2024-02-11]}\n", "t")).hasMessageContainingAll("第 5 行", "这一年写了两次");
    }

    @Test
    void refusesWhatIsNoHolidayTableNamingTheLine() {
        refused("    - {名称: 春节, 放假: [[2024-02-10]]}\n", "第 4 行", "这里应是一个值（日期或文字），不是列表或映射");
        refused("    - {名称: 春节, 放假: [2024-02-10], 放假: [2024-02-11]}\n", "第 4 行", "“放假”写了两次");
        refused("    - {名称: 春节, 放假: [2024-02-10, ]}\n    - 名称: &n 元宵\n      放假: *n\n", "第 6 行",
                "不支持引用");
        refused("    - 春节 2024-02-10\n", "第 4 行", "每个节日应写作");
        assertThatThrownBy(() -> HolidayCalendar.parse("2024: [春节]\n", "t"))
                .hasMessageContainingAll("第 1 行（2024 年）", "下面应写“文号:”和“节日:”两项");
        assertThatThrownBy(() -> HolidayCalendar.parse("2024:\n", "t"))
                .hasMessageContainingAll("第 1 行（2024 年）", "缺少“文号”");
        assertThatThrownBy(() -> HolidayCalendar.parse("- 2024\n", "t"))
                .hasMessageContainingAll("第 1 行", "文件应由“年份:”开头的各节组成");
        assertThatThrownBy(() -> HolidayCalendar.parse("", "t")).hasMessageContaining("文件应由“年份:”开头的各节组成");
        assertThatThrownBy(() -> HolidayCalendar.parse(HEAD + "    - {名称: 春节, 放假: [2024-02-10}\n", "t"))
                .hasMessageContainingAll("第 4 行", "格式错误", "column");
        assertThatThrownBy(() -> HolidayCalendar.parse(HEAD + "    - {名称: 春节,\n      放假: [2024-02-10]\n", "t"))
                .as("an unclosed mapping: the line where it opens").hasMessageContainingAll("第 4 行", "格式错误");
        assertThatThrownBy(() -> HolidayCalendar.parse(HEAD + "    - {名称: 春\u0007节, 放假: [2024-02-10]}\n", "t"))
                .hasMessageContainingAll("第 4 行", "格式错误");
        assertThatThrownBy(() -> HolidayCalendar.parse("? [2024]\n: x\n", "t"))
                .hasMessageContainingAll("第 1 行", "不是列表或映射");
        assertThatThrownBy(() -> HolidayCalendar.parse(HEAD + "    - &f {名称: 春节, 放假: [2024-02-10]}\n"
                + "    - *f\n", "t")).hasMessageContainingAll("第 5 行", "不支持引用");
        assertThatThrownBy(() -> HolidayCalendar.parse(HEAD + "    - {名称: 春节, 放假: [2024-02-10]}\n---\n"
                + "2025:\n  文号: x\n", "t")).hasMessageContainingAll("第 5 行", "一个文件只能有一个文档");
        refused("    - {名称: 春节, 放假: [2024-02-10], 上班: !!null ~}\n    - {名称: 端午节, 放假: !!null x}\n",
                "第 5 行", "端午节没有写“放假”日期");
    }

    @Test
    void aSingleValueOrSectionStandsForAListOfOneAndAQuotedValueIsText() {
        HolidayCalendar c = HolidayCalendar.parse("2024:\n  文号: \"国办发明电〔2023〕7号\"\n  节日:\n"
                + "    名称: 端午节\n    放假: 2024-06-10\n    上班: ~\n", "t");
        HolidayCalendar.Year y = c.year(2024).orElseThrow();
        assertThat(y.notice()).isEqualTo("国办发明电〔2023〕7号");
        assertThat(y.festivals()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("端午节");
            assertThat(f.daysOff()).containsExactly(LocalDate.of(2024, 6, 10));
        });
    }

    @Test
    void theShippedTableReads() throws Exception {
        try (var in = HolidayFileTest.class.getResourceAsStream("/holidays.yml")) {
            HolidayCalendar c = HolidayCalendar.parse(new String(in.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8), "holidays.yml");
            assertThat(c.years()).contains(2024, 2025, 2026);
            assertThat(c.isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse();
        }
    }
}

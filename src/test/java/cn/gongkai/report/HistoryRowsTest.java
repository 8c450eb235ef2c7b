package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerSource;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One line of a history file as a ledger row, every problem of the line named. */
class HistoryRowsTest {
    private final HistoryRows rows = new HistoryRows(ZoneId.of("Asia/Shanghai"), List.of("会议", "通知"),
            List.of("main"));
    private final List<String> problems = new ArrayList<>();
    private static final HistoryColumns FIVE = HistoryColumns.parse(
            List.of("published_at", "title", "category", "url", "department")).columns();
    private static final HistoryColumns SIX = HistoryColumns.parse(
            List.of("published_at", "title", "category", "url", "department", "account")).columns();

    @Test
    void aGoodLineIsALedgerRowOfTheOnlyAccountInTheConfiguredZone() {
        LedgerEntry e = rows.entry("第 2 行：", List.of(" 2023-03-01 09:30 ", " 标题 ", "会议", "https://x.cn/a",
                " 办公室 "), FIVE, problems);

        assertThat(problems).isEmpty();
        assertThat(e.account()).isEqualTo("main");
        assertThat(e.publishedAt()).isEqualTo(Instant.parse("2023-03-01T01:30:00Z"));
        assertThat(e.title()).isEqualTo("标题");
        assertThat(e.department()).isEqualTo("办公室");
        assertThat(e.source()).isEqualTo(LedgerSource.IMPORT);
        assertThat(e.sourceKey()).isEqualTo("import:main|2023-03-01 09:30|标题");
    }

    @Test
    void everyBadCellOfALineIsNamedAndTheLineGivesNoRow() {
        LedgerEntry e = rows.entry("第 3 行：", List.of("2023-02-30 09:30", "", "其他", "ftp://x", "", "other"), SIX,
                problems);

        assertThat(e).isNull();
        assertThat(problems).containsExactly(
                "第 3 行：published_at 应写作 YYYY-MM-DD HH:MM（北京时间），实际为“2023-02-30 09:30”",
                "第 3 行：title 不能为空",
                "第 3 行：category“其他”不在配置的分类中（会议、通知）",
                "第 3 行：url 应以 http:// 或 https:// 开头，实际为“ftp://x”",
                "第 3 行：account“other”不是配置的公众号 id（main）");
    }

    @Test
    void aLineOfTheWrongWidthSaysHowToQuoteCommas() {
        assertThat(rows.entry("第 4 行：", List.of("a", "b"), FIVE, problems)).isNull();
        assertThat(problems).singleElement().asString().contains("应有 5 列，实际 2 列").contains("英文双引号");
    }

    @Test
    void withSeveralAccountsTheAccountCannotBeLeftEmpty() {
        HistoryRows two = new HistoryRows(ZoneId.of("Asia/Shanghai"), List.of("会议"), List.of("main", "second"));
        assertThat(two.entry("第 5 行：", List.of("2023-03-01 09:30", "标题", "会议", "", "", ""), SIX, problems))
                .isNull();
        assertThat(problems).containsExactly("第 5 行：配置了多个公众号（main、second），account 不能为空");
    }

    @Test
    void aChineseHeaderNamesTheCellsInChineseAndTakesTheColumnsInItsOwnOrder() {
        HistoryColumns cols = HistoryColumns.parse(List.of("标题", "栏目", "发布日期", "原文链接", "部门")).columns();

        LedgerEntry ok = rows.entry("第 2 行：", List.of("标题", "会议", "2023-03-01 09:30", "", "办公室"), cols, problems);
        LedgerEntry bad = rows.entry("第 3 行：", List.of("", "其他", "2023-3-1", "", ""), cols, problems);

        assertThat(ok.publishedAt()).isEqualTo(Instant.parse("2023-03-01T01:30:00Z"));
        assertThat(ok.category()).isEqualTo("会议");
        assertThat(ok.sourceKey()).isEqualTo("import:main|2023-03-01 09:30|标题");
        assertThat(bad).isNull();
        assertThat(problems).containsExactly(
                "第 3 行：发布日期 应写作 YYYY-MM-DD HH:MM（北京时间），实际为“2023-3-1”",
                "第 3 行：标题 不能为空",
                "第 3 行：栏目“其他”不在配置的分类中（会议、通知）");
    }
}

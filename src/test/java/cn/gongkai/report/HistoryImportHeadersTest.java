package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The header row of a history file: English or Chinese names, common variants, any order; bad headers named. */
class HistoryImportHeadersTest {

    @Test
    void englishChineseAndVariantNamesAreTheSameFields() {
        List<String> row = List.of("2023-03-01 09:30", "标题", "会议", "https://x.cn/a", "办公室", "main");
        for (List<String> header : List.of(
                List.of("published_at", "title", "category", "url", "department", "account"),
                List.of("发布时间", "标题", "分类", "链接", "部门", "公众号"),
                List.of("发布日期", "文章标题", "栏目", "文章链接", "发布部门", "微信公众号"),
                List.of(" 发布时间（北京时间） ", "Title", "类别", "URL", "部门", "公众号ID"))) {
            HistoryColumns.Parsed p = HistoryColumns.parse(header);

            assertThat(p.problems()).as(header.toString()).isEmpty();
            assertThat(p.columns().cell(row, HistoryColumns.Field.PUBLISHED_AT)).isEqualTo("2023-03-01 09:30");
            assertThat(p.columns().cell(row, HistoryColumns.Field.CATEGORY)).isEqualTo("会议");
            assertThat(p.columns().cell(row, HistoryColumns.Field.ACCOUNT)).isEqualTo("main");
            assertThat(p.columns().label(HistoryColumns.Field.TITLE)).isEqualTo(header.get(1).strip());
        }
    }

    @Test
    void theAccountColumnMayBeLeftOutAndTheOthersMayComeInAnyOrder() {
        HistoryColumns cols = HistoryColumns.parse(List.of("部门", "标题", "链接", "分类", "发布时间")).columns();

        assertThat(cols.has(HistoryColumns.Field.ACCOUNT)).isFalse();
        assertThat(cols.cell(List.of("办公室", "标题", "", "会议", "2023-03-01 09:30"), HistoryColumns.Field.PUBLISHED_AT))
                .isEqualTo("2023-03-01 09:30");
        assertThat(cols.cell(List.of("办公室", "标题", "", "会议", "2023-03-01 09:30"), HistoryColumns.Field.ACCOUNT))
                .isEmpty();
    }

    @Test
    void unknownRepeatedBlankAndMissingColumnsAreEachNamed() {
        HistoryColumns.Parsed p = HistoryColumns.parse(List.of("发布时间", "标题", "文章编号", "", "published_at", "部门"));

        assertThat(p.columns()).isNull();
        assertThat(p.problems()).containsExactly(
                "不认识的列“文章编号”",
                "第 4 列没有表头",
                "“发布时间”和“published_at”是同一列，只能有一个",
                "缺少“分类”列（也可写作 category）",
                "缺少“链接”列（也可写作 url）");
    }
}

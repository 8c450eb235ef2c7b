package cn.gongkai.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedHeadDocumentTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2023年12月5日,2023-12-05", "2023 年 1 月 31 日,2023-01-31", "二〇二三年十二月五日,2023-12-05",
            "二○二四年二月二十九日,2024-02-29", "二〇二四年十月十日,2024-10-10", "二〇二三年二月三十日,", "2023年13月1日,",
            "二〇二三年十十月一日,", "会议于2023年12月5日召开,"})
    void aDateInEitherNumeralsIsReadAndAnImpossibleOneIsNot(String text, LocalDate expected) {
        assertThat(RedHeadDocument.date(text.replace(" ", ""))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"红商〔2023〕12号,红商〔2023〕12号", "红商[2023]12号,红商〔2023〕12号", "红商（2023）12号,红商〔2023〕12号",
            "红商(2023)12号,红商〔2023〕12号", "红商【2023】7号,红商〔2023〕7号", "红商〔2023〕12号      签发人：张三,红商〔2023〕12号"})
    void theDocNoIsFoundInItsVariantsAndNormalized(String line, String docNo) {
        List<WordBlock> blocks = List.of(WordBlock.paragraph(line, WordBlock.Align.CENTER),
                WordBlock.paragraph("关于某事的通知", WordBlock.Align.CENTER),
                WordBlock.paragraph("正文。", WordBlock.Align.LEFT));

        RedHeadDocument.Mapped m = RedHeadDocument.read(blocks).orElseThrow();

        assertThat(m.docNo()).isEqualTo(docNo);
        assertThat(m.title()).isEqualTo("关于某事的通知");
        assertThat(m.body()).extracting(WordBlock::text).containsExactly("正文。");
    }

    @Test
    void anOrdinaryDocumentQuotingADocNoInItsBodyIsNotARedHeadDocument() {
        List<WordBlock> blocks = List.of(WordBlock.paragraph("红旗区举办夏季促消费活动", WordBlock.Align.CENTER),
                WordBlock.paragraph("根据《红旗区促消费若干措施》（红政〔2023〕3号）的要求，区商务局于6月10日举办活动。",
                        WordBlock.Align.LEFT));

        assertThat(RedHeadDocument.read(blocks)).isEmpty();
    }

    @Test
    void aSentenceAtTheEndIsNotTakenForTheSignature() {
        List<WordBlock> blocks = List.of(WordBlock.paragraph("红旗区商务局文件", WordBlock.Align.CENTER),
                WordBlock.paragraph("关于某事的通知", WordBlock.Align.CENTER),
                WordBlock.paragraph("请各单位于月底前报送，逾期不候。", WordBlock.Align.LEFT),
                WordBlock.paragraph("2023年12月5日", WordBlock.Align.RIGHT));

        RedHeadDocument.Mapped m = RedHeadDocument.read(blocks).orElseThrow();

        assertThat(m.signature()).isEmpty();
        assertThat(m.signedAt()).isEqualTo(LocalDate.of(2023, 12, 5));
        assertThat(m.body()).extracting(WordBlock::text).containsExactly("请各单位于月底前报送，逾期不候。");
    }
}

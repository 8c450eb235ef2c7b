package cn.gongkai.report;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.Fixtures;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The done-when test of issue 7: the bureau's 2023 report (../shared/seed/000_cf3a6e06d8f1f95e.txt, copied to
 * src/test/resources/report/seed-2023.txt) is rebuilt from a generated ledger of 108 articles and the facts file
 * src/test/resources/report/2023.yml, and the whole text matches the seed's — title, headings, sentences, every
 * table label and every figure — except where the seed is sloppy and we write the correct form:
 * <ul>
 *   <li>"2023 年以来" (since 2023) for a full-year report: we write "2023年";</li>
 *   <li>"今年来" in section 一 (五): the facts file says "2023年";</li>
 *   <li>the typo "校队": the facts file says "校对";</li>
 *   <li>the heading "（五）政府信息公开监督保障和教育培训情况。" ends in a stray "。": we drop it;</li>
 *   <li>the seed has no preamble; we add the one with the statistical period (统计期限), checked separately.</li>
 * </ul>
 * The seed's line breaks and the spaces around numbers come from its PDF extraction, so whitespace is ignored.
 */
class SeedReportTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> CATEGORIES = List.of("招商引资", "外资外贸", "商贸流通", "促消费", "其他");
    /** Articles per category in 2023: four topics, in the seed's order, 108 in all. */
    private static final Map<String, Integer> PER_CATEGORY = Map.of("招商引资", 34, "外资外贸", 29, "商贸流通", 24,
            "促消费", 21);

    private Database db;
    private AnnualReports reports;

    @BeforeEach
    void generateTheLedgerOf2023() {
        db = Fixtures.memoryDatabase();
        List<LedgerEntry> rows = new ArrayList<>();
        int n = 0;
        for (String category : CATEGORIES) {
            for (int i = 0; i < PER_CATEGORY.getOrDefault(category, 0); i++) {
                n++;
                Instant at = LocalDateTime.of(2023, 1 + n % 12, 1 + n % 28, 10, 0).atZone(SHANGHAI).toInstant();
                if (n % 12 == 0) {
                    long item = db.items().insert(anItem().category(category).title("稿件" + n).author("红旗区商务局")
                            .department("办公室").build(), ItemStatus.PUBLISHED, null, at).id();
                    rows.add(new LedgerEntry(item, "hongqi", "freepublish", "p" + n, "a" + n, 1, "u", "稿件" + n,
                            category, "办公室", at));
                } else {
                    rows.add(new LedgerEntry(0, null, "hongqi", LedgerEntry.UNKNOWN_MODE, null, null, 1, "",
                            "历史稿件" + n, category, "", at, LedgerSource.IMPORT, "seed-" + n, null, null));
                }
            }
        }
        // The year's edges: the last minute of 2022 and the first of 2024 (Beijing time) are not 2023's.
        rows.add(imported("before", LocalDateTime.of(2022, 12, 31, 23, 59)));
        rows.add(imported("after", LocalDateTime.of(2024, 1, 1, 0, 0)));
        assertThat(db.ledger().recordAll(rows)).isEqualTo(110);
        // A correction of one of them is published, and is not counted again.
        long fixed = db.items().insert(anItem().title("更正").author("红旗区商务局").department("办公室").build(),
                ItemStatus.PUBLISHED, null, Instant.parse("2023-06-30T02:00:00Z")).id();
        long original = db.ledger().between(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"))
                .get(5).id();
        db.ledger().record(new LedgerEntry(fixed, "hongqi", "freepublish", "p-fix", "a-fix", 1, "u", "更正", "促消费",
                "办公室", Instant.parse("2023-06-30T02:00:00Z")).correcting(original));
        reports = new AnnualReports(new Counter(db.ledgerStatistics(), SHANGHAI, CATEGORIES),
                new ReportWriter(Path.of("templates")));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theWordReportRebuildsTheSeedTextWithItsSlipsCorrected() throws Exception {
        AnnualReports.Draft draft = reports.draft(2023, facts(), ReportWriter.Format.DOCX);

        assertThat(draft.counts().articles()).isEqualTo(108);
        assertThat(draft.exportable()).as("findings: %s", draft.findings()).isTrue();
        String text = ReportWriter.textOf(draft.content(), ReportWriter.Format.DOCX);
        assertThat(withoutPreamble(squeeze(text))).isEqualTo(expectedFromSeed());
    }

    @Test
    void theMarkdownAndHtmlReportsCarryTheSameText() throws Exception {
        String md = new String(reports.draft(2023, facts(), ReportWriter.Format.MARKDOWN).content(),
                StandardCharsets.UTF_8);
        String html = new String(reports.draft(2023, facts(), ReportWriter.Format.HTML).content(),
                StandardCharsets.UTF_8);

        String mdText = md.replaceAll("(?m)^#+ ", "").replaceAll("\\|\\s*---\\s*", "").replace("|", "");
        assertThat(withoutPreamble(squeeze(mdText))).isEqualTo(expectedFromSeed());
        String htmlText = html.replaceAll("(?s)<head>.*</head>", "").replaceAll("<[^>]+>", "");
        assertThat(withoutPreamble(squeeze(htmlText))).isEqualTo(expectedFromSeed());
    }

    @Test
    void theSentenceOfSectionOneIsGeneratedFromTheCountsAndTheSeedsLooseWordingIsCorrected() throws Exception {
        AnnualReport report = reports.draft(2023, facts(), ReportWriter.Format.MARKDOWN).report();

        String sentence = ((AnnualReport.Paragraph) report.sections().get(0).blocks().get(2)).text();
        assertThat(sentence).isEqualTo("2023年，红旗区商务局微信公众号主动公开各类政务信息108条，"
                + "主要涉及招商引资、外资外贸、商贸流通、促消费等工作。");
        // The seed says "2023 年以来" ("since 2023"), wrong for a report on exactly one calendar year.
        assertThat(squeeze(seed())).contains("2023年以来，红旗区商务局微信公众号主动公开各类政务信息108条");
        assertThat(report.preamble().get(0)).contains("本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。");
    }

    @Test
    void everyTableCellOfTheSeedIsZeroAndSoIsOurs() throws Exception {
        AnnualReport report = reports.draft(2023, facts(), ReportWriter.Format.MARKDOWN).report();

        List<String> numbers = new ArrayList<>();
        for (int s = 1; s <= 3; s++) {
            ReportTable t = ((AnnualReport.Table) report.sections().get(s).blocks().get(0)).table();
            t.rows().forEach(r -> r.stream().filter(ReportTable.Cell::number).forEach(c -> numbers.add(c.text())));
        }
        assertThat(numbers).hasSize(10 + 25 * 7 + 15).containsOnly("0");
        String seed = seed();
        String tables = seed.substring(seed.indexOf("二、主动公开政府信息情况"), seed.indexOf("五、存在的主要问题及改进情况"));
        long zeros = java.util.Arrays.stream(tables.split("\\s+")).filter(t -> t.equals("0")).count();
        assertThat(zeros).isEqualTo(numbers.size());
    }

    private static String expectedFromSeed() throws IOException, URISyntaxException {
        return squeeze(seed()).replace("2023年以来，", "2023年，").replace("校队", "校对")
                .replace("教育培训情况。", "教育培训情况").replace("今年来我局", "2023年我局");
    }

    private static String withoutPreamble(String squeezed) {
        int start = squeezed.indexOf("本报告根据");
        int end = squeezed.indexOf("一、总体情况");
        assertThat(start).isPositive().isLessThan(end);
        return squeezed.substring(0, start) + squeezed.substring(end);
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static String seed() throws IOException, URISyntaxException {
        return Files.readString(Path.of(SeedReportTest.class.getResource("/report/seed-2023.txt").toURI()),
                StandardCharsets.UTF_8);
    }

    private static Path facts() throws URISyntaxException {
        return Path.of(SeedReportTest.class.getResource("/report/2023.yml").toURI());
    }

    private static LedgerEntry imported(String key, LocalDateTime beijing) {
        return new LedgerEntry(0, null, "hongqi", LedgerEntry.UNKNOWN_MODE, null, null, 1, "", key, "招商引资", "",
                beijing.atZone(SHANGHAI).toInstant(), LedgerSource.IMPORT, key, null, null);
    }
}

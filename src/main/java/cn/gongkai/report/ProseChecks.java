package cn.gongkai.report;

import static cn.gongkai.report.TableCells.label;
import static cn.gongkai.report.TableCells.v;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * V8, V9 and the reminders: the bureau's own text agrees with the tables and with itself, and has none of the
 * slips seen in real reports. All are warnings.
 */
final class ProseChecks {
    private static final Pattern STATED_TOTAL = Pattern.compile("共\\s*(\\d+)\\s*([条件篇次项期场])([^。]*?)其中([^。]*)");
    private static final Pattern APPLICATIONS = Pattern.compile("(?:收到|新收|受理)[^。；，,]{0,12}?申请\\s*(\\d+)\\s*件");
    private static final Pattern NO_APPLICATIONS = Pattern.compile("无依申请公开|未收到[^。，]{0,8}申请");
    private static final Pattern REVIEWS = Pattern.compile("行政复议\\s*(\\d+)\\s*(?:件|起)");
    private static final Pattern LAWSUITS = Pattern.compile("行政诉讼\\s*(\\d+)\\s*(?:件|起)");
    private static final Pattern NO_REVIEWS = Pattern.compile("(?:无|未发生|没有|未被申请)[^。，]{0,6}行政复议");
    private static final Pattern NO_LAWSUITS = Pattern.compile("(?:无|未发生|没有|未被提起)[^。，]{0,6}行政诉讼");
    /** Slips seen in real reports (annual-report-format.md §8.1): as written, and the correct form. */
    private static final List<List<String>> SLIPS = List.of(List.of("校队", "校对"), List.of("国发办〔", "国办发〔"));

    private final Findings out;

    ProseChecks(Findings out) {
        this.out = out;
    }

    /** V8: numbers stated in the bureau's prose agree with the tables. */
    void v8(ReportFacts f, AnnualReport report) {
        BigDecimal received = v(f.table3(), Format2021.R1, 6);
        BigDecimal reviews = v(f.table4(), 0, 4);
        BigDecimal lawsuits = v(f.table4(), 1, 4).add(v(f.table4(), 2, 4));
        for (AnnualReport.Located p : report.paragraphs()) {
            stated(p, APPLICATIONS, "收到申请 ", received, "表三“" + label(Format2021.R1) + "”行“总计”列");
            if (NO_APPLICATIONS.matcher(p.text()).find() && received.signum() != 0) {
                out.warn("V8", p.where() + "说没有依申请公开事项，而表三“" + label(Format2021.R1) + "”行“总计”列为 "
                        + received.toPlainString());
            }
            stated(p, REVIEWS, "行政复议 ", reviews, "表四“行政复议·总计”");
            stated(p, LAWSUITS, "行政诉讼 ", lawsuits, "表四两项“行政诉讼·总计”之和");
            if (NO_REVIEWS.matcher(p.text()).find() && reviews.signum() != 0) {
                out.warn("V8", p.where() + "说没有行政复议，而表四“行政复议·总计”为 " + reviews.toPlainString());
            }
            if (NO_LAWSUITS.matcher(p.text()).find() && lawsuits.signum() != 0) {
                out.warn("V8", p.where() + "说没有行政诉讼，而表四行政诉讼总计为 " + lawsuits.toPlainString());
            }
        }
    }

    /** Each count {@code pattern} finds in the paragraph ("{@code said}N 件") equals {@code table}, or a warning. */
    private void stated(AnnualReport.Located p, Pattern pattern, String said, BigDecimal table, String cell) {
        Matcher m = pattern.matcher(p.text());
        while (m.find()) {
            if (new BigDecimal(m.group(1)).compareTo(table) != 0) {
                out.warn("V8", p.where() + "写“" + said + m.group(1) + " 件”，而" + cell + "为 " + table.toPlainString());
            }
        }
    }

    /** V9: a stated total in prose equals the sum of the parts listed after 其中. */
    void v9(AnnualReport report) {
        for (AnnualReport.Located p : report.paragraphs()) {
            Matcher m = STATED_TOTAL.matcher(p.text());
            while (m.find()) {
                statedTotal(p, Long.parseLong(m.group(1)), m.group(2), m.group(4));
            }
        }
    }

    private void statedTotal(AnnualReport.Located p, long total, String unit, String listed) {
        Matcher part = Pattern.compile("(\\d+)\\s*" + unit).matcher(listed);
        List<Long> parts = new ArrayList<>();
        while (part.find()) {
            parts.add(Long.parseLong(part.group(1)));
        }
        long sum = parts.stream().mapToLong(Long::longValue).sum();
        boolean wrongSum = parts.size() >= 2 && sum != total;
        boolean tooBig = parts.stream().anyMatch(n -> n > total);
        if (wrongSum || tooBig) {
            out.warn("V9", p.where() + "：“共 " + total + " " + unit + "”，而“其中”所列各项之和为 " + sum + "（"
                    + parts.stream().map(String::valueOf).collect(Collectors.joining(" + ")) + "）");
        }
    }

    /** Reminders outside V1–V12: loose wording of the period, known slips, and parts left empty. */
    void reminders(int year, ReportFacts f, AnnualReport report) {
        for (AnnualReport.Located p : report.paragraphs()) {
            for (String loose : List.of(year + "年以来", "今年来", "今年以来")) {
                if (p.text().contains(loose)) {
                    out.warn("提示", p.where() + "写“" + loose + "”：年度报告的统计期限是" + year + "年全年，宜写“" + year + "年”");
                }
            }
            for (List<String> slip : SLIPS) {
                if (p.text().contains(slip.get(0))) {
                    out.warn("提示", p.where() + "中的“" + slip.get(0) + "”应为“" + slip.get(1) + "”");
                }
            }
        }
        for (String table : f.omitted()) {
            out.warn("提示", "事实文件没有填写" + table + "，已按全部为 0 处理；请确认");
        }
        emptyParts(report);
    }

    /** Sections without content, and headings of section 一 without a paragraph after them. */
    private void emptyParts(AnnualReport report) {
        for (AnnualReport.Section s : report.sections()) {
            if (s.blocks().isEmpty()) {
                out.warn("提示", "“" + s.heading() + "”没有内容，请在事实文件中填写");
            }
        }
        List<AnnualReport.Block> one = report.sections().get(0).blocks();
        for (int i = 0; i < one.size(); i++) {
            boolean emptyHeading = one.get(i) instanceof AnnualReport.Heading
                    && (i + 1 == one.size() || !(one.get(i + 1) instanceof AnnualReport.Paragraph));
            if (emptyHeading) {
                out.warn("提示", "“" + ((AnnualReport.Heading) one.get(i)).text() + "”没有内容，请在事实文件中填写");
            }
        }
    }
}

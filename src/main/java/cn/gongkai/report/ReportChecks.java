package cn.gongkai.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The checks V1–V12 of annual-report-format.md §6. Errors name the table, the row, the column and both sums; they
 * block the export. Warnings are listed.
 */
public final class ReportChecks {
    private static final Pattern STATED_TOTAL = Pattern.compile("共\\s*(\\d+)\\s*([条件篇次项期场])([^。]*?)其中([^。]*)");
    private static final Pattern APPLICATIONS = Pattern.compile("(?:收到|新收|受理)[^。；，,]{0,12}?申请\\s*(\\d+)\\s*件");
    private static final Pattern NO_APPLICATIONS = Pattern.compile("无依申请公开|未收到[^。，]{0,8}申请");
    private static final Pattern REVIEWS = Pattern.compile("行政复议\\s*(\\d+)\\s*(?:件|起)");
    private static final Pattern LAWSUITS = Pattern.compile("行政诉讼\\s*(\\d+)\\s*(?:件|起)");
    private static final Pattern NO_REVIEWS = Pattern.compile("(?:无|未发生|没有|未被申请)[^。，]{0,6}行政复议");
    private static final Pattern NO_LAWSUITS = Pattern.compile("(?:无|未发生|没有|未被提起)[^。，]{0,6}行政诉讼");
    /** Slips seen in real reports (annual-report-format.md §8.1): as written, and the correct form. */
    private static final List<List<String>> SLIPS = List.of(List.of("校队", "校对"), List.of("国发办〔", "国办发〔"));
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");

    private final List<Finding> findings = new ArrayList<>();

    private ReportChecks() {
    }

    /**
     * Runs every check.
     *
     * @param previous last year's facts for the cross-year check V7, or null when there is no such file
     * @param previousSource where last year's facts were looked for, for the message when there are none
     * @param rendered   the text of the written report (Markdown, HTML, or the text of the Word file) for V10
     */
    public static List<Finding> run(int year, ReportFacts facts, ReportFacts previous, String previousSource,
                                    AnnualReport report, String rendered) {
        ReportChecks c = new ReportChecks();
        c.cells("表二", facts.table2(), ReportChecks::table2Row, ReportChecks::table2Column, true);
        c.cells("表三", facts.table3(), r -> Format2021.T3_ROWS.get(r).label(), (r, col) -> Format2021.T3_COLUMNS.get(col),
                false);
        c.cells("表四", facts.table4(), r -> Format2021.T4_GROUPS.get(r), (r, col) -> Format2021.T4_COLUMNS.get(col),
                false);
        c.v1(facts);
        c.v2(facts);
        c.v3(facts);
        c.v4(facts);
        c.v7(facts, previous, previousSource);
        c.v8(facts, report);
        c.v9(report);
        c.v10(rendered);
        c.v11(facts);
        c.v12(year, facts);
        c.reminders(year, facts, report);
        return List.copyOf(c.findings);
    }

    // ---- V5, V6: every cell a number ≥ 0, integers except the fee; never blank ----

    private interface RowName {
        String of(int row);
    }

    private interface ColumnName {
        String of(int row, int column);
    }

    private void cells(String table, List<List<Num>> rows, RowName rowName, ColumnName columnName, boolean feeRow) {
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Num n = rows.get(r).get(c);
                String where = table + "“" + rowName.of(r) + "”行“" + columnName.of(r, c) + "”列";
                boolean fee = feeRow && r == 5;
                if (n.blank()) {
                    String raw = n.raw().strip();
                    if (raw.isEmpty() || raw.equals("/") || raw.equals("—") || raw.equals("-") || raw.equals("／")
                            || raw.equals("——")) {
                        error("V6", where + (raw.isEmpty() ? "为空" : "写作“" + raw + "”")
                                + "：表中不能留空或写斜杠、横线，没有的填 0");
                    } else {
                        error("V5", where + "不是数字：“" + raw + "”");
                    }
                } else if (n.value().signum() < 0) {
                    error("V5", where + "为负数 " + n.raw() + "：" + (fee ? "金额" : "件数") + "不能小于 0");
                } else if (!fee && n.value().stripTrailingZeros().scale() > 0) {
                    error("V5", where + "为 " + n.raw() + "：件数必须是整数（只有收费金额可以有小数）");
                }
            }
        }
    }

    private static String table2Row(int r) {
        return List.of(Format2021.T2_RULES, Format2021.T2_NORMATIVE, Format2021.T2_LICENSING, Format2021.T2_PENALTY,
                Format2021.T2_COERCION, Format2021.T2_CHARGES).get(r);
    }

    private static String table2Column(int r, int c) {
        return r < 2 ? Format2021.T2_DOC_COLUMNS.get(c) : r == 5 ? Format2021.T2_FEES : Format2021.T2_DECISIONS;
    }

    // ---- table 三 and 四 sums ----

    /** V1: R1 + R2 = R24 + R25 in every column. */
    private void v1(ReportFacts f) {
        List<List<Num>> t = f.table3();
        for (int c = 0; c < 7; c++) {
            BigDecimal left = v(t, Format2021.R1, c).add(v(t, Format2021.R2, c));
            BigDecimal right = v(t, Format2021.R24, c).add(v(t, Format2021.R25, c));
            if (left.compareTo(right) != 0) {
                error("V1", "表三“" + Format2021.T3_COLUMNS.get(c) + "”列：第一项加第二项之和 " + left.toPlainString()
                        + "（" + label(Format2021.R1) + " " + text(t, Format2021.R1, c) + " + " + label(Format2021.R2)
                        + " " + text(t, Format2021.R2, c) + "）不等于第三项加第四项之和 " + right.toPlainString() + "（"
                        + label(Format2021.R24) + " " + text(t, Format2021.R24, c) + " + " + label(Format2021.R25) + " "
                        + text(t, Format2021.R25, c) + "）");
            }
        }
    }

    /** V2: c7 总计 = c1 + … + c6 in every row. */
    private void v2(ReportFacts f) {
        List<List<Num>> t = f.table3();
        for (int r = 0; r < 25; r++) {
            BigDecimal sum = BigDecimal.ZERO;
            List<String> parts = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                sum = sum.add(v(t, r, c));
                parts.add(text(t, r, c));
            }
            if (sum.compareTo(v(t, r, 6)) != 0) {
                error("V2", "表三“" + label(r) + "”行“总计”列为 " + text(t, r, 6) + "，而自然人至其他六列之和为 "
                        + sum.toPlainString() + "（" + String.join(" + ", parts) + "）");
            }
        }
    }

    /** V3: R24 （七）总计 = R3 + … + R23 in every column. */
    private void v3(ReportFacts f) {
        List<List<Num>> t = f.table3();
        for (int c = 0; c < 7; c++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int r = Format2021.R3; r <= Format2021.R23; r++) {
                sum = sum.add(v(t, r, c));
            }
            if (sum.compareTo(v(t, Format2021.R24, c)) != 0) {
                error("V3", "表三“（七）总计”行“" + Format2021.T3_COLUMNS.get(c) + "”列为 " + text(t, Format2021.R24, c)
                        + "，而（一）至（六）各项办理结果之和为 " + sum.toPlainString());
            }
        }
    }

    /** V4: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 in each group of table 四. */
    private void v4(ReportFacts f) {
        List<List<Num>> t = f.table4();
        for (int g = 0; g < 3; g++) {
            BigDecimal sum = BigDecimal.ZERO;
            List<String> parts = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                sum = sum.add(v(t, g, c));
                parts.add(text(t, g, c));
            }
            if (sum.compareTo(v(t, g, 4)) != 0) {
                String group = g == 0 ? "行政复议" : "行政诉讼·" + Format2021.T4_GROUPS.get(g);
                error("V4", "表四“" + group + "”的“总计”列为 " + text(t, g, 4) + "，而结果维持、结果纠正、其他结果、尚未审结之和为 "
                        + sum.toPlainString() + "（" + String.join(" + ", parts) + "）");
            }
        }
    }

    /** V7: this year's R2 上年结转 = last year's R25 结转下年度继续办理, per column (warning). */
    private void v7(ReportFacts f, ReportFacts previous, String previousSource) {
        if (previous == null) {
            warn("V7", "没有找到上年的事实文件（" + previousSource + "），未核对“上年结转”与上年“结转下年度继续办理”");
            return;
        }
        for (int c = 0; c < 7; c++) {
            BigDecimal now = v(f.table3(), Format2021.R2, c);
            BigDecimal before = v(previous.table3(), Format2021.R25, c);
            if (now.compareTo(before) != 0) {
                warn("V7", "表三“" + Format2021.T3_COLUMNS.get(c) + "”列：本年“" + label(Format2021.R2) + "”为 "
                        + now.toPlainString() + "，而上年报告（" + previous.source() + "）的“" + label(Format2021.R25)
                        + "”为 " + before.toPlainString());
            }
        }
        for (int r = 0; r < 2; r++) {
            BigDecimal expected = v(previous.table2(), r, 2).add(v(f.table2(), r, 0)).subtract(v(f.table2(), r, 1));
            BigDecimal stated = v(f.table2(), r, 2);
            if (expected.compareTo(stated) != 0) {
                warn("V7", "表二“" + table2Row(r) + "”行：现行有效件数 " + stated.toPlainString() + "，而上年现行有效 "
                        + v(previous.table2(), r, 2).toPlainString() + " + 本年制发 " + v(f.table2(), r, 0).toPlainString()
                        + " − 本年废止 " + v(f.table2(), r, 1).toPlainString() + " = " + expected.toPlainString()
                        + "（文件也可能到期失效，仅供核对）");
            }
        }
    }

    /** V8: numbers stated in the bureau's prose agree with the tables (warning). */
    private void v8(ReportFacts f, AnnualReport report) {
        BigDecimal received = v(f.table3(), Format2021.R1, 6);
        BigDecimal reviews = v(f.table4(), 0, 4);
        BigDecimal lawsuits = v(f.table4(), 1, 4).add(v(f.table4(), 2, 4));
        for (AnnualReport.Located p : report.paragraphs()) {
            Matcher m = APPLICATIONS.matcher(p.text());
            while (m.find()) {
                compare(p, "收到申请 " + m.group(1) + " 件", new BigDecimal(m.group(1)), received,
                        "表三“" + label(Format2021.R1) + "”行“总计”列");
            }
            if (NO_APPLICATIONS.matcher(p.text()).find() && received.signum() != 0) {
                warn("V8", p.where() + "说没有依申请公开事项，而表三“" + label(Format2021.R1) + "”行“总计”列为 "
                        + received.toPlainString());
            }
            m = REVIEWS.matcher(p.text());
            while (m.find()) {
                compare(p, "行政复议 " + m.group(1) + " 件", new BigDecimal(m.group(1)), reviews, "表四“行政复议·总计”");
            }
            m = LAWSUITS.matcher(p.text());
            while (m.find()) {
                compare(p, "行政诉讼 " + m.group(1) + " 件", new BigDecimal(m.group(1)), lawsuits,
                        "表四两项“行政诉讼·总计”之和");
            }
            if (NO_REVIEWS.matcher(p.text()).find() && reviews.signum() != 0) {
                warn("V8", p.where() + "说没有行政复议，而表四“行政复议·总计”为 " + reviews.toPlainString());
            }
            if (NO_LAWSUITS.matcher(p.text()).find() && lawsuits.signum() != 0) {
                warn("V8", p.where() + "说没有行政诉讼，而表四行政诉讼总计为 " + lawsuits.toPlainString());
            }
        }
    }

    private void compare(AnnualReport.Located p, String said, BigDecimal stated, BigDecimal table, String cell) {
        if (stated.compareTo(table) != 0) {
            warn("V8", p.where() + "写“" + said + "”，而" + cell + "为 " + table.toPlainString());
        }
    }

    /** V9: a stated total in prose equals the sum of the parts listed after 其中 (warning). */
    private void v9(AnnualReport report) {
        for (AnnualReport.Located p : report.paragraphs()) {
            Matcher m = STATED_TOTAL.matcher(p.text());
            while (m.find()) {
                long total = Long.parseLong(m.group(1));
                String unit = m.group(2);
                Matcher part = Pattern.compile("(\\d+)\\s*" + unit).matcher(m.group(4));
                List<Long> parts = new ArrayList<>();
                while (part.find()) {
                    parts.add(Long.parseLong(part.group(1)));
                }
                long sum = parts.stream().mapToLong(Long::longValue).sum();
                boolean listed = parts.size() >= 2 && sum != total;
                boolean tooBig = parts.stream().anyMatch(n -> n > total);
                if (listed || tooBig) {
                    warn("V9", p.where() + "：“共 " + total + " " + unit + "”，而“其中”所列各项之和为 " + sum + "（"
                            + parts.stream().map(String::valueOf).collect(Collectors.joining(" + ")) + "）");
                }
            }
        }
    }

    /** V10: the written report carries every heading and label exactly, and no wording of the old format. */
    private void v10(String rendered) {
        String text = TAGS.matcher(rendered).replaceAll("\n").replace("&ldquo;", "“").replace("&rdquo;", "”")
                .replace("&amp;", "&");
        for (String label : Format2021.requiredLabels()) {
            if (!text.contains(label)) {
                error("V10", "报告中缺少规定的标签“" + label + "”（须与 2021 年格式逐字一致）");
            }
        }
        List<String> tokens = text.lines().flatMap(l -> java.util.Arrays.stream(l.split("[|\\t]"))).map(String::strip)
                .map(s -> s.replaceAll("^#+\\s*|\\*\\*", "").strip()).toList();
        for (List<String> wrong : Format2021.WRONG_LABELS) {
            if (tokens.contains(wrong.get(0))) {
                error("V10", "报告中有旧格式或不规范的标签“" + wrong.get(0) + "”，应为“" + wrong.get(1) + "”");
            }
        }
    }

    /** V11: each request is counted once: the outcomes and the carried-over cannot exceed the requests. */
    private void v11(ReportFacts f) {
        List<List<Num>> t = f.table3();
        for (int c = 0; c < 7; c++) {
            BigDecimal outcomes = BigDecimal.ZERO;
            for (int r = Format2021.R3; r <= Format2021.R23; r++) {
                outcomes = outcomes.add(v(t, r, c));
            }
            BigDecimal handled = outcomes.add(v(t, Format2021.R25, c));
            BigDecimal requests = v(t, Format2021.R1, c).add(v(t, Format2021.R2, c));
            if (handled.compareTo(requests) > 0) {
                error("V11", "表三“" + Format2021.T3_COLUMNS.get(c) + "”列：各项办理结果与结转下年度之和 "
                        + handled.toPlainString() + " 多于申请数 " + requests.toPlainString()
                        + "（本年新收加上年结转）：每件申请只能计入一种办理结果，部分公开的只计入（二）");
            }
        }
    }

    /** V12: the statistical period is the calendar year; the report is published by 31 January of the next year. */
    private void v12(int year, ReportFacts f) {
        if (f.year() != year) {
            error("V12", "事实文件 " + f.source() + " 的“年度”为 " + f.year() + "，而要生成的是 " + year + " 年的报告");
        }
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        if ((f.periodFrom() != null && !f.periodFrom().equals(first)) || (f.periodTo() != null
                && !f.periodTo().equals(last))) {
            error("V12", "统计期限写作 " + f.periodFrom() + " 至 " + f.periodTo() + "，应为 " + first + " 至 " + last);
        }
        LocalDate deadline = LocalDate.of(year + 1, 1, 31);
        if (f.publishedOn() == null) {
            warn("V12", "未填写“发布日期”；年度报告须于 " + deadline + " 前公开（《条例》第四十九条）");
        } else if (f.publishedOn().isAfter(deadline)) {
            error("V12", "发布日期 " + f.publishedOn() + " 晚于法定期限 " + deadline + "（《条例》第四十九条）");
        } else if (!f.publishedOn().isAfter(last)) {
            error("V12", "发布日期 " + f.publishedOn() + " 早于统计期限结束（" + last + "），年度报告应在次年 1 月公开");
        }
    }

    private void reminders(int year, ReportFacts f, AnnualReport report) {
        for (AnnualReport.Located p : report.paragraphs()) {
            for (String loose : List.of(year + "年以来", "今年来", "今年以来")) {
                if (p.text().contains(loose)) {
                    warn("提示", p.where() + "写“" + loose + "”：年度报告的统计期限是" + year + "年全年，宜写“" + year + "年”");
                }
            }
            for (List<String> slip : SLIPS) {
                if (p.text().contains(slip.get(0))) {
                    warn("提示", p.where() + "中的“" + slip.get(0) + "”应为“" + slip.get(1) + "”");
                }
            }
        }
        for (String table : f.omitted()) {
            warn("提示", "事实文件没有填写" + table + "，已按全部为 0 处理；请确认");
        }
        for (AnnualReport.Section s : report.sections()) {
            if (s.blocks().isEmpty()) {
                warn("提示", "“" + s.heading() + "”没有内容，请在事实文件中填写");
            }
        }
        List<AnnualReport.Block> one = report.sections().get(0).blocks();
        for (int i = 0; i < one.size(); i++) {
            boolean emptyHeading = one.get(i) instanceof AnnualReport.Heading h
                    && (i + 1 == one.size() || !(one.get(i + 1) instanceof AnnualReport.Paragraph));
            if (emptyHeading) {
                warn("提示", "“" + ((AnnualReport.Heading) one.get(i)).text() + "”没有内容，请在事实文件中填写");
            }
        }
    }

    private static BigDecimal v(List<List<Num>> t, int r, int c) {
        return t.get(r).get(c).orZero();
    }

    private static String text(List<List<Num>> t, int r, int c) {
        Num n = t.get(r).get(c);
        return n.blank() ? "（空）" : n.text();
    }

    private static String label(int row) {
        return Format2021.T3_ROWS.get(row).label();
    }

    private void error(String check, String message) {
        findings.add(new Finding(check, Finding.Severity.ERROR, message));
    }

    private void warn(String check, String message) {
        findings.add(new Finding(check, Finding.Severity.WARNING, message));
    }
}

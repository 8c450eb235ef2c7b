package cn.gongkai.report;

import static cn.gongkai.report.TableCells.label;
import static cn.gongkai.report.TableCells.table2Row;
import static cn.gongkai.report.TableCells.v;

import java.math.BigDecimal;
import java.time.LocalDate;

/** V7 and V12: the report covers its calendar year, joins last year's, and is published in time. */
final class YearChecks {
    private final Findings out;

    YearChecks(Findings out) {
        this.out = out;
    }

    /** V7: this year's R2 上年结转 = last year's R25 结转下年度继续办理, per column (warning). */
    void v7(ReportFacts f, ReportFacts previous, String previousSource) {
        if (previous == null) {
            out.warn("V7", "没有找到上年的事实文件（" + previousSource + "），未核对“上年结转”与上年“结转下年度继续办理”");
            return;
        }
        for (int c = 0; c < 7; c++) {
            BigDecimal now = v(f.table3(), Format2021.R2, c);
            BigDecimal before = v(previous.table3(), Format2021.R25, c);
            if (now.compareTo(before) != 0) {
                out.warn("V7", "表三“" + Format2021.T3_COLUMNS.get(c) + "”列：本年“" + label(Format2021.R2) + "”为 "
                        + now.toPlainString() + "，而上年报告（" + previous.source() + "）的“" + label(Format2021.R25)
                        + "”为 " + before.toPlainString());
            }
        }
        for (int r = 0; r < 2; r++) {
            documentsInForce(f, previous, r);
        }
    }

    /** V7 for row {@code r} of table 二: documents in force = last year's + issued − repealed (warning). */
    private void documentsInForce(ReportFacts f, ReportFacts previous, int r) {
        BigDecimal expected = v(previous.table2(), r, 2).add(v(f.table2(), r, 0)).subtract(v(f.table2(), r, 1));
        BigDecimal stated = v(f.table2(), r, 2);
        if (expected.compareTo(stated) != 0) {
            out.warn("V7", "表二“" + table2Row(r) + "”行：现行有效件数 " + stated.toPlainString() + "，而上年现行有效 "
                    + v(previous.table2(), r, 2).toPlainString() + " + 本年制发 " + v(f.table2(), r, 0).toPlainString()
                    + " − 本年废止 " + v(f.table2(), r, 1).toPlainString() + " = " + expected.toPlainString()
                    + "（文件也可能到期失效，仅供核对）");
        }
    }

    /** V12: the statistical period is the calendar year; the report is published by 31 January of the next year. */
    void v12(int year, ReportFacts f) {
        if (f.year() != year) {
            out.error("V12", "事实文件 " + f.source() + " 的“年度”为 " + f.year() + "，而要生成的是 " + year + " 年的报告");
        }
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        if ((f.periodFrom() != null && !f.periodFrom().equals(first)) || (f.periodTo() != null
                && !f.periodTo().equals(last))) {
            out.error("V12", "统计期限写作 " + f.periodFrom() + " 至 " + f.periodTo() + "，应为 " + first + " 至 " + last);
        }
        LocalDate deadline = LocalDate.of(year + 1, 1, 31);
        if (f.publishedOn() == null) {
            out.warn("V12", "未填写“发布日期”；年度报告须于 " + deadline + " 前公开（《条例》第四十九条）");
        } else if (f.publishedOn().isAfter(deadline)) {
            out.error("V12", "发布日期 " + f.publishedOn() + " 晚于法定期限 " + deadline + "（《条例》第四十九条）");
        } else if (!f.publishedOn().isAfter(last)) {
            out.error("V12", "发布日期 " + f.publishedOn() + " 早于统计期限结束（" + last + "），年度报告应在次年 1 月公开");
        }
    }
}

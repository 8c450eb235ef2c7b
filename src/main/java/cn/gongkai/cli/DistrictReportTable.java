package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.report.DistrictReports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code gongkai report --year Y --district --out FILE.xlsx}: the district's summary table of every unit's annual
 * report draft (全区政府信息公开工作年度报告汇总表), written whole or not at all. The units' facts files are only read.
 */
final class DistrictReportTable {
    private DistrictReportTable() {
    }

    static int write(Wiring w, Path factsDir, int year, Path file, PrintWriter out) throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw new UserError("--district 输出 Excel 表格，--out 的文件名须以 .xlsx 结尾：" + file);
        }
        DistrictReports.Summary s = DistrictReports.of(w.config(),
                w.units().all().stream().map(cn.gongkai.review.Units.Unit::config).toList(), factsDir, w::reports,
                w::counter).year(year);
        byte[] xlsx = DistrictReports.xlsx(s);
        WholeFile.write(file, xlsx);
        long failing = s.units().stream().filter(l -> l.errors() > 0).count();
        out.println("已生成 " + file + "（" + year + " 年" + DistrictReports.TITLE + "：" + s.units().size() + " 个单位，"
                + s.total().filed() + " 个已填写事实文件，" + failing + " 个核对有错误；主动公开合计 "
                + s.total().articles() + " 条）");
        return ExitCodes.OK;
    }
}

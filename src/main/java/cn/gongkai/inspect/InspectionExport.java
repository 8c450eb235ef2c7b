package cn.gongkai.inspect;

import cn.gongkai.report.Csv;
import cn.gongkai.report.XlsxSheets;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The quarterly inspection export the office hands upward: one row per finding (an account without findings gets
 * one row), as CSV or XLSX. Every cell is text, neutralised like the ledger's (a cell starting with =, +, -, @, a tab
 * or a carriage return gets a leading quote), except 期间更新数, a number.
 */
public final class InspectionExport {
    public static final List<String> COLUMNS = List.of("单位", "公众号", "期间更新数", "最近更新", "未更新天数", "问题类型",
            "文章", "链接", "问题内容", "建议");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final int UPDATES = 2;
    private static final int[] WIDTHS = {18, 18, 10, 12, 14, 18, 36, 44, 40, 36};

    private final java.util.function.Function<String, String> unitOfAccount;
    private final ZoneId zone;

    /** @param unit the name of the unit the accounts belong to (红旗区商务局) */
    public InspectionExport(String unit, ZoneId zone) {
        this(account -> unit, zone);
    }

    /** @param unitOfAccount the name of the unit (单位) an account id belongs to, for a district's several units */
    public InspectionExport(java.util.function.Function<String, String> unitOfAccount, ZoneId zone) {
        this.unitOfAccount = unitOfAccount;
        this.zone = zone;
    }

    /** The rows under {@link #COLUMNS}, plain text. */
    public List<List<String>> rows(List<AccountStatus> accounts) {
        List<List<String>> out = new ArrayList<>();
        for (AccountStatus s : accounts) {
            List<String> head = List.of(unitOfAccount.apply(s.account().id()), s.account().name(), Integer.toString(s.updates()),
                    s.lastUpdate().map(t -> DAY.format(t.atZone(zone))).orElse("无"), s.idle().text());
            if (s.findings().isEmpty()) {
                out.add(concat(head, List.of("", "", "", "", "")));
            }
            for (Finding f : s.findings()) {
                out.add(concat(head, List.of(f.kind().label(), f.title(), f.url(), f.problem(), f.suggestion())));
            }
        }
        return out;
    }

    /** UTF-8 CSV with a byte-order mark (Excel shows the Chinese text), cells neutralised. */
    public byte[] csv(List<AccountStatus> accounts) {
        StringBuilder out = new StringBuilder("\uFEFF").append(Csv.line(COLUMNS)).append("\r\n");
        for (List<String> row : rows(accounts)) {
            out.append(Csv.line(row)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The workbook: one sheet named for the period, a bold head row, text cells, 期间更新数 as a number. */
    public byte[] xlsx(InspectionPeriod period, List<AccountStatus> accounts) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<String> r : rows(accounts)) {
            List<Object> cells = new ArrayList<>(r);
            cells.set(UPDATES, Long.parseLong(r.get(UPDATES)));
            rows.add(cells);
        }
        return XlsxSheets.write(List.of(new XlsxSheets.Sheet("账号巡查 " + period.from() + "至" + period.to(), COLUMNS,
                WIDTHS, rows)));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}

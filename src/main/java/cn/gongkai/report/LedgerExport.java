package cn.gongkai.report;

import cn.gongkai.item.Scope;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerRepository;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.AuditLog;
import cn.gongkai.review.ReviewService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The year's ledger as evidence for the annual report ({@code gongkai ledger export}): one row per ledger row, with
 * who approved the published text (the APPROVE rows of the item's audit trail for the content that was published).
 * Corrections and deleted articles are listed and marked, so the count can be followed row by row.
 */
public final class LedgerExport {
    /** The columns, as staff see them. */
    public static final List<String> COLUMNS = List.of("序号", "发布时间", "标题", "分类", "部门", "公众号", "链接", "审核人",
            "来源", "备注");
    /** The name of the 报区政府办 sheet. */
    public static final String PORTAL_SHEET = "报区政府办";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final LedgerRepository ledger;
    private final AuditLog audit;
    private final Counter counter;
    private final PortalLedger portals;

    public LedgerExport(LedgerRepository ledger, AuditLog audit, Counter counter) {
        this(ledger, audit, counter, null);
    }

    /** An export that also writes the 报区政府办 sheet ({@code portals} may be null: the ledger only). */
    public LedgerExport(LedgerRepository ledger, AuditLog audit, Counter counter, PortalLedger portals) {
        this.ledger = ledger;
        this.audit = audit;
        this.counter = counter;
        this.portals = portals;
    }

    /** The rows of the year, in publishing order, as text cells under {@link #COLUMNS}. */
    public List<List<String>> rows(int year) {
        return rows(year, Scope.district());
    }

    /** The rows of the year that {@code scope} sees (its unit's), as {@link #rows(int)}. */
    public List<List<String>> rows(int year, Scope scope) {
        ZoneId zone = counter.zone();
        List<LedgerEntry> entries = ledger.between(counter.startOf(year), counter.startOf(year + 1), scope);
        Map<Long, Integer> number = new java.util.HashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (LedgerEntry e : entries) {
            number.put(e.id(), rows.size() + 1);
            List<String> note = new ArrayList<>();
            if (e.correction()) {
                Integer original = number.get(e.correctsId());
                note.add("更正" + (original == null ? "往年第 " + e.correctsId() + " 号台账记录" : "第 " + original + " 行")
                        + "，不重复计数");
            }
            if (e.deleted()) {
                note.add("已于 " + MINUTE.format(e.deletedAt().atZone(zone)) + " 删除，仍计入发布数");
            }
            rows.add(List.of(String.valueOf(rows.size() + 1), MINUTE.format(e.publishedAt().atZone(zone)),
                    nz(e.title()), nz(e.category()), nz(e.department()), e.account(), nz(e.url()), approvers(e),
                    e.source().label(), String.join("；", note)));
        }
        return rows;
    }

    /**
     * UTF-8 CSV with a byte-order mark, so that Excel shows the Chinese text; text cells that would start a formula
     * are made inert ({@link Csv}).
     */
    public byte[] csv(int year) {
        return csv(year, Scope.district());
    }

    /** The CSV of the rows {@code scope} sees. */
    public byte[] csv(int year, Scope scope) {
        return csv(COLUMNS, rows(year, scope));
    }

    /** The 报区政府办 sheet as CSV, like {@link #csv(int)}; an {@link IllegalStateException} without the channel. */
    public byte[] portalCsv(int year) {
        return portalCsv(year, Scope.district());
    }

    /** The 报区政府办 sheet of the deliveries {@code scope} sees, as CSV. */
    public byte[] portalCsv(int year, Scope scope) {
        if (portals == null) {
            throw new IllegalStateException("no 报区政府办 channel was given to this export");
        }
        return csv(PortalLedger.COLUMNS, portals.rows(year, scope));
    }

    private static byte[] csv(List<String> columns, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(Csv.line(columns)).append("\r\n");
        for (List<String> r : rows) {
            out.append(Csv.number(Long.parseLong(r.get(0)))).append(',').append(Csv.line(r.subList(1, r.size())))
                    .append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The workbook: the ledger sheet, and with the 报区政府办 channel a sheet of its deliveries. User text always goes
     * in as text cells (never formulas), the row and item numbers as numbers.
     */
    public byte[] xlsx(int year) {
        return xlsx(year, Scope.district());
    }

    /** The workbook of the rows {@code scope} sees, its 报区政府办 sheet too. */
    public byte[] xlsx(int year, Scope scope) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            sheet(wb.createSheet(year + "年发布台账"), bold, COLUMNS, rows(year, scope),
                    new int[] {6, 18, 48, 10, 14, 10, 40, 40, 10, 30});
            if (portals != null) {
                sheet(wb.createSheet(PORTAL_SHEET), bold, PortalLedger.COLUMNS, portals.rows(year, scope),
                        new int[] {10, 48, 10, 28, 10, 18, 44, 18, 40});
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ledger of " + year + " as XLSX", e);
        }
    }

    /** One sheet: a bold head row, the first column as numbers, the others as text cells. */
    private static void sheet(Sheet sheet, CellStyle bold, List<String> columns, List<List<String>> rows,
                              int[] widths) {
        Row head = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            head.createCell(c).setCellValue(columns.get(c));
            head.getCell(c).setCellStyle(bold);
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            row.createCell(0).setCellValue(Long.parseLong(rows.get(r).get(0)));
            for (int c = 1; c < columns.size(); c++) {
                row.createCell(c).setCellValue(rows.get(r).get(c));
            }
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    /** 张科长（业务部门分管领导）、李主任（办公室主任）… for the content that was published. */
    private String approvers(LedgerEntry e) {
        if (e.source() != LedgerSource.GONGKAI) {
            return "";
        }
        List<AuditEntry> history = audit.history(e.itemId());
        String hash = history.stream().filter(a -> a.decision().equals("PUBLISH")).map(AuditEntry::contentHash)
                .reduce((a, b) -> b)
                .orElse(history.stream().filter(a -> a.decision().equals("APPROVE")).map(AuditEntry::contentHash)
                        .reduce((a, b) -> b).orElse(""));
        return history.stream().filter(a -> a.decision().equals("APPROVE") && hash.equals(a.contentHash()))
                .map(a -> a.role().isEmpty() ? a.actor() : a.actor() + "（" + ReviewService.roleLabel(a.role()) + "）")
                .collect(Collectors.joining("、"));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

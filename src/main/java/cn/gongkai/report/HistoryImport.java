package cn.gongkai.report;

import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerRepository;
import cn.gongkai.publish.LedgerSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Imports articles published before gongkai was installed ({@code gongkai ledger import FILE.csv|.xlsx}): a header
 * row {@code published_at,title,category,url,department,account} ({@code account} may be left out or empty when
 * there is one account), {@code published_at} as {@code YYYY-MM-DD HH:MM} in the configured zone. Any bad row
 * rejects the whole file, naming its line; importing the same rows again adds nothing.
 */
public final class HistoryImport {
    static final List<String> HEADER = List.of("published_at", "title", "category", "url", "department", "account");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final int MAX_TITLE = 64;

    private final LedgerRepository ledger;
    private final ZoneId zone;
    private final List<String> categories;
    private final List<String> accounts;

    /**
     * @param accounts the configured account ids
     */
    public HistoryImport(LedgerRepository ledger, ZoneId zone, List<String> categories, List<String> accounts) {
        this.ledger = ledger;
        this.zone = zone;
        this.categories = List.copyOf(categories);
        this.accounts = List.copyOf(accounts);
    }

    /** What an import did: rows added, rows already there, or the problems that stopped it (nothing added). */
    public record Result(int added, int alreadyThere, List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Result importFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<List<String>> rows;
        List<Integer> lines = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return new Result(0, 0, List.of(file + "：文件不存在"));
        }
        try {
            if (name.endsWith(".csv")) {
                rows = csv(file, lines);
            } else if (name.endsWith(".xlsx")) {
                rows = xlsx(file, lines);
            } else {
                return new Result(0, 0, List.of(file + "：只能导入 .csv 或 .xlsx 文件"));
            }
        } catch (CharacterCodingException e) {
            return new Result(0, 0, List.of(file + "：不是 UTF-8 编码；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或直接导入 .xlsx"));
        } catch (IOException | RuntimeException e) {
            return new Result(0, 0, List.of(file + "：无法读取（" + e.getMessage() + "）"));
        }
        return importRows(file.getFileName().toString(), rows, lines);
    }

    private Result importRows(String file, List<List<String>> rows, List<Integer> lines) {
        List<String> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            return new Result(0, 0, List.of(file + "：文件是空的；第 1 行应为表头 " + String.join(",", HEADER)));
        }
        List<String> header = rows.get(0).stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        boolean hasAccount = header.equals(HEADER);
        if (!hasAccount && !header.equals(HEADER.subList(0, 5))) {
            return new Result(0, 0, List.of(file + " 第 " + lines.get(0) + " 行：表头应为 " + String.join(",", HEADER)
                    + "（只有一个公众号时可省略 account 列），实际为 " + String.join(",", rows.get(0))));
        }
        List<LedgerEntry> entries = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.stream().allMatch(String::isBlank)) {
                continue;
            }
            String where = file + " 第 " + lines.get(i) + " 行：";
            int before = problems.size();
            if (r.size() != header.size()) {
                problems.add(where + "应有 " + header.size() + " 列，实际 " + r.size() + " 列（含逗号的内容请用英文双引号括起来）");
                continue;
            }
            LocalDateTime at = null;
            try {
                at = LocalDateTime.parse(r.get(0).strip(), MINUTE);
            } catch (DateTimeParseException e) {
                problems.add(where + "published_at 应写作 YYYY-MM-DD HH:MM（北京时间），实际为“" + r.get(0) + "”");
            }
            String title = r.get(1).strip();
            if (title.isEmpty()) {
                problems.add(where + "title 不能为空");
            } else if (title.codePointCount(0, title.length()) > MAX_TITLE) {
                problems.add(where + "title 超过 " + MAX_TITLE + " 字");
            }
            String category = r.get(2).strip();
            if (!categories.contains(category)) {
                problems.add(where + "category“" + category + "”不在配置的分类中（" + String.join("、", categories) + "）");
            }
            String url = r.get(3).strip();
            if (!url.isEmpty() && !url.startsWith("http://") && !url.startsWith("https://")) {
                problems.add(where + "url 应以 http:// 或 https:// 开头，实际为“" + url + "”");
            }
            String department = r.get(4).strip();
            String account = hasAccount ? r.get(5).strip() : "";
            if (account.isEmpty()) {
                if (accounts.size() != 1) {
                    problems.add(where + "配置了多个公众号（" + String.join("、", accounts) + "），account 不能为空");
                } else {
                    account = accounts.get(0);
                }
            } else if (!accounts.contains(account)) {
                problems.add(where + "account“" + account + "”不是配置的公众号 id（" + String.join("、", accounts) + "）");
            }
            if (problems.size() == before) {
                String key = "import:" + account + "|" + r.get(0).strip() + "|" + title;
                entries.add(new LedgerEntry(0, null, account, LedgerEntry.UNKNOWN_MODE, null, null, 1, url, title,
                        category, department, at.atZone(zone).toInstant(), LedgerSource.IMPORT, key, null, null));
            }
        }
        if (!problems.isEmpty()) {
            problems.add("共 " + problems.size() + " 个问题，整个文件未导入。");
            return new Result(0, 0, problems);
        }
        int added = ledger.recordAll(entries);
        return new Result(added, entries.size() - added, List.of());
    }

    /** Rows of a UTF-8 CSV (RFC 4180 quoting, optional BOM); {@code lines} gets each row's first line number. */
    static List<List<String>> csv(Path file, List<Integer> lines) throws IOException {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                .toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.length() == 0) {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                lines.add(rowStart);
                row = new ArrayList<>();
                line++;
                rowStart = line;
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
            lines.add(rowStart);
        }
        return rows;
    }

    /** Rows of the first sheet; a date cell reads as YYYY-MM-DD HH:MM. */
    static List<List<String>> xlsx(Path file, List<Integer> lines) throws IOException {
        DataFormatter format = new DataFormatter(Locale.ROOT);
        try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            int width = -1;
            for (Row r : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(r.getLastCellNum(), width); c++) {
                    Cell cell = r.getCell(c);
                    if (cell == null) {
                        cells.add("");
                    } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                        cells.add(MINUTE.format(cell.getLocalDateTimeCellValue()));
                    } else {
                        cells.add(format.formatCellValue(cell));
                    }
                }
                while (cells.size() > Math.max(width, 0) && cells.get(cells.size() - 1).isBlank()) {
                    cells.remove(cells.size() - 1);
                }
                if (width < 0) {
                    width = cells.size();
                }
                rows.add(cells);
                lines.add(r.getRowNum() + 1);
            }
            return rows;
        }
    }
}

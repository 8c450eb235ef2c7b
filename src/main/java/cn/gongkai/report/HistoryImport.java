package cn.gongkai.report;

import cn.gongkai.item.WeChatLimits;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerRepository;
import cn.gongkai.publish.LedgerSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
 * rejects the whole file, naming its line; importing the same rows again adds nothing. A row for an article the
 * ledger already has in another way — published by gongkai, found by {@code ledger reconcile}, or imported before
 * with another time or title — is skipped and named, so no article is counted twice: the same article link (for
 * {@code mp.weixin.qq.com} links, the same {@code __biz}, {@code mid} and {@code idx}), or the same account, day
 * and title.
 */
public final class HistoryImport {
    static final List<String> HEADER = List.of("published_at", "title", "category", "url", "department", "account");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    /** RFC 4180 as Excel writes it; empty lines are kept as rows so that row numbers stay the editor's lines. */
    private static final CSVFormat CSV_FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

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

    /**
     * What an import did: rows added, rows imported before from the same file, rows skipped as articles the ledger
     * already has in another way (one message each), or the problems that stopped it (nothing added).
     */
    public record Result(int added, int alreadyThere, List<String> skipped, List<String> problems) {
        public Result {
            skipped = List.copyOf(skipped);
            problems = List.copyOf(problems);
        }

        static Result refused(List<String> problems) {
            return new Result(0, 0, List.of(), problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }

        /** What staff read after an import that went through: the counts, then each skipped row. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add("已导入 " + added + " 条" + (alreadyThere > 0 ? "，另有 " + alreadyThere + " 条此前已导入，未重复计入" : "")
                    + (skipped.isEmpty() ? "" : "，另有 " + skipped.size() + " 条台账中已有，未重复计入") + "。");
            out.addAll(skipped);
            return out;
        }
    }

    public Result importFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Result.refused(List.of(file + "：文件不存在"));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Result.refused(List.of(file + "：无法读取（" + e.getMessage() + "）"));
        }
        return importContent(file.toString(), file.getFileName().toString(), bytes);
    }

    /** Imports an uploaded file (the console): {@code fileName} says whether it is .csv or .xlsx and names it. */
    public Result importUpload(String fileName, byte[] bytes) {
        return importContent(fileName, fileName, bytes);
    }

    /**
     * @param shownAs what messages about the whole file call it (a path from the command line)
     * @param fileName the file's own name: its extension decides the format, and row messages name it
     */
    private Result importContent(String shownAs, String fileName, byte[] bytes) {
        String name = fileName.toLowerCase(Locale.ROOT);
        List<List<String>> rows;
        List<Integer> lines = new ArrayList<>();
        try {
            if (name.endsWith(".csv")) {
                rows = csv(bytes, lines);
            } else if (name.endsWith(".xlsx")) {
                rows = xlsx(bytes, lines);
            } else {
                return Result.refused(List.of(shownAs + "：只能导入 .csv 或 .xlsx 文件"));
            }
        } catch (CharacterCodingException e) {
            return Result.refused(List.of(shownAs + "：不是 UTF-8 编码；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或直接导入 .xlsx"));
        } catch (IOException | RuntimeException e) {
            return Result.refused(List.of(shownAs + "：无法读取（" + e.getMessage() + "）"));
        }
        return importRows(fileName, rows, lines);
    }

    private Result importRows(String file, List<List<String>> rows, List<Integer> lines) {
        List<String> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            return Result.refused(List.of(file + "：文件是空的；第 1 行应为表头 " + String.join(",", HEADER)));
        }
        List<String> header = rows.get(0).stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        boolean hasAccount = header.equals(HEADER);
        if (!hasAccount && !header.equals(HEADER.subList(0, 5))) {
            return Result.refused(List.of(file + " 第 " + lines.get(0) + " 行：表头应为 " + String.join(",", HEADER)
                    + "（只有一个公众号时可省略 account 列），实际为 " + String.join(",", rows.get(0))));
        }
        List<LedgerEntry> entries = new ArrayList<>();
        List<String> places = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.stream().allMatch(String::isBlank)) {
                continue;
            }
            String place = file + " 第 " + lines.get(i) + " 行";
            LedgerEntry entry = entry(place + "：", r, header.size(), hasAccount, problems);
            if (entry != null) {
                entries.add(entry);
                places.add(place);
            }
        }
        if (!problems.isEmpty()) {
            problems.add("共 " + problems.size() + " 个问题，整个文件未导入。");
            return Result.refused(problems);
        }
        List<String> skipped = new ArrayList<>();
        List<LedgerEntry> fresh = withoutArticlesAlreadyCounted(entries, places, skipped);
        int added = ledger.recordAll(fresh);
        return new Result(added, fresh.size() - added, skipped, List.of());
    }

    /** The ledger row of one line of the file, or null when the line has problems ({@code where} starts each). */
    private LedgerEntry entry(String where, List<String> r, int columns, boolean hasAccount, List<String> problems) {
        if (r.size() != columns) {
            problems.add(where + "应有 " + columns + " 列，实际 " + r.size() + " 列（含逗号的内容请用英文双引号括起来）");
            return null;
        }
        int before = problems.size();
        LocalDateTime at = publishedAt(where, r.get(0), problems);
        String title = title(where, r.get(1).strip(), problems);
        String category = r.get(2).strip();
        if (!categories.contains(category)) {
            problems.add(where + "category“" + category + "”不在配置的分类中（" + String.join("、", categories) + "）");
        }
        String url = r.get(3).strip();
        if (!url.isEmpty() && !url.startsWith("http://") && !url.startsWith("https://")) {
            problems.add(where + "url 应以 http:// 或 https:// 开头，实际为“" + url + "”");
        }
        String account = account(where, hasAccount ? r.get(5).strip() : "", problems);
        if (problems.size() != before) {
            return null;
        }
        String key = "import:" + account + "|" + r.get(0).strip() + "|" + title;
        return new LedgerEntry(0, null, account, LedgerEntry.UNKNOWN_MODE, null, null, 1, url, title, category,
                r.get(4).strip(), at.atZone(zone).toInstant(), LedgerSource.IMPORT, key, null, null);
    }

    private static LocalDateTime publishedAt(String where, String cell, List<String> problems) {
        try {
            return LocalDateTime.parse(cell.strip(), MINUTE);
        } catch (DateTimeParseException e) {
            problems.add(where + "published_at 应写作 YYYY-MM-DD HH:MM（北京时间），实际为“" + cell + "”");
            return null;
        }
    }

    private static String title(String where, String title, List<String> problems) {
        if (title.isEmpty()) {
            problems.add(where + "title 不能为空");
        } else if (WeChatLimits.chars(title) > WeChatLimits.HISTORY_TITLE_CHARS) {
            problems.add(where + "title 超过 " + WeChatLimits.HISTORY_TITLE_CHARS + " 字");
        }
        return title;
    }

    /** The account of a line: as written, or the only configured one when the cell is empty. */
    private String account(String where, String account, List<String> problems) {
        if (account.isEmpty()) {
            if (accounts.size() != 1) {
                problems.add(where + "配置了多个公众号（" + String.join("、", accounts) + "），account 不能为空");
                return account;
            }
            return accounts.get(0);
        }
        if (!accounts.contains(account)) {
            problems.add(where + "account“" + account + "”不是配置的公众号 id（" + String.join("、", accounts) + "）");
        }
        return account;
    }

    /**
     * The entries less those for articles the ledger (or an earlier row of the file) already has under another key;
     * a message for each one left out goes to {@code skipped}. Rows imported before with the same key stay: the
     * ledger itself adds them once.
     */
    private List<LedgerEntry> withoutArticlesAlreadyCounted(List<LedgerEntry> entries, List<String> places,
                                                            List<String> skipped) {
        if (entries.isEmpty()) {
            return entries;
        }
        Instant first = entries.stream().map(LedgerEntry::publishedAt).min(Instant::compareTo).orElseThrow();
        Instant last = entries.stream().map(LedgerEntry::publishedAt).max(Instant::compareTo).orElseThrow();
        Instant from = first.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        Instant to = last.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, LedgerEntry> byLink = new HashMap<>();
        Map<String, LedgerEntry> byDayAndTitle = new HashMap<>();
        Set<String> keys = new HashSet<>();
        for (LedgerEntry e : ledger.between(from, to)) {
            remember(e, byLink, byDayAndTitle);
            if (e.sourceKey() != null) {
                keys.add(e.sourceKey());
            }
        }
        List<LedgerEntry> fresh = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            LedgerEntry e = entries.get(i);
            if (keys.contains(e.sourceKey())) {
                fresh.add(e);
                continue;
            }
            String link = articleLink(e.url());
            LedgerEntry same = link.isEmpty() ? null : byLink.get(e.account() + " " + link);
            String why = "链接相同";
            if (same == null) {
                same = byDayAndTitle.get(dayAndTitle(e));
                why = "同一公众号、同一天、标题相同";
            }
            if (same == null) {
                fresh.add(e);
                remember(e, byLink, byDayAndTitle);
            } else {
                skipped.add(places.get(i) + "：“" + e.title() + "”与" + describe(same) + "是同一篇文章（" + why
                        + "），未重复导入");
            }
        }
        return fresh;
    }

    private void remember(LedgerEntry e, Map<String, LedgerEntry> byLink, Map<String, LedgerEntry> byDayAndTitle) {
        String link = articleLink(e.url());
        if (!link.isEmpty()) {
            byLink.putIfAbsent(e.account() + " " + link, e);
        }
        if (e.title() != null && !e.title().isBlank()) {
            byDayAndTitle.putIfAbsent(dayAndTitle(e), e);
        }
    }

    private String dayAndTitle(LedgerEntry e) {
        return e.account() + " " + e.publishedAt().atZone(zone).toLocalDate() + " "
                + e.title().strip().replaceAll("\\s+", " ");
    }

    private String describe(LedgerEntry e) {
        String at = MINUTE.format(e.publishedAt().atZone(zone));
        return e.id() == 0 ? "本文件中前面的一行（" + at + "）"
                : "台账中编号 " + e.id() + " 的记录（" + e.source().label() + "，" + at + "）";
    }

    /**
     * What identifies the article an address points to: for a WeChat article link with {@code __biz}, {@code mid}
     * and {@code idx} those three (other parameters vary between copies of the same link); otherwise the address
     * without its fragment, scheme and trailing slash, host in lower case. Empty for a blank address.
     */
    static String articleLink(String url) {
        String u = url == null ? "" : url.strip();
        if (u.isEmpty()) {
            return "";
        }
        int hash = u.indexOf('#');
        if (hash >= 0) {
            u = u.substring(0, hash);
        }
        u = u.replaceFirst("(?i)^https?://", "");
        int slash = u.indexOf('/');
        String host = (slash < 0 ? u : u.substring(0, slash)).toLowerCase(Locale.ROOT);
        String rest = slash < 0 ? "" : u.substring(slash);
        int q = rest.indexOf('?');
        if (host.equals("mp.weixin.qq.com") && q >= 0) {
            Map<String, String> params = new HashMap<>();
            for (String kv : rest.substring(q + 1).split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    params.putIfAbsent(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            if (params.containsKey("__biz") && params.containsKey("mid") && params.containsKey("idx")) {
                return host + "/s?__biz=" + params.get("__biz") + "&mid=" + params.get("mid") + "&idx="
                        + params.get("idx");
            }
        }
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return host + rest;
    }

    /**
     * Rows of a UTF-8 CSV (RFC 4180 quoting by Commons CSV, optional BOM); {@code lines} gets each row's first line
     * number. An empty line is a row of one empty cell, so that line numbers stay those an editor shows.
     */
    static List<List<String>> csv(byte[] bytes, List<Integer> lines) throws IOException {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSV_FORMAT.parse(new StringReader(text))) {
            Iterator<CSVRecord> records = parser.iterator();
            for (long before = 0; hasNext(records, before); before = parser.getCurrentLineNumber()) {
                rows.add(records.next().toList());
                lines.add((int) before + 1);
            }
        }
        return rows;
    }

    /** Whether another record follows the line {@code before}; a quoting error names the line its record starts on. */
    private static boolean hasNext(Iterator<CSVRecord> records, long before) throws IOException {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw new IOException("第 " + (before + 1) + " 行起的一行引号不配对，或右引号后还有别的字符；含逗号、引号或换行的内容"
                    + "须整格用英文双引号括起来，内容中的双引号写成两个（\"\"）", e);
        }
    }

    /** Rows of the first sheet; a date cell reads as YYYY-MM-DD HH:MM. */
    static List<List<String>> xlsx(byte[] bytes, List<Integer> lines) throws IOException {
        DataFormatter format = new DataFormatter(Locale.ROOT);
        try (InputStream in = new ByteArrayInputStream(bytes); Workbook wb = WorkbookFactory.create(in)) {
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

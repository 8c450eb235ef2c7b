package cn.gongkai.report;

import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerRepository;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Imports articles published before gongkai was installed ({@code gongkai ledger import FILE.csv|.xlsx}): a header
 * row {@code 发布时间,标题,分类,链接,部门,公众号} or {@code published_at,title,category,url,department,account} (any order,
 * variants in {@link HistoryColumns}; the account may be left out or empty when there is one account), the time as
 * {@code YYYY-MM-DD HH:MM} in the configured zone. {@link HistoryTemplate} writes an .xlsx to fill in. Any bad row
 * rejects the whole file, naming its line; importing the same rows again adds nothing. A row for an article the
 * ledger already has in another way — published by gongkai, found by {@code ledger reconcile}, or imported before
 * with another time or title — is skipped and named, so no article is counted twice: the same article link (for
 * {@code mp.weixin.qq.com} links, the same {@code __biz}, {@code mid} and {@code idx}), or the same account, day
 * and title.
 */
public final class HistoryImport {
    /** The header the template writes; the English names, other Chinese names and any order are accepted too. */
    static final String TEMPLATE_HEADER = "发布时间,标题,分类,链接,部门,公众号（或 published_at,title,category,url,department,account）";
    /** How the file writes a time, {@code published_at}; also how messages show one. */
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    private final LedgerRepository ledger;
    private final ZoneId zone;
    private final HistoryRows rows;

    /**
     * @param accounts the configured account ids
     */
    public HistoryImport(LedgerRepository ledger, ZoneId zone, List<String> categories, List<String> accounts) {
        this.ledger = ledger;
        this.zone = zone;
        this.rows = new HistoryRows(zone, categories, accounts);
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
        HistorySheets.Rows read;
        try {
            if (name.endsWith(".csv")) {
                read = HistorySheets.csv(bytes);
            } else if (name.endsWith(".xlsx")) {
                read = HistorySheets.xlsx(bytes);
            } else {
                return Result.refused(List.of(shownAs + "：只能导入 .csv 或 .xlsx 文件"));
            }
        } catch (CharacterCodingException e) {
            return Result.refused(List.of(shownAs + "：" + e.getMessage() + "；或在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或直接导入 .xlsx"));
        } catch (IOException | RuntimeException e) {
            return Result.refused(List.of(shownAs + "：无法读取（" + e.getMessage() + "）"));
        }
        return importRows(fileName, read);
    }

    /** Checks the header, then every row; adds the rows only when none has a problem. */
    private Result importRows(String file, HistorySheets.Rows read) {
        if (read.isEmpty()) {
            return Result.refused(List.of(file + "：文件是空的；第 1 行应为表头，如 " + TEMPLATE_HEADER));
        }
        HistoryColumns.Parsed header = HistoryColumns.parse(read.cells().get(0));
        if (header.columns() == null) {
            return Result.refused(List.of(file + " 第 " + read.lines().get(0) + " 行（表头）：" + String.join("；",
                    header.problems()) + "。可用的列：" + HistoryColumns.accepted() + "（只有一个公众号时可省略公众号列）"));
        }
        List<LedgerEntry> entries = new ArrayList<>();
        List<String> places = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < read.cells().size(); i++) {
            List<String> r = read.cells().get(i);
            String place = file + " 第 " + read.lines().get(i) + " 行";
            LedgerEntry entry = r.stream().allMatch(String::isBlank) ? null
                    : rows.entry(place + "：", r, header.columns(), problems);
            if (entry != null) {
                entries.add(entry);
                places.add(place);
            }
        }
        if (problems.isEmpty() && entries.isEmpty()) {
            return Result.refused(List.of(file + "：表头下面没有记录，未导入任何内容；请从第 2 行起每行填写一篇文章"));
        }
        return problems.isEmpty() ? record(entries, places) : Result.refused(allRefused(problems));
    }

    private static List<String> allRefused(List<String> problems) {
        List<String> out = new ArrayList<>(problems);
        out.add("共 " + problems.size() + " 个问题，整个文件未导入。");
        return out;
    }

    /** Adds the entries less the articles the ledger already has in another way (each named in the result). */
    private Result record(List<LedgerEntry> entries, List<String> places) {
        List<String> skipped = new ArrayList<>();
        List<LedgerEntry> fresh = SameArticles.without(ledger, zone, entries, places, skipped);
        int added = ledger.recordAll(fresh);
        return new Result(added, fresh.size() - added, skipped, List.of());
    }
}

package cn.gongkai.report;

import cn.gongkai.item.WeChatLimits;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.report.HistoryColumns.Field;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One line of a history file as a ledger row: each cell checked against the configuration, every problem named
 * with the line it is on.
 */
final class HistoryRows {
    private final ZoneId zone;
    private final List<String> categories;
    private final List<String> accounts;

    HistoryRows(ZoneId zone, List<String> categories, List<String> accounts) {
        this.zone = zone;
        this.categories = List.copyOf(categories);
        this.accounts = List.copyOf(accounts);
    }

    /**
     * The ledger row of one line, or null when the line has problems ({@code where} starts each; a cell is named by
     * its column as the file's header names it).
     */
    LedgerEntry entry(String where, List<String> r, HistoryColumns cols, List<String> problems) {
        if (r.size() != cols.width()) {
            problems.add(where + "应有 " + cols.width() + " 列，实际 " + r.size() + " 列（含逗号的内容请用英文双引号括起来）");
            return null;
        }
        int before = problems.size();
        String at = cols.cell(r, Field.PUBLISHED_AT).strip();
        LocalDateTime time = publishedAt(where + cols.label(Field.PUBLISHED_AT), at, problems);
        String title = title(where + cols.label(Field.TITLE), cols.cell(r, Field.TITLE).strip(), problems);
        String category = category(where + cols.label(Field.CATEGORY), cols.cell(r, Field.CATEGORY).strip(), problems);
        String url = url(where + cols.label(Field.URL), cols.cell(r, Field.URL).strip(), problems);
        String account = account(where, cols.label(Field.ACCOUNT), cols.cell(r, Field.ACCOUNT).strip(), problems);
        if (problems.size() != before) {
            return null;
        }
        String key = "import:" + account + "|" + at + "|" + title;
        return new LedgerEntry(0, null, account, LedgerEntry.UNKNOWN_MODE, null, null, 1, url, title, category,
                cols.cell(r, Field.DEPARTMENT).strip(), time.atZone(zone).toInstant(), LedgerSource.IMPORT, key, null,
                null);
    }

    private static LocalDateTime publishedAt(String where, String cell, List<String> problems) {
        try {
            return LocalDateTime.parse(cell.strip(), HistoryImport.MINUTE);
        } catch (DateTimeParseException e) {
            problems.add(where + " 应写作 YYYY-MM-DD HH:MM（北京时间），实际为“" + cell + "”");
            return null;
        }
    }

    private static String title(String where, String title, List<String> problems) {
        if (title.isEmpty()) {
            problems.add(where + " 不能为空");
        } else if (WeChatLimits.chars(title) > WeChatLimits.HISTORY_TITLE_CHARS) {
            problems.add(where + " 超过 " + WeChatLimits.HISTORY_TITLE_CHARS + " 字");
        }
        return title;
    }

    private String category(String where, String category, List<String> problems) {
        if (!categories.contains(category)) {
            problems.add(where + "“" + category + "”不在配置的分类中（" + String.join("、", categories) + "）");
        }
        return category;
    }

    private static String url(String where, String url, List<String> problems) {
        if (!url.isEmpty() && !url.startsWith("http://") && !url.startsWith("https://")) {
            problems.add(where + " 应以 http:// 或 https:// 开头，实际为“" + url + "”");
        }
        return url;
    }

    /** The account of a line: as written, or the only configured one when the cell is empty. */
    private String account(String where, String column, String account, List<String> problems) {
        if (account.isEmpty()) {
            if (accounts.size() != 1) {
                problems.add(where + "配置了多个公众号（" + String.join("、", accounts) + "），" + column + " 不能为空");
                return account;
            }
            return accounts.get(0);
        }
        if (!accounts.contains(account)) {
            problems.add(where + column + "“" + account + "”不是配置的公众号 id（" + String.join("、", accounts) + "）");
        }
        return account;
    }
}

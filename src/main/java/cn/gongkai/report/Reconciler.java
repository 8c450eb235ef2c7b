package cn.gongkai.report;

import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerRepository;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.publish.PublishedArticleInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares a year of the ledger with WeChat's list of published items ({@code freepublish/batchget}) for each
 * freepublish account ({@code gongkai ledger reconcile}). Articles published by hand in the WeChat back office are
 * added as 外部发布 rows for staff to categorise; articles WeChat marks deleted are flagged in the ledger; what does
 * not match is listed. The list cannot see mass sends, so mass-mode rows are not compared.
 */
public final class Reconciler {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The page size of freepublish/batchget (its maximum). */
    static final int PAGE = 20;

    /** One page of the published list, newest first ({@code WeChatGateway#listPublished}). */
    @FunctionalInterface
    public interface PublishedList {
        List<PublishedArticleInfo> page(String account, int offset, int count);
    }

    private final LedgerRepository ledger;
    private final Counter counter;
    private final PublishedList wechat;
    private final Clock clock;
    private final int maxPages;

    /**
     * @param maxPages how many pages of 20 to read at most per account (batchget allows 100 calls a day)
     */
    public Reconciler(LedgerRepository ledger, Counter counter, PublishedList wechat, Clock clock, int maxPages) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1, got " + maxPages);
        }
        this.ledger = ledger;
        this.counter = counter;
        this.wechat = wechat;
        this.clock = clock;
        this.maxPages = maxPages;
    }

    /**
     * What reconciling found.
     *
     * @param added       articles found only in WeChat, now in the ledger as 外部发布 rows (their ledger ids)
     * @param newlyDeleted ledger rows WeChat shows as deleted, now flagged
     * @param onlyInLedger freepublish rows of the year that WeChat's list does not have
     * @param undated     articles found only in WeChat whose publish time WeChat did not give: not added
     * @param matched     articles found in both
     * @param pagesRead   calls to freepublish/batchget made
     * @param truncated   accounts whose list was not read to its end (page limit)
     * @param notCompared rows of the year neither matched nor listed: mass sends, accounts without freepublish, and
     *                    imported history not found in the list (it may predate it or have been a mass send)
     */
    public record Result(List<LedgerEntry> added, List<LedgerEntry> newlyDeleted, List<LedgerEntry> onlyInLedger,
                         List<String> undated, int matched, int pagesRead, List<String> truncated, int notCompared) {
        public Result {
            added = List.copyOf(added);
            newlyDeleted = List.copyOf(newlyDeleted);
            onlyInLedger = List.copyOf(onlyInLedger);
            undated = List.copyOf(undated);
            truncated = List.copyOf(truncated);
        }

        /**
         * What staff read, a line each (indented lines name one article): the CLI prints them, the console shows
         * them.
         *
         * @param categoriseHint how to categorise the 外部发布 rows where the lines are read
         * @param truncatedHint  what to do when an account's list was not read to its end
         */
        public List<String> lines(int year, ZoneId zone, String categoriseHint, String truncatedHint) {
            List<String> out = new ArrayList<>();
            out.add(year + " 年台账与微信已发布列表核对：两边一致 " + matched + " 篇；读取列表 " + pagesRead
                    + " 次（freepublish/batchget 每天限 100 次）。");
            if (notCompared > 0) {
                out.add("另有 " + notCompared + " 篇未核对：群发的文章、未开通发布接口的公众号，"
                        + "以及导入的历史记录（列表中找不到时不算差异）。");
            }
            listed(out, added, "微信后台直接发布、已记入台账的“外部发布” " + added.size() + " 篇（" + categoriseHint
                    + "）：", e -> MINUTE.format(e.publishedAt().atZone(zone)) + "  " + e.account() + "  " + e.title());
            listed(out, newlyDeleted, "微信中已删除、已在台账中标记的 " + newlyDeleted.size() + " 篇（仍计入发布数）：",
                    e -> "编号 " + e.id() + "  " + e.title());
            listed(out, onlyInLedger, "台账中有、微信已发布列表中没有的 " + onlyInLedger.size() + " 篇（请人工核实）：",
                    e -> "编号 " + e.id() + "  " + MINUTE.format(e.publishedAt().atZone(zone)) + "  " + e.title());
            listed(out, undated, "只在微信中有、但微信未给出发布时间、无法确定年份的 " + undated.size() + " 篇（未记入台账）：",
                    u -> u);
            if (!truncated.isEmpty()) {
                out.add("注意：公众号 " + String.join("、", truncated) + " 的已发布列表未读完（超过读取页数上限）；"
                        + truncatedHint + "。");
            }
            return out;
        }

        /** A heading and an indented line for each item, when there are items. */
        private static <T> void listed(List<String> out, List<T> items, String heading, Function<T, String> line) {
            if (!items.isEmpty()) {
                out.add(heading);
                items.forEach(i -> out.add("  " + line.apply(i)));
            }
        }
    }

    public Result reconcile(int year, List<String> freepublishAccounts) {
        Instant from = counter.startOf(year);
        Instant to = counter.startOf(year + 1);
        List<LedgerEntry> rows = ledger.between(from, to);
        Tally tally = new Tally();
        Set<Long> matched = new HashSet<>();
        for (String account : freepublishAccounts) {
            Set<Long> seen = readList(account, LedgerIndex.of(rows, account), from, to, tally);
            matched.addAll(seen);
            for (LedgerEntry e : rows) {
                if (compared(e, account) && e.source() != LedgerSource.IMPORT && !seen.contains(e.id())) {
                    tally.onlyInLedger.add(e);
                }
            }
        }
        return new Result(tally.added, tally.deleted, tally.onlyInLedger, tally.undated, matched.size(), tally.pages,
                tally.truncated, rows.size() - matched.size() - tally.onlyInLedger.size());
    }

    /** Whether a ledger row is compared with the account's published list: the account's, and not a mass send. */
    private static boolean compared(LedgerEntry e, String account) {
        return e.account().equals(account) && !e.mode().equals("mass");
    }

    /** What one reconciliation found so far, over all accounts. */
    private static final class Tally {
        final List<LedgerEntry> added = new ArrayList<>();
        final List<LedgerEntry> deleted = new ArrayList<>();
        final List<LedgerEntry> onlyInLedger = new ArrayList<>();
        final List<String> undated = new ArrayList<>();
        final List<String> truncated = new ArrayList<>();
        int pages;
    }

    /** An account's compared ledger rows by article id and index, by URL and by (first) title. */
    private record LedgerIndex(Map<String, LedgerEntry> byArticle, Map<String, LedgerEntry> byUrl,
                               Map<String, LedgerEntry> byTitle) {
        static LedgerIndex of(List<LedgerEntry> rows, String account) {
            LedgerIndex index = new LedgerIndex(new HashMap<>(), new HashMap<>(), new HashMap<>());
            for (LedgerEntry e : rows) {
                if (!compared(e, account)) {
                    continue;
                }
                if (e.articleId() != null && !e.articleId().isBlank()) {
                    index.byArticle.put(e.articleId() + "#" + e.index(), e);
                }
                if (e.url() != null && !e.url().isBlank()) {
                    index.byUrl.put(e.url(), e);
                }
                if (e.title() != null) {
                    index.byTitle.putIfAbsent(e.title(), e);
                }
            }
            return index;
        }

        /** The row of a published article: by article id and index, else by URL, else by title; or null. */
        LedgerEntry find(PublishedArticleInfo item, PublishedArticleInfo.Item a) {
            LedgerEntry e = byArticle.get(item.articleId() + "#" + a.index());
            if (e == null && !a.url().isBlank()) {
                e = byUrl.get(a.url());
            }
            return e != null ? e : byTitle.get(a.title());
        }
    }

    /**
     * Reads the account's published list page by page until it reaches articles older than the year (or its end,
     * or the page limit: then the account is truncated) and settles each article; returns the ids of rows seen.
     */
    private Set<Long> readList(String account, LedgerIndex index, Instant from, Instant to, Tally tally) {
        Set<Long> seen = new HashSet<>();
        for (int p = 0; p < maxPages; p++) {
            List<PublishedArticleInfo> page = wechat.page(account, p * PAGE, PAGE);
            tally.pages++;
            boolean older = !page.isEmpty();
            for (PublishedArticleInfo item : page) {
                Instant at = item.updateTime();
                older &= at != null && at.isBefore(from);
                for (PublishedArticleInfo.Item a : item.items()) {
                    settle(account, item, a, index.find(item, a), from, to, seen, tally);
                }
            }
            if (page.size() < PAGE || older) {
                return seen;
            }
        }
        tally.truncated.add(account);
        return seen;
    }

    /**
     * One published article: a known row is seen (and marked deleted when WeChat deleted it); an unknown one of
     * the year is recorded as 外部发布, one without a publish time is listed as undated.
     */
    private void settle(String account, PublishedArticleInfo item, PublishedArticleInfo.Item a, LedgerEntry e,
                        Instant from, Instant to, Set<Long> seen, Tally tally) {
        Instant at = item.updateTime();
        if (e != null) {
            seen.add(e.id());
            if (a.deleted() && !e.deleted()) {
                ledger.markDeleted(e.id(), clock.instant());
                tally.deleted.add(e);
            }
        } else if (at == null) {
            tally.undated.add(account + "：“" + a.title() + "”（article_id " + item.articleId() + "，第 "
                    + a.index() + " 篇）");
        } else if (!at.isBefore(from) && at.isBefore(to)) {
            LedgerEntry external = external(account, item, a, at);
            if (ledger.record(external)) {
                tally.added.add(external);
            }
        }
    }

    private LedgerEntry external(String account, PublishedArticleInfo item, PublishedArticleInfo.Item a, Instant at) {
        return new LedgerEntry(0, null, account, "freepublish", null, item.articleId(), a.index(), a.url(), a.title(),
                ReportBuilder.EXTERNAL, "", at, LedgerSource.EXTERNAL,
                "wechat:" + account + ":" + item.articleId() + ":" + a.index(), null,
                a.deleted() ? clock.instant() : null);
    }
}

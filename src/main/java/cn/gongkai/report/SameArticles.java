package cn.gongkai.report;

import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerRepository;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps an article from being counted twice: a row the ledger (or an earlier row of the file) already has under
 * another key — the same article link ({@link ArticleLinks}), or the same account, day and title — is left out and
 * named. Rows imported before with the same key stay: the ledger itself adds them once.
 */
final class SameArticles {
    private final LedgerRepository ledger;
    private final ZoneId zone;
    private final Map<String, LedgerEntry> byLink = new HashMap<>();
    private final Map<String, LedgerEntry> byDayAndTitle = new HashMap<>();
    private final Set<String> keys = new HashSet<>();

    private SameArticles(LedgerRepository ledger, ZoneId zone) {
        this.ledger = ledger;
        this.zone = zone;
    }

    /**
     * The entries less those for articles already counted; a message for each one left out, starting with its
     * place in {@code places}, goes to {@code skipped}.
     */
    static List<LedgerEntry> without(LedgerRepository ledger, ZoneId zone, List<LedgerEntry> entries,
                                     List<String> places, List<String> skipped) {
        if (entries.isEmpty()) {
            return entries;
        }
        SameArticles same = new SameArticles(ledger, zone);
        same.rememberLedgerAround(entries);
        List<LedgerEntry> fresh = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            LedgerEntry e = entries.get(i);
            if (same.keys.contains(e.sourceKey())) {
                fresh.add(e);
                continue;
            }
            Optional<Match> match = same.match(e);
            if (match.isEmpty()) {
                fresh.add(e);
                same.remember(e);
            } else {
                skipped.add(places.get(i) + "：“" + e.title() + "”与" + same.describe(match.get().earlier())
                        + "是同一篇文章（" + match.get().why() + "），未重复导入");
            }
        }
        return fresh;
    }

    /** Remembers the ledger's rows of the days the entries cover. */
    private void rememberLedgerAround(List<LedgerEntry> entries) {
        Instant first = entries.stream().map(LedgerEntry::publishedAt).min(Instant::compareTo).orElseThrow();
        Instant last = entries.stream().map(LedgerEntry::publishedAt).max(Instant::compareTo).orElseThrow();
        Instant from = first.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        Instant to = last.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        for (LedgerEntry e : ledger.between(from, to)) {
            remember(e);
            if (e.sourceKey() != null) {
                keys.add(e.sourceKey());
            }
        }
    }

    /** A remembered row that is the same article as {@code e}, and why. */
    private record Match(LedgerEntry earlier, String why) {
    }

    private Optional<Match> match(LedgerEntry e) {
        String link = ArticleLinks.articleLink(e.url());
        LedgerEntry same = link.isEmpty() ? null : byLink.get(e.account() + " " + link);
        if (same != null) {
            return Optional.of(new Match(same, "链接相同"));
        }
        return Optional.ofNullable(byDayAndTitle.get(dayAndTitle(e))).map(d -> new Match(d, "同一公众号、同一天、标题相同"));
    }

    private void remember(LedgerEntry e) {
        String link = ArticleLinks.articleLink(e.url());
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
        String at = HistoryImport.MINUTE.format(e.publishedAt().atZone(zone));
        return e.id() == 0 ? "本文件中前面的一行（" + at + "）"
                : "台账中编号 " + e.id() + " 的记录（" + e.source().label() + "，" + at + "）";
    }
}

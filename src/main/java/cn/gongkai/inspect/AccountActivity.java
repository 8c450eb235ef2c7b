package cn.gongkai.inspect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When an account's articles that are still online were published: those of WeChat's published list (also the
 * ones published by hand) and the ledger's rows the list does not carry (mass sends; a mass-only account has only
 * these). An article deleted from WeChat does not count.
 */
public record AccountActivity(List<Instant> times) {
    public AccountActivity {
        times = List.copyOf(times);
    }

    /** Merges the stored articles and the ledger's rows of one account. */
    public static AccountActivity of(List<InspectedArticle> articles,
                                     List<InspectionStore.LedgerPublication> ledger) {
        Set<String> listed = new HashSet<>();
        List<Instant> times = new ArrayList<>();
        for (InspectedArticle a : articles) {
            listed.add(a.articleId() + "#" + a.index());
            if (!a.deleted()) {
                a.publishedAt().ifPresent(times::add);
            }
        }
        for (InspectionStore.LedgerPublication l : ledger) {
            if (l.articleId() == null || !listed.contains(l.articleId() + "#" + l.index())) {
                times.add(l.publishedAt());
            }
        }
        return new AccountActivity(times);
    }

    /** The last publication before {@code end}, if any. */
    public Optional<Instant> lastBefore(Instant end) {
        return times.stream().filter(t -> t.isBefore(end)).max(Instant::compareTo);
    }

    /** How many articles were published in {@code [from, to)}. */
    public int between(Instant from, Instant to) {
        return (int) times.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count();
    }
}

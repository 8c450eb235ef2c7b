package cn.gongkai.inspect;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One article of the account's published list as the inspection keeps it.
 *
 * @param index       1-based position in its published item
 * @param updateTime  WeChat's update_time, or null when WeChat did not give it
 * @param text        the content's text: tags and entities removed
 * @param links       the content's {@code <a href>} targets, in order
 * @param contentHash SHA-256 of the content HTML (hex)
 * @param firstSeen   when a pull first stored it
 * @param baseline    found by the account's first pull (its {@code firstSeen} says nothing of when it was published)
 * @param ledgerAt    when the ledger says it was published, or null when gongkai did not publish it
 */
public record InspectedArticle(String account, String articleId, int index, String title, String url,
                               Instant updateTime, boolean deleted, String text, List<String> links,
                               String contentHash, Instant firstSeen, boolean baseline, Instant ledgerAt) {
    public InspectedArticle {
        links = List.copyOf(links);
    }

    /**
     * When it was published, as well as we know: WeChat's update_time, else the ledger's time, else when a pull
     * after the first found it; empty for an old article without either.
     */
    public Optional<Instant> publishedAt() {
        if (updateTime != null) {
            return Optional.of(updateTime);
        }
        if (ledgerAt != null) {
            return Optional.of(ledgerAt);
        }
        return baseline ? Optional.empty() : Optional.of(firstSeen);
    }

    /** The same article with WeChat's deleted flag. */
    public InspectedArticle withDeleted(boolean flag) {
        return new InspectedArticle(account, articleId, index, title, url, updateTime, flag, text, links, contentHash,
                firstSeen, baseline, ledgerAt);
    }
}

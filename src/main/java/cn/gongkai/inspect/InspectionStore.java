package cn.gongkai.inspect;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The port to what the inspection keeps: the published articles, the pulls, the findings and the links. */
public interface InspectionStore {

    /** Whether an article of the account is stored (any index of the item). */
    boolean knows(String account, String articleId);

    /** When the account was last pulled, or empty before its first pull. */
    Optional<Instant> lastPull(String account);

    /** Stores new articles and the pull that found them, in one transaction. */
    void recordPull(String account, Instant at, List<InspectedArticle> added, int calls);

    /** Sets WeChat's deleted flag of a stored article. */
    void setDeleted(String account, String articleId, int index, boolean deleted);

    /** The stored articles of the account, newest first, each with the ledger's time when gongkai published it. */
    List<InspectedArticle> articles(String account);

    /**
     * The same articles without their text and links: what idle days and updates are counted from, read on every
     * 账号巡查 and 全区 page, where the text is not needed.
     */
    List<InspectedArticle> articleTimes(String account);

    /** When the ledger's rows of the account were published (rows not withdrawn), with their article ids. */
    List<LedgerPublication> ledgerPublications(String account);

    /** Replaces the account's findings with those of its last inspection. */
    void replaceFindings(String account, Collection<Finding> findings, Instant at);

    /** The findings of the account's last inspection, in the order they were found. */
    List<Finding> findings(String account);

    /** What the probe last said of a link. */
    Optional<LinkRecord> link(String url);

    /** Keeps what the probe said of a link. */
    void saveLink(LinkRecord link);

    /**
     * One ledger row.
     *
     * @param articleId WeChat's article_id, or null (a mass send, an imported row)
     * @param index     1-based article of the item
     */
    record LedgerPublication(String articleId, int index, Instant publishedAt) {
    }
}

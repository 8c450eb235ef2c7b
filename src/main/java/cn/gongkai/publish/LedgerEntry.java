package cn.gongkai.publish;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One published article (design.md §6). {@code index} is 1-based within the publish job.
 *
 * @param id          the ledger row id; 0 before the row is stored
 * @param itemId      the published item; null for rows gongkai did not publish ({@link LedgerSource#IMPORT},
 *                    {@link LedgerSource#EXTERNAL})
 * @param mode        freepublish or mass ({@value #UNKNOWN_MODE} for imported history)
 * @param source      where the row came from
 * @param sourceKey   what identifies a row without an item, so that importing or reconciling twice adds nothing;
 *                    null for gongkai's own rows
 * @param correctsId  the ledger row this article corrects (更正), or null; a correction is not counted again
 * @param deletedAt   when the article was deleted from the account, or null; a deleted article still counts
 */
public record LedgerEntry(long id, Long itemId, String account, String mode, String publishId, String articleId,
                          int index, String url, String title, String category, String department,
                          Instant publishedAt, LedgerSource source, String sourceKey, Long correctsId,
                          Instant deletedAt) {

    /** The mode of imported history rows: the file does not say how they were sent. */
    public static final String UNKNOWN_MODE = "unknown";

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    public LedgerEntry {
        if (id < 0) {
            throw new IllegalArgumentException("ledger id must not be negative: " + id);
        }
        if (account == null || account.isBlank()) {
            throw new IllegalArgumentException("ledger account must not be blank");
        }
        if (mode == null || mode.isBlank()) {
            throw new IllegalArgumentException("ledger mode must not be blank (account " + account + ")");
        }
        if (publishedAt == null) {
            throw new IllegalArgumentException("ledger publishedAt must not be null (account " + account + ")");
        }
        if (source == null) {
            throw new IllegalArgumentException("ledger source must not be null (account " + account + ")");
        }
        if (source == LedgerSource.GONGKAI && itemId == null) {
            throw new IllegalArgumentException("ledger itemId is required for rows gongkai published");
        }
        if (source != LedgerSource.GONGKAI && itemId != null) {
            throw new IllegalArgumentException("ledger itemId must be null for " + source + " rows, was " + itemId);
        }
        if (source != LedgerSource.GONGKAI && (sourceKey == null || sourceKey.isBlank())) {
            throw new IllegalArgumentException("ledger sourceKey is required for " + source + " rows");
        }
        if (correctsId != null && correctsId == id) {
            throw new IllegalArgumentException("ledger correctsId must name another row, was its own id " + id);
        }
    }

    /** An article gongkai published (the publisher's constructor). */
    public LedgerEntry(long itemId, String account, String mode, String publishId, String articleId, int index,
                       String url, String title, String category, String department, Instant publishedAt) {
        this(0, itemId, account, mode, publishId, articleId, index, url, title, category, department, publishedAt,
                LedgerSource.GONGKAI, null, null, null);
    }

    /** The row as a correction of ledger row {@code originalId}. */
    public LedgerEntry correcting(long originalId) {
        return new LedgerEntry(id, itemId, account, mode, publishId, articleId, index, url, title, category,
                department, publishedAt, source, sourceKey, originalId, deletedAt);
    }

    /** True when this row corrects another and so is not counted as an article of its own. */
    public boolean correction() {
        return correctsId != null;
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    /**
     * What identifies the push (次) this article went out in: the publish job, else the article_id WeChat gave the
     * whole push, else (imported history) the minute it was published on that account.
     */
    public String pushKey() {
        String job = notBlank(publishId) ? publishId : notBlank(articleId) ? articleId : MINUTE.format(publishedAt);
        return account + "/" + mode + "/" + job;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}

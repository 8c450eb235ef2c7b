package cn.gongkai.publish;

import java.time.Instant;

/**
 * One published article (design.md §6). {@code index} is 1-based within the publish job.
 *
 * @param mode freepublish or mass
 */
public record LedgerEntry(long itemId, String account, String mode, String publishId, String articleId, int index,
                          String url, String title, String category, String department, Instant publishedAt) {
}

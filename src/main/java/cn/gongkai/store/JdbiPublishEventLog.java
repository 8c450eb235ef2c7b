package cn.gongkai.store;

import cn.gongkai.publish.PublishEventLog;
import cn.gongkai.publish.PublishStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * PUBLISHJOBFINISH events in {@code publish_event}, unique per account and publish_id. Article links are stored as
 * {@code idx url} lines and failing indexes comma-separated.
 */
final class JdbiPublishEventLog implements PublishEventLog {

    private final JdbiTransactions tx;

    JdbiPublishEventLog(JdbiTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean record(String account, PublishStatus event, Instant receivedAt) {
        String what = "cannot store the PUBLISHJOBFINISH event of publish_id " + event.publishId() + " (account "
                + account + ")";
        try {
            return tx.call(what, h -> {
                boolean present = h.createQuery("SELECT COUNT(*) FROM publish_event WHERE account = :account"
                                + " AND publish_id = :publishId")
                        .bind("account", account).bind("publishId", event.publishId()).mapTo(Long.class).one() > 0;
                if (present) {
                    return false;
                }
                StringBuilder urls = new StringBuilder();
                event.articles().forEach(a -> urls.append(a.index()).append(' ').append(a.url()).append('\n'));
                h.createUpdate("INSERT INTO publish_event (account, publish_id, publish_status, article_id,"
                                + " article_urls, fail_idx, received_at) VALUES (:account, :publishId, :status,"
                                + " :articleId, :urls, :failIdx, :at)")
                        .bind("account", account).bind("publishId", event.publishId())
                        .bind("status", event.rawStatus()).bind("articleId", event.articleId())
                        .bind("urls", urls.toString())
                        .bind("failIdx", String.join(",", event.failIdx().stream().map(String::valueOf).toList()))
                        .bind("at", receivedAt).execute();
                return true;
            });
        } catch (StoreException e) {
            if (e.isUniqueViolation()) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<PublishStatus> find(String account, String publishId) {
        if (publishId == null || publishId.isEmpty()) {
            return Optional.empty();
        }
        return tx.call("cannot read the event of publish_id " + publishId + " (account " + account + ")",
                h -> h.createQuery("SELECT publish_id, publish_status, article_id, article_urls, fail_idx"
                                + " FROM publish_event WHERE account = :account AND publish_id = :publishId")
                        .bind("account", account).bind("publishId", publishId)
                        .map((rs, ctx) -> status(rs.getString("publish_id"), rs.getInt("publish_status"),
                                rs.getString("article_id"), rs.getString("article_urls"), rs.getString("fail_idx")))
                        .findOne());
    }

    @Override
    public int purge(Instant before, int keepPerAccount) {
        return tx.call("cannot purge old PUBLISHJOBFINISH events", h -> {
            int removed = h.createUpdate("DELETE FROM publish_event WHERE received_at < :before")
                    .bind("before", before).execute();
            for (String account : h.createQuery("SELECT DISTINCT account FROM publish_event").mapTo(String.class)
                    .list()) {
                Optional<Long> oldestKept = h.createQuery("SELECT id FROM publish_event WHERE account = :account"
                                + " ORDER BY id DESC LIMIT 1 OFFSET :skip")
                        .bind("account", account).bind("skip", Math.max(0, keepPerAccount - 1)).mapTo(Long.class)
                        .findOne();
                if (oldestKept.isPresent()) {
                    removed += h.createUpdate("DELETE FROM publish_event WHERE account = :account AND id < :id")
                            .bind("account", account).bind("id", oldestKept.get()).execute();
                }
            }
            return removed;
        });
    }

    private static PublishStatus status(String publishId, int raw, String articleId, String urls, String failIdx) {
        List<PublishStatus.PublishedArticle> articles = new ArrayList<>();
        for (String line : urls.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.substring(0, space).matches("[0-9]{1,6}")) {
                articles.add(new PublishStatus.PublishedArticle(Integer.parseInt(line.substring(0, space)),
                        line.substring(space + 1)));
            }
        }
        List<Integer> fails = Arrays.stream(failIdx.split(",")).map(String::strip)
                .filter(s -> s.matches("[0-9]{1,6}")).map(Integer::valueOf).toList();
        return new PublishStatus(publishId, PublishStatus.State.of(raw), raw, articleId, articles, fails);
    }
}

package cn.gongkai.store;

import cn.gongkai.inspect.Finding;
import cn.gongkai.inspect.InspectedArticle;
import cn.gongkai.inspect.InspectionStore;
import cn.gongkai.inspect.LinkProbe;
import cn.gongkai.inspect.LinkRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Update;

/** What the inspection of published articles keeps (migration V20): articles, pulls, findings and links. */
final class JdbiInspectionStore implements InspectionStore {
    private static final String ARTICLE_COLUMNS = "a.account, a.article_id, a.article_index, a.title, a.url,"
            + " a.update_time, a.deleted, a.body_text, a.links, a.content_hash, a.first_seen_at, a.baseline,"
            + " (SELECT MIN(l.published_at) FROM ledger l WHERE l.account = a.account AND l.article_id = a.article_id"
            + " AND l.article_index = a.article_index) AS ledger_at";

    private final JdbiTransactions tx;

    JdbiInspectionStore(JdbiTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean knows(String account, String articleId) {
        return tx.call("cannot look up published article " + articleId + " of account " + account, h -> h
                .createQuery("SELECT COUNT(*) FROM inspected_article WHERE account = :account AND article_id = :id")
                .bind("account", account).bind("id", articleId).mapTo(Long.class).one() > 0);
    }

    @Override
    public Optional<Instant> lastPull(String account) {
        return tx.call("cannot read the last pull of account " + account, h -> h
                .createQuery("SELECT MAX(pulled_at) AS last_at FROM inspection_pull WHERE account = :account")
                .bind("account", account).map((rs, ctx) -> Optional.ofNullable(Sql.instant(rs, "last_at"))).one());
    }

    @Override
    public void recordPull(String account, Instant at, List<InspectedArticle> added, int calls) {
        tx.call("cannot store the published articles of account " + account, h -> {
            if (!added.isEmpty()) {
                PreparedBatch batch = h.prepareBatch("INSERT INTO inspected_article (account, article_id,"
                        + " article_index, title, url, update_time, deleted, body_text, links, content_hash,"
                        + " first_seen_at, baseline) VALUES (:account, :id, :index, :title, :url, :updated, :deleted,"
                        + " :text, :links, :hash, :seen, :baseline)");
                for (InspectedArticle a : added) {
                    batch.bind("account", a.account()).bind("id", a.articleId()).bind("index", a.index())
                            .bind("title", a.title()).bind("url", a.url()).bind("updated", a.updateTime())
                            .bind("deleted", a.deleted()).bind("text", a.text())
                            .bind("links", String.join("\n", a.links())).bind("hash", a.contentHash())
                            .bind("seen", a.firstSeen()).bind("baseline", a.baseline()).add();
                }
                batch.execute();
            }
            return h.createUpdate("INSERT INTO inspection_pull (account, pulled_at, added, calls)"
                            + " VALUES (:account, :at, :added, :calls)")
                    .bind("account", account).bind("at", at).bind("added", added.size()).bind("calls", calls)
                    .execute();
        });
    }

    @Override
    public void setDeleted(String account, String articleId, int index, boolean deleted) {
        tx.call("cannot mark published article " + articleId + " of account " + account, h -> h
                .createUpdate("UPDATE inspected_article SET deleted = :deleted WHERE account = :account"
                        + " AND article_id = :id AND article_index = :index AND deleted <> :deleted")
                .bind("account", account).bind("id", articleId).bind("index", index).bind("deleted", deleted)
                .execute());
    }

    @Override
    public List<InspectedArticle> articles(String account) {
        return tx.call("cannot read the published articles of account " + account, h -> Sql.rows(h,
                "SELECT " + ARTICLE_COLUMNS + " FROM inspected_article a WHERE a.account = :account"
                        + " ORDER BY COALESCE(a.update_time, a.first_seen_at) DESC, a.article_id, a.article_index",
                q -> q.bind("account", account), (rs, ctx) -> article(rs)));
    }

    @Override
    public List<InspectedArticle> articleTimes(String account) {
        return tx.call("cannot read the published articles of account " + account, h -> Sql.rows(h,
                "SELECT " + ARTICLE_COLUMNS.replace("a.body_text, a.links,", "'' AS body_text, '' AS links,")
                        + " FROM inspected_article a WHERE a.account = :account",
                q -> q.bind("account", account), (rs, ctx) -> article(rs)));
    }

    @Override
    public List<LedgerPublication> ledgerPublications(String account) {
        return tx.call("cannot read the ledger of account " + account, h -> Sql.rows(h,
                "SELECT article_id, article_index, published_at FROM ledger WHERE account = :account"
                        + " AND deleted_at IS NULL ORDER BY published_at",
                q -> q.bind("account", account), (rs, ctx) -> new LedgerPublication(rs.getString("article_id"),
                        rs.getInt("article_index"), Sql.instant(rs, "published_at"))));
    }

    @Override
    public void replaceFindings(String account, Collection<Finding> findings, Instant at) {
        tx.call("cannot store the inspection findings of account " + account, h -> {
            h.createUpdate("DELETE FROM inspection_finding WHERE account = :account").bind("account", account)
                    .execute();
            if (findings.isEmpty()) {
                return 0;
            }
            PreparedBatch batch = h.prepareBatch("INSERT INTO inspection_finding (account, article_id,"
                    + " article_index, title, url, kind, problem, suggestion, found_at) VALUES (:account, :id,"
                    + " :index, :title, :url, :kind, :problem, :suggestion, :at)");
            for (Finding f : findings) {
                batch.bind("account", account).bind("id", f.articleId()).bind("index", f.index())
                        .bind("title", f.title()).bind("url", f.url()).bind("kind", f.kind().name())
                        .bind("problem", f.problem()).bind("suggestion", f.suggestion()).bind("at", at).add();
            }
            return batch.execute().length;
        });
    }

    @Override
    public List<Finding> findings(String account) {
        return tx.call("cannot read the inspection findings of account " + account, h -> Sql.rows(h,
                "SELECT account, article_id, article_index, title, url, kind, problem, suggestion"
                        + " FROM inspection_finding WHERE account = :account ORDER BY id",
                q -> q.bind("account", account), (rs, ctx) -> new Finding(rs.getString("account"),
                        rs.getString("article_id"), rs.getInt("article_index"), rs.getString("title"),
                        rs.getString("url"), Finding.Kind.valueOf(rs.getString("kind")), rs.getString("problem"),
                        rs.getString("suggestion"))));
    }

    @Override
    public Optional<LinkRecord> link(String url) {
        return tx.call("cannot read the state of a link", h -> Sql.rows(h,
                "SELECT url, probed_on, outcome, detail, failure_days FROM inspected_link WHERE url = :url",
                q -> q.bind("url", url), (rs, ctx) -> new LinkRecord(rs.getString("url"),
                        rs.getObject("probed_on", LocalDate.class), LinkProbe.Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("detail"), rs.getInt("failure_days"))).stream().findFirst());
    }

    @Override
    public void saveLink(LinkRecord link) {
        tx.call("cannot keep the state of a link", h -> {
            int updated = bound(h.createUpdate("UPDATE inspected_link SET probed_on = :day, outcome = :outcome,"
                    + " detail = :detail, failure_days = :days WHERE url = :url"), link).execute();
            return updated > 0 ? updated : bound(h.createUpdate("INSERT INTO inspected_link (url, probed_on, outcome,"
                    + " detail, failure_days) VALUES (:url, :day, :outcome, :detail, :days)"), link).execute();
        });
    }

    private static Update bound(Update update, LinkRecord link) {
        return update.bind("url", link.url()).bind("day", link.probedOn()).bind("outcome", link.outcome().name())
                .bind("detail", link.detail()).bind("days", link.failureDays());
    }

    private static InspectedArticle article(ResultSet rs) throws SQLException {
        String links = rs.getString("links");
        return new InspectedArticle(rs.getString("account"), rs.getString("article_id"), rs.getInt("article_index"),
                rs.getString("title"), rs.getString("url"), Sql.instant(rs, "update_time"), rs.getBoolean("deleted"),
                rs.getString("body_text"), links.isEmpty() ? List.of() : Arrays.asList(links.split("\n")),
                rs.getString("content_hash"), Sql.instant(rs, "first_seen_at"), rs.getBoolean("baseline"),
                Sql.instant(rs, "ledger_at"));
    }
}

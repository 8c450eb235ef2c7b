package cn.gongkai.intake;

import cn.gongkai.render.Glossary;
import cn.gongkai.review.ReviewPolicy;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.checks.CheckLimits;
import cn.gongkai.review.checks.PrePublishChecks;
import cn.gongkai.review.checks.WordList;
import cn.gongkai.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A fresh in-memory H2 store with the importer and review service wired as the product wires them. */
final class IntakeStore implements AutoCloseable {
    static final List<String> CATEGORIES = List.of("招商引资", "外资外贸", "商贸流通", "促消费", "其他");
    static final List<String> CHAIN = List.of("dept-leader", "office-director", "office-leader");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2023-05-10T01:00:00Z"), ZoneOffset.UTC);
    private static final List<String> TABLES =
            List.of("item", "item_note", "item_glossary", "item_image", "image_blob", "audit_log", "app_user", "api_token");

    final Database db;
    final ReviewService review;
    final ItemImporter importer;
    private final String url;

    IntakeStore() {
        this.url = "jdbc:h2:mem:intake-" + UUID.randomUUID();
        this.db = Database.open(url, "sa", "");
        this.review = new ReviewService(ReviewPolicy.of(CHAIN), new PrePublishChecks(CheckLimits.wechatDefaults(),
                WordList.load(Path.of("templates/checks/words.txt"))), db.items(), db.audit(), db.users(),
                db.transactions(), CLOCK);
        this.importer = new ItemImporter(CATEGORIES, List.of("hongqi", "zhaoshang"), glossaryKeys(), SHANGHAI,
                db.items(), db.images(), db.transactions(), review, CLOCK);
    }

    static java.util.Set<String> glossaryKeys() {
        return Glossary.load(Path.of("templates/notes")).keys();
    }

    ImportResult importFiles(Path... files) {
        return importer.importFiles(List.of(files), "drafter", "命令行");
    }

    /** Row count of every table an import writes to. */
    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    @Override
    public void close() {
        db.close();
    }
}

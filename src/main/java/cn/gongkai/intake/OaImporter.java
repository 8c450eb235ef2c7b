package cn.gongkai.intake;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.Transactions;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.checks.CheckReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls approved items from the bureau's OA database. Each row of the configured query is one item; its columns
 * are named as the item fields ({@code source_key}, {@code title}, {@code category}, {@code body} required;
 * {@code author}, {@code department}, {@code doc_no}, {@code source_url}, {@code publish_at}, {@code important},
 * {@code account} optional; other columns are ignored). A row whose {@code source_key} was read before is skipped,
 * so the query may return the same rows every time. Each row is checked like any item and stored on its own; a row
 * with problems is logged and left out, and tried again on the next pull. Items enter the configured review chain;
 * with an empty chain they arrive approved and the audit says the OA approved them.
 */
public final class OaImporter {
    private static final Logger LOG = LoggerFactory.getLogger(OaImporter.class);
    /** Actor and channel written in the audit trail. */
    public static final String ACTOR = "oa";
    private static final Set<String> COLUMNS = Set.of("title", "category", "author", "department", "body", "doc_no",
            "source_url", "publish_at", "important", "account");

    private final OaRows rows;
    private final ItemFileParser parser;
    private final ItemRepository items;
    private final Transactions tx;
    private final ReviewService review;
    private final Clock clock;
    private final ZoneId zone;

    public OaImporter(OaRows rows, List<String> categories, List<String> accounts, Set<String> glossaryKeys,
                      ZoneId zone, ItemRepository items, Transactions tx, ReviewService review, Clock clock) {
        this.rows = rows;
        this.parser = new ItemFileParser(categories, accounts, glossaryKeys, zone,
                review.checks().limits());
        this.items = items;
        this.tx = tx;
        this.review = review;
        this.clock = clock;
        this.zone = zone;
    }

    /** What one pull did. */
    public record Pull(List<Long> imported, int alreadyKnown, List<String> refused) {
        public Pull {
            imported = List.copyOf(imported);
            refused = List.copyOf(refused);
        }
    }

    public Pull pull() {
        List<Long> imported = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int known = 0;
        for (Map<String, String> row : rows.fetch()) {
            String source = row.get("source_key");
            if (source == null || source.isBlank()) {
                refused.add("(无 source_key 的行)：查询结果缺少 source_key 列或其值为空");
                continue;
            }
            String key = "oa:" + source.strip();
            if (items.findBySourceKey(key).isPresent()) {
                known++;
                continue;
            }
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            row.forEach((column, value) -> {
                if (COLUMNS.contains(column) && !column.equals("body") && value != null) {
                    fields.put(column, column.equals("important") ? BooleanNode.valueOf(truthy(value))
                            : TextNode.valueOf(value));
                }
            });
            Path label = Path.of("OA:" + source.strip());
            ItemFileParser.Result r = parser.parseFields(label, fields, row.get("body"), ImageSource.inMemory(Map.of()));
            List<ImportProblem> problems = new ArrayList<>(r.problems());
            CheckReport report = null;
            if (r.ok()) {
                report = review.queueChecks(r.item().content(), clock.instant().atZone(zone).toLocalDate());
                problems.addAll(CheckProblems.of(r.item(), report.errors()));
            }
            if (!problems.isEmpty()) {
                refused.add(label + "：" + String.join("；", problems.stream().map(p -> (p.field().isEmpty() ? ""
                        : "[" + p.field() + "] ") + p.message()).toList()));
                continue;
            }
            CheckReport checks = report;
            try {
                imported.add(tx.inTransaction(() -> {
                    DisclosureItem stored = items.insert(r.item().content(),
                            review.initialStatusOn(r.item().content().account()), key,
                            clock.instant());
                    review.recordQueued(stored, ACTOR, "OA 系统", checks);
                    return stored.id();
                }));
            } catch (cn.gongkai.review.ReviewException e) {
                // e.g. an important item while nobody holds a role of the important chain: this row waits (it is
                // read again on the next pull), the other rows go on
                refused.add(label + "：" + e.reason());
            }
        }
        if (!refused.isEmpty()) {
            LOG.warn("OA source: {} row(s) refused: {}", refused.size(), refused);
        }
        return new Pull(imported, known, refused);
    }

    private static boolean truthy(String v) {
        String t = v.strip();
        return t.equalsIgnoreCase("true") || t.equals("1") || t.equals("是") || t.equals("重要")
                || t.equalsIgnoreCase("t") || t.equalsIgnoreCase("yes");
    }
}

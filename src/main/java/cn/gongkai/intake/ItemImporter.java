package cn.gongkai.intake;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ImageStore;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.Transactions;
import cn.gongkai.review.ReviewService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports item files (Markdown with YAML front matter). All files are checked first; if any file has a problem,
 * nothing is stored. Otherwise all items, their images and their audit rows are stored in one transaction.
 */
public final class ItemImporter {
    private final ItemFileParser parser;
    private final ItemRepository items;
    private final ImageStore images;
    private final Transactions tx;
    private final ReviewService review;
    private final Clock clock;

    public ItemImporter(List<String> categories, List<String> accounts, Set<String> glossaryKeys, ZoneId zone,
                        ItemRepository items, ImageStore images, Transactions tx, ReviewService review, Clock clock) {
        this.parser = new ItemFileParser(categories, accounts, glossaryKeys, zone);
        this.items = items;
        this.images = images;
        this.tx = tx;
        this.review = review;
        this.clock = clock;
    }

    /** Imports the files as {@code actor}; {@code channel} names the way they came in (命令行, 收件箱, …). */
    public ImportResult importFiles(List<Path> files, String actor, String channel) {
        List<ImportProblem> problems = new ArrayList<>();
        List<ParsedItem> parsed = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path file : files) {
            ItemFileParser.Result r = parser.parse(file);
            if (!r.ok()) {
                problems.addAll(r.problems());
                continue;
            }
            ParsedItem item = r.item();
            Path earlier = seen.putIfAbsent(item.sourceKey(), file);
            if (earlier != null) {
                problems.add(new ImportProblem(file, 0, "", "与本次导入的 " + earlier + " 内容完全相同，重复导入"));
                continue;
            }
            items.findBySourceKey(item.sourceKey()).ifPresent(id -> problems.add(new ImportProblem(file, 0, "",
                    "该文件已导入过（稿件编号 " + id + "），不会重复导入。如需修改，请编辑原稿件")));
            parsed.add(item);
        }
        if (!problems.isEmpty()) {
            return new ImportResult(List.of(), problems);
        }
        List<Long> ids = tx.inTransaction(() -> {
            List<Long> out = new ArrayList<>();
            for (ParsedItem p : parsed) {
                p.imageBytes().forEach(images::put);
                DisclosureItem stored = items.insert(p.content(), review.initialStatus(), p.sourceKey(),
                        clock.instant());
                review.recordQueued(stored, actor, channel);
                out.add(stored.id());
            }
            return out;
        });
        return new ImportResult(ids, List.of());
    }
}

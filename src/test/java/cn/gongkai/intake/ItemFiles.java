package cn.gongkai.intake;

import cn.gongkai.item.ItemContent;
import cn.gongkai.render.Glossary;
import cn.gongkai.review.checks.CheckLimits;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Reads item files with the real parser, the default categories, the accounts {@code hongqi} and {@code dongcheng}
 * and the shipped glossary, for tests outside intake (golden articles, template consistency).
 */
public final class ItemFiles {
    /** The content of a good item file and its image bytes by SHA-256. */
    public record Parsed(ItemContent content, Map<String, byte[]> images) {
    }

    private ItemFiles() {
    }

    /** Parses the file; a file with problems fails the test with the problems. */
    public static Parsed read(Path file) {
        ItemFileParser parser = new ItemFileParser(List.of("招商引资", "外资外贸", "商贸流通", "促消费", "其他"),
                List.of("hongqi", "dongcheng"), Glossary.load(Path.of("templates/notes")).keys(),
                ZoneId.of("Asia/Shanghai"), CheckLimits.wechatDefaults());
        ItemFileParser.Result r = parser.parse(file);
        if (!r.ok()) {
            throw new IllegalStateException("item file " + file + " has problems: " + r.problems());
        }
        return new Parsed(r.item().content(), r.item().imageBytes());
    }
}

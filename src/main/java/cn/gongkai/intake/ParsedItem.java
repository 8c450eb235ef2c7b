package cn.gongkai.intake;

import cn.gongkai.item.ItemContent;
import java.nio.file.Path;
import java.util.Map;

/**
 * An item file that passed every check: its content, the bytes of its images by SHA-256, the key that
 * identifies the file's content for duplicate detection, the line its body starts on and the line of each front
 * matter field (0 when the item did not come from a file).
 */
record ParsedItem(Path file, ItemContent content, Map<String, byte[]> imageBytes, String sourceKey, int bodyLine,
                  Map<String, Integer> fieldLines) {
    ParsedItem {
        imageBytes = Map.copyOf(imageBytes);
        fieldLines = Map.copyOf(fieldLines);
    }

    ParsedItem withSourceKey(String key) {
        return new ParsedItem(file, content, imageBytes, key, bodyLine, fieldLines);
    }
}

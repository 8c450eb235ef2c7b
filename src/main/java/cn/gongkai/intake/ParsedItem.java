package cn.gongkai.intake;

import cn.gongkai.item.ItemContent;
import java.nio.file.Path;
import java.util.Map;

/**
 * An item file that passed every check: its content, the bytes of its images by SHA-256, and the key that
 * identifies the file's content for duplicate detection.
 */
record ParsedItem(Path file, ItemContent content, Map<String, byte[]> imageBytes, String sourceKey) {
}

package cn.gongkai.review;

import cn.gongkai.item.ItemContent;
import java.time.ZoneId;
import java.util.List;

/**
 * What a proofreading change changed, for its audit row: the lines of the review text ({@link ReviewText}) between
 * the common beginning and the common end, as they were (删) and as they are (改为).
 */
final class ProofreadDiff {
    /** The most characters of each side kept in the audit row. */
    private static final int MAX = 1000;

    private ProofreadDiff() {
    }

    static String of(ItemContent before, ItemContent after, ZoneId zone) {
        List<String> a = ReviewText.of(before, zone).lines().toList();
        List<String> b = ReviewText.of(after, zone).lines().toList();
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        if (head == a.size() && head == b.size()) {
            return "内容未变";
        }
        return "原文：" + cut(a.subList(head, a.size() - tail)) + "\n改为：" + cut(b.subList(head, b.size() - tail));
    }

    private static String cut(List<String> lines) {
        String text = lines.isEmpty() ? "（无）" : String.join("\n", lines);
        return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
    }
}

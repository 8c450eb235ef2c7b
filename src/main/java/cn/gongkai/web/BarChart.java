package cn.gongkai.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A horizontal bar chart as the {@code barChart} macro of {@code stats.ftlh} draws it in inline SVG (no script, no
 * library, text escaped by FreeMarker): one bar per key with its count at the end, scaled to the largest count.
 *
 * @param title  the chart's accessible name
 * @param width  the drawing's width; it scales to its container's width
 * @param height one row per bar
 * @param labelX where the labels end (they are right-aligned)
 * @param barX   where the bars start
 * @param bars   the bars, top to bottom
 */
public record BarChart(String title, int width, int height, int labelX, int barX, List<Bar> bars) {
    private static final int ROW = 26;
    private static final int LABEL = 120;
    private static final int WIDTH = 560;
    private static final int BAR_SPACE = WIDTH - LABEL - 50;

    /**
     * One bar: its label and count, the baseline of its texts, the top and width of the bar (at least 2 for a
     * count above zero) and where the count is written.
     */
    public record Bar(String label, int value, int textY, int barY, int barWidth, int valueX) {
    }

    /** The chart of {@code counts}, in their order. */
    static BarChart of(String title, Map<String, Integer> counts) {
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int y = 4;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int w = max == 0 ? 0 : (int) Math.round(BAR_SPACE * (e.getValue() / (double) max));
            bars.add(new Bar(e.getKey(), e.getValue(), y + 17, y + 3, Math.max(w, e.getValue() > 0 ? 2 : 0),
                    LABEL + w + 6));
            y += ROW;
        }
        return new BarChart(title, WIDTH, Math.max(1, counts.size()) * ROW + 8, LABEL - 8, LABEL, bars);
    }
}

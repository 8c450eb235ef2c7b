package cn.gongkai.web;

import java.util.Locale;
import java.util.Map;

/**
 * A horizontal bar chart as inline SVG (no script, no library): one bar per key with its count at the end. Text is
 * escaped; the chart scales to its container's width.
 */
final class BarChart {
    private static final int ROW = 26;
    private static final int LABEL = 120;
    private static final int WIDTH = 560;

    private BarChart() {
    }

    static String svg(String title, Map<String, Integer> counts) {
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int height = Math.max(1, counts.size()) * ROW + 8;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" aria-label=\"%s\">", WIDTH, height, WIDTH, height,
                escape(title)));
        int y = 4;
        int barSpace = WIDTH - LABEL - 50;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int w = max == 0 ? 0 : (int) Math.round(barSpace * (e.getValue() / (double) max));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"13\" "
                    + "fill=\"#333\">%s</text>", LABEL - 8, y + 17, escape(e.getKey())));
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"#b22222\">"
                    + "<title>%s：%d 条</title></rect>", LABEL, y + 3, Math.max(w, e.getValue() > 0 ? 2 : 0),
                    escape(e.getKey()), e.getValue()));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"13\" fill=\"#333\">%d</text>",
                    LABEL + w + 6, y + 17, e.getValue()));
            y += ROW;
        }
        return sb.append("</svg>").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

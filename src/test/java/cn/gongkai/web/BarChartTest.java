package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The statistics bar chart: bars scaled to the largest count, drawn by the stats template with its text escaped. */
class BarChartTest {

    private static BarChart chart() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("招商引资", 10);
        counts.put("<b>\"促消费\"&</b>", 1);
        counts.put("空", 0);
        return BarChart.of("2026年按分类", counts);
    }

    @Test
    void barsAreScaledToTheLargestCountAndACountAboveZeroShowsAtLeastAThinBar() {
        BarChart c = chart();

        assertThat(c.height()).isEqualTo(3 * 26 + 8);
        assertThat(c.bars()).extracting(BarChart.Bar::barWidth).containsExactly(390, 39, 0);
        assertThat(c.bars()).extracting(BarChart.Bar::barY).containsExactly(7, 33, 59);
        assertThat(c.bars()).extracting(BarChart.Bar::valueX).containsExactly(516, 165, 126);
        assertThat(BarChart.of("空", Map.of("甲", 0)).bars().get(0).barWidth()).isZero();
        assertThat(BarChart.of("空", Map.of()).height()).isEqualTo(34);
    }

    @Test
    void theStatsTemplateDrawsTheChartAsSvgWithItsTextEscaped() {
        Views views = new Views(Path.of("templates/console"), ZoneId.of("Asia/Shanghai"), false, "");
        StatsPage.View view = new StatsPage.View(2026, List.of(2026), 11, 11, 0, 0, List.of(), List.of(), chart(),
                BarChart.of("2026年按月份", Map.of("1月", 2)), new LedgerPage.Card(List.of(), 0, 0, List.of(), false,
                false, 5, 20), null);

        String html = views.render("stats.ftlh", view, new Views.Frame(null, "", Views.MENU, "stats", false, "", "",
                false));

        assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" "
                        + "viewBox=\"0 0 560 86\" width=\"560\" height=\"86\" aria-label=\"2026年按分类\">",
                "<rect x=\"120\" y=\"7\" width=\"390\" height=\"18\" fill=\"#b22222\"><title>招商引资：10 条</title></rect>",
                "<text x=\"112\" y=\"47\" text-anchor=\"end\" font-size=\"13\" fill=\"#333\">"
                        + "&lt;b&gt;&quot;促消费&quot;&amp;&lt;/b&gt;</text>",
                "<text x=\"516\" y=\"21\" font-size=\"13\" fill=\"#333\">10</text>", "aria-label=\"2026年按月份\"")
                .doesNotContain("<b>\"促消费\"");
    }
}

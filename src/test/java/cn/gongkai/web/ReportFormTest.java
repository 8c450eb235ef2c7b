package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.report.FactsFile;
import cn.gongkai.report.FactsForm;
import cn.gongkai.report.ReportFacts;
import cn.gongkai.review.Role;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 年报 form over HTTP: a new year's form holds no value staff did not type (the example is a grey hint), table
 * 三 shows its group headings, every 总计 is computed and never taken from the request, and instruction text left in
 * the facts fails check P1.
 */
class ReportFormTest {
    private static final Pattern VALUES = Pattern.compile("value=\"([^\"]*)\"");
    private static final Pattern TEXTAREAS = Pattern.compile("<textarea[^>]*>([^<]*)</textarea>");

    @TempDir
    static java.nio.file.Path dir;

    private static ConsoleFixture app;
    private static Staff director;

    @BeforeAll
    static void start() throws Exception {
        app = new ConsoleFixture(dir, Clock.systemUTC());
        app.user("李主任", Role.OFFICE_DIRECTOR);
        director = new Staff(app, "李主任");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** The form part of the page (the YAML editor below it shows the example file as text). */
    private static String formOf(String page) {
        return page.substring(page.indexOf("id=\"facts-form\""), page.indexOf("</form>", page.indexOf("id=\"facts-form\"")));
    }

    private static List<String> all(Pattern p, String html) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void aNewYearsFormHasNoPrefilledWordingOnlyGreyHints() throws Exception {
        String form = formOf(director.get("/report?year=2031").body());

        List<String> typed = new ArrayList<>(all(VALUES, form));
        typed.addAll(all(TEXTAREAS, form));
        assertThat(typed).isNotEmpty().allSatisfy(v -> assertThat(v)
                .doesNotContain("请填写", "红旗区", "例：", "商务局"));
        assertThat(form).contains("name=\"unit\" value=\"\"", "placeholder=\"例：红旗区商务局\"",
                "placeholder=\"例：2023年红旗区商务局严格按照政府信息公开规范");
        assertThat(all(TEXTAREAS, form)).allSatisfy(t -> assertThat(t).isBlank());
    }

    @Test
    void tableThreeShowsItsGroupHeadingsAboveTheirRowsAndItsTotalsAreReadOnlyAndNotPosted() throws Exception {
        String form = formOf(director.get("/report?year=2032").body());

        List<String> order = List.of("一、本年新收政府信息公开申请数量", "三、本年度办理结果", "（一）予以公开", "（三）不予公开",
                "1.属于国家秘密", "（四）无法提供", "1.本机关不掌握相关政府信息", "（五）不予处理", "1.信访举报投诉类申请",
                "（六）其他处理", "3.其他", "（七）总计", "四、结转下年度继续办理");
        List<Integer> at = order.stream().map(form::indexOf).toList();
        assertThat(at).doesNotContain(-1).isSorted();
        assertThat(form).contains("<th colspan=\"8\" style=\"text-align:left\">（三）不予公开</th>");
        assertThat(form).doesNotContain("name=\"t3|本年新收|6\"", "name=\"t3|总计|0\"", "name=\"t4|行政复议|4\"")
                .contains("data-sum=\"t3|本年新收|0 t3|本年新收|1 t3|本年新收|2 t3|本年新收|3 t3|本年新收|4 t3|本年新收|5\"",
                        "data-sum=\"t4|行政复议|0 t4|行政复议|1 t4|行政复议|2 t4|行政复议|3\"");
        assertThat(director.get("/report?year=2032").body()).contains("<script src=\"/assets/report.js\"></script>");
        assertThat(director.get("/assets/report.js").statusCode()).isEqualTo(200);
    }

    /** Every typed cell of the form as the page posts it, 0 unless {@code given} says otherwise. */
    private static String cells(String table, List<FactsForm.Row> rows, java.util.Map<String, String> given) {
        StringBuilder out = new StringBuilder();
        for (FactsForm.Row r : rows) {
            for (int i = 0; i < r.columns().size(); i++) {
                String name = table + "|" + r.key() + "|" + i;
                out.append('&').append(Staff.enc(name)).append('=').append(Staff.enc(given.getOrDefault(name, "0")));
            }
        }
        return out.toString();
    }

    @Test
    void totalsAreComputedOnTheServerAndATypedTotalThatDisagreesIsNotTaken() throws Exception {
        java.util.Map<String, String> t3 = new java.util.HashMap<>(java.util.Map.of(
                "t3|本年新收|0", "3", "t3|予以公开|0", "2", "t3|结转下年度|0", "1",
                "t3|本年新收|6", "99", "t3|总计|0", "50", "t3|总计|6", "7"));
        String body = "year=2025&mode=form&unit=" + Staff.enc("测试局") + "&published_on=2026-01-20"
                + "&problems=" + Staff.enc("问题与改进。") + "&other=" + Staff.enc("未收取费用。")
                + "&portal_figures=true"
                + cells("t2", FactsForm.table2(), java.util.Map.of())
                + cells("t3", FactsForm.table3(), t3)
                + cells("t4", FactsForm.table4(), java.util.Map.of("t4|行政复议|4", "5"));

        assertThat(director.submit("/report", body).statusCode()).isEqualTo(302);

        String saved = Files.readString(app.factsDir.resolve("2025.yml"));
        ReportFacts facts = FactsFile.read(app.factsDir.resolve("2025.yml"));
        assertThat(saved).doesNotContain("99", "50").doesNotContain("总计");
        assertThat(facts.table3().get(0).get(6).text()).isEqualTo("3");
        assertThat(facts.table3().get(23).get(0).text()).isEqualTo("2");
        assertThat(facts.table3().get(23).get(6).text()).isEqualTo("2");
        assertThat(facts.table4().get(0).get(4).text()).isEqualTo("0");
        assertThat(saved).contains("报区政府办: true");
        String page = director.get("/report?year=2025").body();
        assertThat(formOf(page)).contains("name=\"portal_figures\" value=\"true\"");
        assertThat(page).contains("V1 通过", "V2 通过", "V3 通过", "V4 通过", "P1 通过");
        assertThat(formOf(page)).contains("data-cell=\"t3|本年新收|6\"").containsPattern(
                "value=\"3\" size=\"3\" readonly tabindex=\"-1\" class=\"total\" data-cell=\"t3\\|本年新收\\|6\"");
    }

    @Test
    void factsStillHoldingInstructionTextFailP1AndCannotBeDownloaded() throws Exception {
        String facts = "单位: 请填写单位名称\n年度: 2024\n发布日期: 2025-01-20\n"
                + "存在的主要问题及改进情况: （此处写存在的问题）\n其他需要报告的事项: 未收取费用。\n";

        director.submit("/report", "year=2024&mode=yaml&facts=" + Staff.enc(facts));
        String page = director.get("/report?year=2024").body();

        assertThat(page).contains("P1 错误", "请填写单位名称", "（此处写存在的问题）").doesNotContain("下载 Word");
        assertThat(director.bytes("/report/download?year=2024&format=docx").statusCode()).isEqualTo(302);
    }
}

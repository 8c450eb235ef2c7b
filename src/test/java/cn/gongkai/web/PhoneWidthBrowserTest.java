package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.intake.ItemFiles;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.render.ImagePreparer;
import cn.gongkai.render.PreviewPage;
import cn.gongkai.render.RenderedArticle;
import cn.gongkai.review.Role;
import cn.gongkai.testsupport.ItemBuilder;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.OutputType;

/**
 * At a phone's width (375×812, Chromium emulating a phone): every sample article, rendered by the real renderer
 * into the preview page under WeChat's container rules, fits the screen — no sideways scrolling, every image inside
 * the column, tables that fit or scroll in their own box, paragraphs justified and notes and references left — and
 * the console's main pages fit as well, with the navigation folded behind a 菜单 button. With
 * {@code -Dgongkai.screenshots=DIR} the screens are saved into DIR as {@code 手机-*.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneWidthBrowserTest {
    private static final int WIDTH = 375;
    private static final String PLACEHOLDER = "https://mmbiz.qpic.cn/phone-test/";
    /** What the page measures: its width, every image and table against the column, the alignment of paragraphs. */
    private static final String MEASURE_ARTICLE = """
            var col = document.querySelector('.wx-content'); var box = col.getBoundingClientRect();
            var out = {inner: window.innerWidth, scroll: document.scrollingElement.scrollWidth, images: 0,
              badImages: [], tables: 0, badTables: [], overflowingTables: 0, justified: 0, notJustified: [],
              notes: 0, notLeft: []};
            col.querySelectorAll('img').forEach(function (img) {
              var r = img.getBoundingClientRect(); out.images++;
              if (!img.complete || img.naturalWidth === 0 || r.width === 0 || r.left < box.left - 0.5
                  || r.right > box.right + 0.5) { out.badImages.push(img.alt || img.src.slice(0, 60)); }
            });
            col.querySelectorAll('table').forEach(function (t) {
              var w = t.parentElement; var r = w.getBoundingClientRect(); var ox = getComputedStyle(w).overflowX;
              var fits = t.getBoundingClientRect().width <= w.clientWidth + 0.5; out.tables++;
              if (!fits) { out.overflowingTables++; }
              if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || !(fits || ox === 'auto' || ox === 'scroll')) {
                out.badTables.push(t.textContent.slice(0, 30));
              }
            });
            Array.prototype.forEach.call(col.firstElementChild.children, function (p) {
              if (p.tagName !== 'P' || /text-align:\\s*center/.test(p.getAttribute('style') || '')) { return; }
              if (getComputedStyle(p).textAlign === 'justify') { out.justified++; }
              else { out.notJustified.push(p.textContent.slice(0, 30)); }
            });
            col.querySelectorAll('p').forEach(function (p) {
              if (!/^\\[(注)?\\d+\\]/.test(p.textContent.trim())) { return; }
              out.notes++;
              if (getComputedStyle(p).textAlign !== 'left') { out.notLeft.push(p.textContent.slice(0, 30)); }
            });
            return out;""";
    /** The container rules a box shows, to compare the preview page with the console's preview box. */
    private static final String CONTAINER = "var s = getComputedStyle(document.querySelector(arguments[0]));"
            + "return [s.fontFamily, s.fontSize, s.lineHeight, s.letterSpacing, s.textAlign].join(' | ');";
    /** The padding of the column around the article. */
    private static final String PADDING = "var s = getComputedStyle(document.querySelector(arguments[0]));"
            + "return [s.paddingTop, s.paddingRight, s.paddingLeft].join(' ');";
    /** The page's width, and what sticks out to the right of the screen (for the failure message). */
    private static final String WIDTHS = """
            var w = document.documentElement.clientWidth; var wide = [];
            document.querySelectorAll('body *').forEach(function (e) {
              var r = e.getBoundingClientRect();
              if (r.right > w + 0.5 && wide.length < 6) {
                wide.push(e.tagName + (e.id ? '#' + e.id : '') + ' ' + Math.round(r.left) + '-' + Math.round(r.right));
              }
            });
            return [window.innerWidth, document.scrollingElement.scrollWidth, wide.join(', ')];""";

    @TempDir
    static Path dir;

    private static ConsoleFixture app;
    private static Browser browser;
    private static ArticleRenderer renderer;
    private static int notesSeen;

    @BeforeAll
    static void start() throws Exception {
        app = new ConsoleFixture(dir, Clock.systemUTC());
        app.user("管理员", Role.ADMIN);
        app.user("刘起草", Role.DRAFTER);
        renderer = ArticleRenderer.load(Path.of("templates"));
        browser = Browser.start(app.url(""));
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", WIDTH, "height", 812,
                "deviceScaleFactor", 1, "mobile", true));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
    }

    static Stream<String> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    @Order(1)
    void eachSampleArticleFitsAPhoneInsideWeChatsContainer(String name) throws Exception {
        ItemFiles.Parsed item = ItemFiles.read(Path.of("samples", name + ".md"));
        open(previewPage(name, item.content(), item.images()));

        Map<String, Object> m = measureArticle();
        assertThat(m.get("inner")).isEqualTo((long) WIDTH);
        assertThat((Long) m.get("scroll")).as("page width").isLessThanOrEqualTo(WIDTH);
        assertThat((List<?>) m.get("badImages")).as("images outside the column or not shown").isEmpty();
        assertThat((Long) m.get("images")).isEqualTo(item.content().body().split("!\\[", -1).length - 1L);
        assertThat((List<?>) m.get("badTables")).as("tables wider than the column that do not scroll").isEmpty();
        assertThat((Long) m.get("justified")).as("justified paragraphs").isPositive();
        assertThat((List<?>) m.get("notJustified")).isEmpty();
        assertThat((List<?>) m.get("notLeft")).as("notes and references not aligned left").isEmpty();
        notesSeen += ((Long) m.get("notes")).intValue();
        assertThat(browser.driver.executeScript(CONTAINER, ".wx-content").toString())
                .endsWith("| 17px | 27.2px | 0.578px | justify");
        assertThat(browser.driver.executeScript(PADDING, ".wx-area")).isEqualTo("20px 16px 16px");
        shot("手机-" + name);
    }

    @Test
    @Order(2)
    void theSamplesHadNotesOrReferencesToCheck() {
        assertThat(notesSeen).as("note and reference lines seen in the samples").isPositive();
    }

    @Test
    @Order(3)
    void aTableWithManyColumnsAndLongCodesStaysInsideTheColumnOrScrollsInItsOwnBox() throws Exception {
        String body = "企业名单如下。\n\n| 企业 | 统一社会信用代码 | 项目编号 | 地址 | 投资额 | 联系人 | 电话 | 备注 |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- |\n| 红旗区示范物流有限公司 | 91350200MA2Y3K4L5P "
                + "| XM-2026-HQ-000001234 | 红旗区商贸大道1号 | 120000000.00 | 王经理 | 0591-12345678 | 无 |\n\n"
                + "详见 https://www.example.gov.cn/a/very/long/address/that/does/not/break/at/all/2026/index.html 。";
        ItemContent item = ItemBuilder.anItem().title("重点项目名单").author("红旗区商务局").body(body).build();
        open(previewPage("wide-table", item, Map.of()));

        Map<String, Object> m = measureArticle();
        assertThat((Long) m.get("tables")).isEqualTo(1);
        assertThat((List<?>) m.get("badTables")).isEmpty();
        assertThat(browser.driver.executeScript("return getComputedStyle(document.querySelector('.wx-content table')"
                + ".parentElement).overflowX;")).as("the table's own box scrolls sideways").isEqualTo("auto");
        assertThat((Long) m.get("scroll")).as("page width").isLessThanOrEqualTo(WIDTH);
        assertThat((Long) m.get("notes")).as("the address listed as a reference").isEqualTo(1);
        assertThat((List<?>) m.get("notLeft")).isEmpty();
    }

    @Test
    @Order(4)
    void theMainConsolePagesFitAPhoneAndTheMenuButtonOpensTheNavigation() throws Exception {
        long id = draft();
        browser.open("/login");
        assertFitsThePhone("登录");
        browser.login("管理员", ConsoleFixture.PASSWORD);
        String[][] pages = {{"/", "待办"}, {"/items", "稿件"}, {"/items/new", "编辑"}, {"/items/" + id, "稿件详情"},
                {"/schedule", "排期"}, {"/publishing", "发布记录"}, {"/stats", "统计"}, {"/report", "年报"},
                {"/system", "系统"}};
        for (String[] page : pages) {
            browser.open(page[0]);
            browser.find("main h1");
            assertFitsThePhone(page[1]);
            assertThat(browser.find("#nav").isDisplayed()).as("nav folded on %s", page[1]).isFalse();
            assertThat(browser.find("#menu-toggle").isDisplayed()).as("menu button on %s", page[1]).isTrue();
            shot("手机-控制台-" + page[1]);
        }

        browser.open("/stats");
        assertThat(browser.driver.executeScript("var c = document.querySelector('svg.chart');"
                + "return [c.getBoundingClientRect().width, getComputedStyle(c.parentElement).overflowX].join(' ');"))
                .as("the bar chart keeps its size (readable labels) and scrolls in its own box").isEqualTo("560 auto");

        browser.open("/");
        browser.click("#menu-toggle");
        assertThat(browser.find("#nav").isDisplayed()).isTrue();
        assertThat(browser.find("#menu-toggle").getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(browser.find("#nav").getText()).contains("待办", "稿件", "编辑", "排期", "发布记录", "统计", "年报", "系统");
        assertFitsThePhone("展开菜单后");
        shot("手机-控制台-菜单");
        browser.submit("#nav a[href='/stats']");
        assertThat(browser.text("main h1")).contains("发布统计");
        assertThat(browser.find("#nav").isDisplayed()).as("nav folded again on the next page").isFalse();
        browser.click("#menu-toggle");
        browser.click("#menu-toggle");
        assertThat(browser.find("#nav").isDisplayed()).isFalse();
        assertThat(browser.policyViolations()).isEmpty();
    }

    @Test
    @Order(5)
    void theConsolesPreviewBoxShowsTheArticleUnderTheSameRulesAsThePreviewPage() throws Exception {
        ItemFiles.Parsed sample = ItemFiles.read(Path.of("samples/01-zhaoshang-tuijinhui.md"));
        open(previewPage("rules", sample.content(), sample.images()));
        String page = browser.driver.executeScript(CONTAINER, ".wx-content").toString();
        Object pagePadding = browser.driver.executeScript(PADDING, ".wx-area");
        long id = draft();

        browser.open("/items/" + id);
        browser.find("#preview section");
        String console = browser.driver.executeScript(CONTAINER, "#preview").toString();

        assertThat(console).isEqualTo(page).contains("17px", "justify");
        assertThat(browser.driver.executeScript(PADDING, "#preview")).isEqualTo(pagePadding);
        browser.open("/system");
        assertThat(browser.text("main")).contains("新建草稿", "提交发布", "发布（不推送通知）")
                .doesNotContain("draft/add", "freepublish", "（hongqi");
    }

    /** A draft with a table and a note, made through the console's own form. */
    private static long draft() throws Exception {
        Staff drafter = new Staff(app, "刘起草");
        String body = "全区重点项目推进情况如下。\n\n| 项目 | 进度 | 责任单位 |\n| --- | --- | --- |\n"
                + "| 冷链物流园 | 主体完工 | 红旗区商务局投资促进股 |\n\n以旧换新活动同步开展。\n";
        HttpResponse<String> r = drafter.submit("/items", "title=" + Staff.enc("重点项目推进情况") + "&category="
                + Staff.enc("促消费") + "&account=hongqi&author=" + Staff.enc("红旗区商务局") + "&body="
                + Staff.enc(body) + "&note_term=" + Staff.enc("以旧换新")
                + "&note_text=" + Staff.enc("交回旧商品、购买新商品时享受补贴。") + "&action=save");
        assertThat(r.statusCode()).isEqualTo(303);
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().replaceAll("\\D", ""));
    }

    /**
     * The preview page as {@code render --out} writes it: the article rendered with placeholder image addresses (as
     * for WeChat, so the size check is real), then every image inlined as the prepared data URI.
     */
    private static Path previewPage(String name, ItemContent item, Map<String, byte[]> images) throws IOException {
        ImagePreparer preparer = new ImagePreparer();
        RenderedArticle a = renderer.render(item, "红旗商务", img -> PLACEHOLDER + img.sha256());
        String html = a.html();
        Map<String, String> inlined = new HashMap<>();
        for (ItemImage img : item.images()) {
            inlined.put(PLACEHOLDER + img.sha256(), dataUri(preparer.prepare(img, images.get(img.sha256()))));
        }
        for (Map.Entry<String, String> e : inlined.entrySet()) {
            html = html.replace(e.getKey(), e.getValue());
        }
        ItemImage cover = item.effectiveCover();
        String coverUri = dataUri(cover == null ? preparer.defaultCover()
                : preparer.prepare(cover, images.get(cover.sha256())));
        Path file = dir.resolve(name + ".html");
        Files.writeString(file, PreviewPage.html(a, html, coverUri, "红旗商务", LocalDate.of(2026, 12, 7)),
                StandardCharsets.UTF_8);
        return file;
    }

    private static String dataUri(ImagePreparer.Prepared p) {
        return "data:" + p.mimeType() + ";base64," + Base64.getEncoder().encodeToString(p.bytes());
    }

    private static void open(Path file) {
        browser.driver.get(file.toUri().toString());
        browser.find(".wx-content");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> measureArticle() {
        return (Map<String, Object>) browser.driver.executeScript(MEASURE_ARTICLE);
    }

    private static void assertFitsThePhone(String page) {
        List<?> width = (List<?>) browser.driver.executeScript(WIDTHS);
        assertThat(width.get(0)).as("screen width on %s (wider when the page is: %s)", page, width.get(2))
                .isEqualTo((long) WIDTH);
        assertThat((Long) width.get(1)).as("width of %s (%s)", page, width.get(2)).isLessThanOrEqualTo(WIDTH);
    }

    private static void shot(String name) throws IOException {
        String target = System.getProperty("gongkai.screenshots");
        if (target == null || target.isBlank()) {
            return;
        }
        Path out = Path.of(target).toAbsolutePath();
        Files.createDirectories(out);
        browser.driver.executeScript("window.scrollTo(0, 0);");
        Files.write(out.resolve(name + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
    }
}

package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A console page staff edited under an older version keeps being used while it fits this version's view records;
 * when it no longer does (a name it reads is gone), the jar's own page is shown instead of an error page.
 */
class ViewsFallbackTest {
    private static final Views.Frame FRAME = new Views.Frame(null, "", Views.MENU, "", false, "", "", false);

    @TempDir
    Path dir;

    private Views views() {
        return new Views(dir, ZoneId.of("Asia/Shanghai"), false, "");
    }

    @Test
    void anEditedPageThatStillFitsIsShownAsEdited() throws Exception {
        Files.writeString(dir.resolve("error.ftlh"), "<p>本局自改：${title}｜${message}</p>", StandardCharsets.UTF_8);

        String html = views().render("error.ftlh", new Views.ErrorView("找不到", "没有这篇稿件"), FRAME);

        assertThat(html).isEqualTo("<p>本局自改：找不到｜没有这篇稿件</p>");
    }

    @Test
    void anEditedPageThatReadsANameThisVersionNoLongerHasFallsBackToTheJarsPage() throws Exception {
        Files.writeString(dir.resolve("error.ftlh"), "<p>${oldTitleName}</p>", StandardCharsets.UTF_8);

        String html = views().render("error.ftlh", new Views.ErrorView("找不到", "没有这篇稿件"), FRAME);

        assertThat(html).contains("<p class=\"err\">没有这篇稿件</p>").doesNotContain("oldTitleName");
    }

    @Test
    void anEditedLayoutThatNoLongerParsesFallsBackForEveryPage() throws Exception {
        Files.writeString(dir.resolve("layout.ftlh"), "<#macro page title>${title</#macro>", StandardCharsets.UTF_8);

        String html = views().render("error.ftlh", new Views.ErrorView("找不到", "没有这篇稿件"), FRAME);

        assertThat(html).contains("没有这篇稿件", "返回待办");
    }

    @Test
    void theJarsOwnPageFailingIsStillAnError() {
        Views views = views();

        assertThatThrownBy(() -> views.render("error.ftlh", new Views.MenuEntry("a", "/", "甲"), FRAME))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("error.ftlh");
    }
}

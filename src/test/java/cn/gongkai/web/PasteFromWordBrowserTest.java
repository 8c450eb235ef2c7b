package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.review.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pasting from Word and WPS into the editor's body (templates/console/assets/paste.js) in real headless Chromium: a
 * synthetic paste event carries clipboard HTML shaped as Word and WPS put it there (mso styles, {@code <o:p>},
 * conditional comments, list markers in {@code mso-list:Ignore} spans, comments).
 */
class PasteFromWordBrowserTest {
    /** What Word 2016 puts on the clipboard for a heading, a paragraph with bold, a numbered list, a table. */
    static final String WORD_HTML = """
            <html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
            <head><meta name=Generator content="Microsoft Word 15"><style><!--
             p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:10.5pt;}
            --></style></head>
            <body lang=ZH-CN style='tab-interval:21.0pt'><!--StartFragment-->
            <h2><span style='font-family:黑体;mso-ascii-font-family:"Times New Roman"'>一、活动安排<o:p></o:p></span></h2>
            <p class=MsoNormal style='text-indent:21.0pt'><span style='font-family:仿宋_GB2312'>为进一步激发消费活力，<b>红旗区
            商务局</b>于<span lang=EN-US>6</span>月<span lang=EN-US>10</span>日举办活动。<o:p></o:p></span></p>
            <p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
            lang=EN-US style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>家电以旧换新<o:p></o:p></p>
            <p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
            lang=EN-US style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>夜间消费集市<o:p></o:p></p>
            <p class=MsoNormal><span class=MsoCommentReference><span style='mso-special-character:comment'>&nbsp;<a
            class=msocomanchor id="_anchor_1" href="#_msocom_1">[刘1]</a></span></span><o:p></o:p></p>
            <table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
             <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
              <td width=138 valign=top style='width:103.7pt'><p class=MsoNormal><b>时间<o:p></o:p></b></p></td>
              <td width=138 valign=top style='width:103.7pt'><p class=MsoNormal><b>地点<o:p></o:p></b></p></td>
             </tr>
             <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
              <td width=138 valign=top><p class=MsoNormal><span lang=EN-US>6</span>月<span lang=EN-US>10</span>日<o:p></o:p></p></td>
              <td width=138 valign=top><p class=MsoNormal>人民广场<o:p></o:p></p></td>
             </tr>
            </table>
            <div style='mso-element:comment-list'><div style='mso-element:comment'><p class=MsoCommentText>请核对日期</p></div></div>
            <!--EndFragment--></body></html>""";

    /** What WPS 文字 puts on the clipboard: bullets as Wingdings marker spans, bold by style. */
    static final String WPS_HTML = """
            <html><head><meta name="Generator" content="WPS Office"></head><body>
            <p style="margin-left:21pt;mso-list:l0 level1 lfo1"><span style="mso-list:Ignore;font-family:Wingdings">l&nbsp;</span><span style="font-family:宋体">优化营商环境</span></p>
            <p style="margin-left:21pt;mso-list:l0 level1 lfo1"><span style="mso-list:Ignore;font-family:Wingdings">l&nbsp;</span><span style="font-weight:bold">扩大有效投资。</span>落实*专项*资金</p>
            </body></html>""";

    @TempDir
    static Path dir;
    private static ConsoleFixture app;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        app = new ConsoleFixture(dir, Clock.systemUTC());
        app.user("刘起草", Role.DRAFTER);
        browser = Browser.start(app.url(""));
        browser.login("刘起草", ConsoleFixture.PASSWORD);
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

    /** Pastes into an empty body; returns [body value, whether the paste was handled by the script]. */
    private static List<?> paste(String html, String text) {
        browser.open("/items/new");
        browser.find("#body");
        return (List<?>) browser.driver.executeScript("""
                var body = document.getElementById('body');
                body.value = ''; body.focus();
                var dt = new DataTransfer();
                if (arguments[0]) { dt.setData('text/html', arguments[0]); }
                dt.setData('text/plain', arguments[1]);
                var e = new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true});
                body.dispatchEvent(e);
                return [body.value, e.defaultPrevented];""", html, text);
    }

    @Test
    void wordHtmlBecomesMarkdownWithHeadingsBoldListsAndTables() {
        List<?> r = paste(WORD_HTML, "一、活动安排 …");

        assertThat(r.get(1)).isEqualTo(true);
        assertThat(r.get(0)).isEqualTo("""
                ## 一、活动安排

                为进一步激发消费活力，**红旗区商务局**于6月10日举办活动。

                1. 家电以旧换新
                1. 夜间消费集市

                | **时间** | **地点** |
                | --- | --- |
                | 6月10日 | 人民广场 |""");
        assertThat(browser.policyViolations()).isEmpty();
    }

    @Test
    void wpsBulletsAndStyledBoldAreKeptAndMarkdownCharactersEscaped() {
        List<?> r = paste(WPS_HTML, "优化营商环境");

        assertThat(r.get(0)).isEqualTo("- 优化营商环境\n- **扩大有效投资**。落实\\*专项\\*资金");
    }

    @Test
    void plainTextIsLeftToTheBrowsersOwnPaste() {
        List<?> r = paste(null, "只有文字");

        assertThat(r.get(1)).isEqualTo(false);
        assertThat(r.get(0)).isEqualTo("");
    }
}

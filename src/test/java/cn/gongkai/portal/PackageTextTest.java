package cn.gongkai.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The e-mail subject from the portal's template and the plain-text body with the summary. */
class PackageTextTest {
    private final PackageSamples samples = new PackageSamples();

    @Test
    void theDefaultSubjectIsInformationReportUnitAndTitle() {
        PortalPackage pkg = new PackageBuilder().build(samples.source(samples.item().build()),
                PackageSamples.portal(null));

        assertThat(pkg.subject()).isEqualTo("【信息报送】红旗区商务局：红旗区启动2026年以旧换新活动");
    }

    @Test
    void aConfiguredTemplateIsFilledAndLineBreaksInTheTitleNeverReachTheSubject() {
        PortalPackage pkg = new PackageBuilder().build(samples.source(samples.item().title("第一行\r\n第二行\t完").build()),
                PackageSamples.portal("{unit}报送信息 - {title}（请审阅）"));

        assertThat(pkg.subject()).isEqualTo("红旗区商务局报送信息 - 第一行 第二行 完（请审阅）").doesNotContain("\n", "\r");
    }

    @Test
    void aLongSubjectIsCutAtOneHundredTwentyCharactersWithAnEllipsis() {
        String title = "长".repeat(300);

        String subject = new PackageBuilder().build(samples.source(samples.item().title(title).build()),
                PackageSamples.portal(null)).subject();

        assertThat(subject).hasSize(PackageText.SUBJECT_CHARS + 1).startsWith("【信息报送】红旗区商务局：长").endsWith("长…");
    }

    @Test
    void theUnitFallsBackToTheItemsDepartmentWhenThePortalNamesNone() {
        cn.gongkai.config.PortalConfig noUnit = new cn.gongkai.config.PortalConfig("qzfb", "区政府办", java.util.List.of(),
                cn.gongkai.config.PortalConfig.Delivery.FOLDER, null, null, null, null, "", "", "");

        PortalPackage pkg = new PackageBuilder().build(samples.source(samples.item().build()), noUnit);

        assertThat(pkg.subject()).isEqualTo("【信息报送】商贸流通股：红旗区启动2026年以旧换新活动");
        assertThat(pkg.plainBody()).doesNotContain("联系人", "电话");
        assertThat(PackageSamples.docx(pkg).getParagraphs().get(1).getText())
                .isEqualTo("报送单位：商贸流通股　　日期：2026年12月7日");
    }

    @Test
    void thePlainBodySummarisesTheItemLinksWeChatListsTheFilesAndGivesTheContact() {
        PortalPackage pkg = new PackageBuilder().build(samples.source(samples.item().build()),
                PackageSamples.portal(null));

        assertThat(pkg.plainBody()).isEqualTo("""
                红旗区人民政府办公室：

                现报送信息《红旗区启动2026年以旧换新活动》，正文（Word 文件）、图片和元数据见附件。

                标题：红旗区启动2026年以旧换新活动
                报送单位：红旗区商务局
                分类：促消费
                文号：红商〔2026〕12号
                日期：2026年12月7日
                微信公众号文章：https://mp.weixin.qq.com/s/abc

                内容摘要：
                红旗区商务局开展以旧换新促消费活动，惠及群众。 活动安排 家电以旧换新 汽车以旧换新 线上报名 线下兑付 品类 补贴 家电 15% \
                现场图片见下<script>alert('x')</script>。

                附件：
                1. 红旗区启动2026年以旧换新活动.docx
                2. 图1-展会现场_主会场：全景.png
                3. 图2.png
                4. metadata.json

                联系人：王五　　电话：0451-1234567
                """);
    }

    @Test
    void theSummaryQuotesTheFirstTwoHundredCharactersOfTheBody() {
        String body = "甲".repeat(150) + "乙".repeat(150);

        String plain = new PackageBuilder().build(samples.source(samples.item().body(body)
                .images(java.util.List.of()).build()), PackageSamples.portal(null)).plainBody();

        assertThat(plain).contains("内容摘要：\n" + "甲".repeat(150) + "乙".repeat(50) + "……\n")
                .doesNotContain("乙".repeat(51));
    }
}

package cn.gongkai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.Bundled;
import cn.gongkai.testsupport.CliHarness;
import cn.gongkai.testsupport.CliHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo --district}: two bureaus publish their own items through their own people and accounts; each unit's
 * counts hold only its own, the district's all of them; the office's 全区 view lists every unit and account.
 */
class DistrictDemoTest {
    @TempDir
    Path dir;

    @Test
    void twoUnitsAndTheOfficeEndToEndInTheSandbox() {
        long samples = Bundled.index("samples").stream().filter(f -> f.endsWith(".md")).count();

        Run r = CliHarness.gongkai().run("demo", "--district", "--dir", dir.resolve("demo").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("一个区：3 个单位",
                "1. 红旗区商务局导入稿件 " + samples + " 篇（提交人：刘科员）", "1. 红旗区教育局导入稿件 2 篇（提交人：陈老师）",
                "红旗区商务局逐级审核通过：业务部门分管领导张科长", "红旗区教育局逐级审核通过：业务部门分管领导孙科长",
                "发布到 红旗商务（模拟器）：", "发布 " + samples + " 篇", "发布到 红旗教育（模拟器）：", "发布 2 篇",
                "本年统计（红旗区教育局）", "教育教学  2", "区政府办“全区”页",
                "5. 区内报送：报送成功 " + (samples + 2) + " 篇", "报送收件箱有 " + (samples + 2) + " 篇",
                "冯主任采用了红旗区教育局的", "冯主任采用了红旗区商务局的",
                "报区政府办：报送 " + samples + " 条，被采用 1 条", "报区政府办：报送 2 条，被采用 1 条");
        String education = r.out().substring(r.out().indexOf("本年统计（红旗区教育局）"));
        assertThat(education.substring(0, education.indexOf("合计"))).doesNotContain("招商引资");
        assertThat(r.out()).contains("文章 " + (samples + 2) + " 条");
        assertThat(r.out().lines().filter(l -> l.startsWith("全区合计")).findFirst().orElseThrow())
                .startsWith("全区合计").contains(String.valueOf(samples + 2));
        assertThat(r.out().lines().filter(l -> l.startsWith("红旗政务")).findFirst().orElseThrow())
                .contains("从未发布（不合格）");
    }
}

package cn.gongkai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.testsupport.CliHarness;
import cn.gongkai.testsupport.CliHarness.Run;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ledger import-template}: the .xlsx it writes is what {@code ledger import} reads. */
class LedgerTemplateCliTest {
    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void writeConfig() throws IOException {
        config = dir.resolve("gongkai.yml");
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\nreview:\n  chain: []\n",
                StandardCharsets.UTF_8);
    }

    private Run run(String... args) {
        return CliHarness.gongkai().withConfig(config).run(args);
    }

    @Test
    void theTemplateHasTheConfiguredCategoriesAndImportsItsExampleRow() throws IOException {
        Path xlsx = dir.resolve("out/模板.xlsx");

        Run made = run("ledger", "import-template", "--out", xlsx.toString());
        Run imported = run("ledger", "import", xlsx.toString());

        assertThat(made.code()).as(made.err()).isZero();
        assertThat(made.out()).contains("已生成历史发布记录模板", "删除第 2 行的示例");
        try (InputStream in = Files.newInputStream(xlsx); Workbook wb = WorkbookFactory.create(in)) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("发布时间");
            assertThat(wb.getSheetName(1)).isEqualTo("填写说明");
            assertThat(wb.getSheetAt(0).getRow(1).getCell(5).getStringCellValue()).isEqualTo("hongqi");
        }
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("已导入 1 条");
        assertThat(run("ledger", "list", "--year", "2023").out()).contains("示例，请删除本行");
    }

    @Test
    void anOutputThatIsNotXlsxIsRefused() {
        Run r = run("ledger", "import-template", "--out", dir.resolve("模板.csv").toString());

        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("--out 须以 .xlsx 结尾");
        assertThat(dir.resolve("模板.csv")).doesNotExist();
    }
}

package cn.gongkai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.report.CountBy;
import cn.gongkai.report.YearCounts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code counts --format csv}: a department named like a formula comes out inert, counts stay numbers. */
class CountsCsvTest {

    @Test
    void aDepartmentNamedLikeAFormulaIsWrittenInertAndCountsStayNumbers() throws Exception {
        Map<String, Integer> groups = new LinkedHashMap<>();
        groups.put("=HYPERLINK(\"http://x\",\"y\")", 2);
        groups.put("商贸流通股", 3);
        StringWriter text = new StringWriter();

        CountsCommand.print(new YearCounts(2023, CountBy.DEPARTMENT, 5, 5, groups), "csv", new PrintWriter(text, true));

        assertThat(text.toString().lines()).containsExactly("department,articles",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2", "商贸流通股,3", "total,5");
    }
}

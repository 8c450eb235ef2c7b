package cn.gongkai.report;

import static cn.gongkai.report.FactsNodes.absent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a per-year facts file ({@code config/report/YYYY.yml}). Keys are the Chinese names staff see in the report;
 * an unknown key is an error. The tables are read by {@link FactsTables}: a table row or a whole table left out is
 * 0; a total left out is the sum of its parts; a cell written blank, "/" or "—" is kept blank so that the checks can
 * refuse it (V6) by name.
 */
public final class FactsFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("单位", "年度", "发布日期", "统计期限", "发布渠道", "分类明细", "写明推送次数",
            "报区政府办", "总体情况", "表二", "表三", "表四", "存在的主要问题及改进情况", "其他需要报告的事项");
    private static final Set<String> SECTION_1 = Set.of("开头", "主动公开", "小节");
    private static final Set<String> SUBSECTION = Set.of("标题", "内容");
    private static final Set<String> PROACTIVE = Set.of("标题", "补充");
    private static final List<String> DEFAULT_HEADINGS = List.of("依申请公开情况", "政府信息管理", "政府信息公开平台建设",
            "监督保障");

    private final String file;
    private final FactsNodes nodes;

    private FactsFile(String file) {
        this.file = file;
        this.nodes = new FactsNodes(file);
    }

    /** Reads the facts file at {@code path}. */
    public static ReportFacts read(Path path) {
        String name = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new FactsException(name, "", "文件不存在（可复制 config/report/example.yml 改写）");
        }
        JsonNode root;
        try {
            root = YAML.readTree(path.toFile());
        } catch (JsonProcessingException e) {
            throw new FactsException(name, "", "YAML 格式错误，第 " + e.getLocation().getLineNr() + " 行："
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FactsException(name, "", "无法读取：" + e.getMessage());
        }
        return new FactsFile(name).parse(root);
    }

    private ReportFacts parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new FactsException(file, "", "顶层必须是“键: 值”的映射");
        }
        nodes.known(root, TOP, "");
        String unit = nodes.text(root, "单位", true);
        int year = year(root);
        LocalDate publishedOn = nodes.date(root.get("发布日期"), "发布日期");
        Period period = period(root.get("统计期限"));
        String channel = channel(root, unit);
        List<String> omitted = new ArrayList<>();
        FactsTables tables = new FactsTables(nodes, omitted);
        JsonNode s1 = section1(root);
        ReportFacts.Subsection proactive = proactive(s1.path("主动公开"));
        List<ReportFacts.Subsection> subsections = subsections(s1.path("小节"));
        return new ReportFacts(file, unit, year, channel, publishedOn, period.from(), period.to(),
                nodes.bool(root, "分类明细"), nodes.bool(root, "写明推送次数"), portalFigures(root.get("报区政府办")),
                nodes.text(s1, "开头", false), proactive,
                subsections, tables.table2(root.get("表二")), tables.table3(root.get("表三")),
                tables.table4(root.get("表四")), nodes.text(root, "存在的主要问题及改进情况", false),
                nodes.text(root, "其他需要报告的事项", false), omitted);
    }

    /** The 发布渠道 as written; the unit's WeChat account when it is left out. */
    private String channel(JsonNode root, String unit) {
        String channel = nodes.text(root, "发布渠道", false);
        return channel.isEmpty() ? unit + "微信公众号" : channel;
    }

    /** {@code 报区政府办: true} (all portals), a portal id, or false / left out (not stated). */
    private ReportFacts.PortalFigures portalFigures(JsonNode n) {
        if (absent(n) || n.isBoolean() && !n.asBoolean()) {
            return null;
        }
        if (n.isBoolean()) {
            return new ReportFacts.PortalFigures(null);
        }
        String id = n.isTextual() ? n.asText().strip() : "";
        if (!id.matches("[a-z0-9_-]{1,32}")) {
            throw new FactsException(file, "报区政府办", "只能是 true、false 或一个报送单位的编号（如 qzfb），实际为 "
                    + n.asText());
        }
        return new ReportFacts.PortalFigures(id);
    }

    private int year(JsonNode root) {
        JsonNode yearNode = root.get("年度");
        if (yearNode == null || !yearNode.canConvertToInt()) {
            throw new FactsException(file, "年度", "必须填写四位年份，如 年度: 2023");
        }
        return yearNode.asInt();
    }

    /** The 统计期限 of the report; both ends null when it is not given. */
    private record Period(LocalDate from, LocalDate to) {
    }

    private Period period(JsonNode period) {
        if (period == null || period.isNull()) {
            return new Period(null, null);
        }
        if (!period.isArray() || period.size() != 2) {
            throw new FactsException(file, "统计期限", "写作 [YYYY-01-01, YYYY-12-31]");
        }
        return new Period(nodes.date(period.get(0), "统计期限"), nodes.date(period.get(1), "统计期限"));
    }

    /** Section 1 (总体情况), checked for unknown keys; a missing node when it is not given. */
    private JsonNode section1(JsonNode root) {
        JsonNode s1 = root.path("总体情况");
        if (!s1.isMissingNode() && !s1.isNull()) {
            if (!s1.isObject()) {
                throw new FactsException(file, "总体情况", "必须是映射（开头、主动公开、小节）");
            }
            nodes.known(s1, SECTION_1, "总体情况.");
        }
        return s1;
    }

    private ReportFacts.Subsection proactive(JsonNode pro) {
        if (!pro.isMissingNode() && !pro.isNull()) {
            nodes.known(pro, PROACTIVE, "总体情况.主动公开.");
        }
        String proHeading = nodes.text(pro, "标题", false);
        return new ReportFacts.Subsection(proHeading.isEmpty() ? "主动公开情况" : proHeading, nodes.text(pro, "补充", false));
    }

    /** The subsections (二) to (十) of section 1; the default headings when none are given. */
    private List<ReportFacts.Subsection> subsections(JsonNode list) {
        List<ReportFacts.Subsection> subsections = new ArrayList<>();
        if (absent(list)) {
            DEFAULT_HEADINGS.forEach(h -> subsections.add(new ReportFacts.Subsection(h, "")));
        } else if (!list.isArray()) {
            throw new FactsException(file, "总体情况.小节", "必须是列表，每项有“标题”和“内容”");
        } else if (list.size() > 9) {
            throw new FactsException(file, "总体情况.小节", "最多 9 个小节（（二）至（十）），实际 " + list.size() + " 个");
        } else {
            for (int i = 0; i < list.size(); i++) {
                subsections.add(subsection(list.get(i), "总体情况.小节[" + (i + 1) + "]"));
            }
        }
        return subsections;
    }

    private ReportFacts.Subsection subsection(JsonNode n, String key) {
        if (!n.isObject()) {
            throw new FactsException(file, key, "必须有“标题”和“内容”");
        }
        nodes.known(n, SUBSECTION, key + ".");
        String heading = nodes.text(n, "标题", false);
        if (heading.isEmpty()) {
            throw new FactsException(file, key + ".标题", "不能为空");
        }
        return new ReportFacts.Subsection(heading, nodes.text(n, "内容", false));
    }
}

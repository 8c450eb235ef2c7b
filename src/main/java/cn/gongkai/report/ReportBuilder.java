package cn.gongkai.report;

import cn.gongkai.portal.PortalYearCounts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Drafts the annual report from the year's ledger counts and the facts file. The sentences of section 一 (一) are
 * generated: topics in order of their count, the total stated once, and a "其中" list only when its parts add up to
 * the total.
 */
public final class ReportBuilder {
    /** Chinese numbering of the sub-sections of section 一. */
    private static final List<String> NUMBERS = List.of("一", "二", "三", "四", "五", "六", "七", "八", "九", "十");
    /** Groups that are no topic of their own in the "主要涉及" list. */
    private static final List<String> NOT_TOPICS = List.of("其他", Counter.NO_CATEGORY, ReportBuilder.EXTERNAL);
    /** The category of articles found in WeChat that staff have not categorised yet. */
    public static final String EXTERNAL = "外部发布";

    private ReportBuilder() {
    }

    /**
     * Builds the report.
     *
     * @param counts the year's counts by category
     */
    public static AnnualReport build(ReportFacts facts, YearCounts counts) {
        return build(facts, counts, null);
    }

    /**
     * Builds the report; with {@code portal} (the year's 报区政府办 counts, when the facts file asks for them) section
     * 一 (一) also states “报区政府办 N 条，被采用 M 条”.
     */
    public static AnnualReport build(ReportFacts facts, YearCounts counts, PortalYearCounts portal) {
        if (counts.by() != CountBy.CATEGORY) {
            throw new IllegalArgumentException("the report needs counts by category, got " + counts.by());
        }
        int year = counts.year();
        String title = facts.unit() + year + "年政府信息公开工作年度报告";
        List<String> preamble = List.of("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国"
                + "政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）的要求编制。" + periodSentence(year));
        List<AnnualReport.Section> sections = new ArrayList<>();

        List<AnnualReport.Block> one = new ArrayList<>();
        paragraphs(facts.opening()).forEach(one::add);
        one.add(new AnnualReport.Heading(numbered(0, facts.proactive().heading())));
        one.add(new AnnualReport.Paragraph(proactiveSentence(facts, counts) + portalSentence(portal)));
        paragraphs(facts.proactive().text()).forEach(one::add);
        for (int i = 0; i < facts.subsections().size(); i++) {
            ReportFacts.Subsection s = facts.subsections().get(i);
            one.add(new AnnualReport.Heading(numbered(i + 1, s.heading())));
            paragraphs(s.text()).forEach(one::add);
        }
        sections.add(new AnnualReport.Section(Format2021.SECTION_1, one));
        sections.add(new AnnualReport.Section(Format2021.SECTION_2, List.of(new AnnualReport.Table(Tables.table2(facts)))));
        sections.add(new AnnualReport.Section(Format2021.SECTION_3, List.of(new AnnualReport.Table(Tables.table3(facts)))));
        sections.add(new AnnualReport.Section(Format2021.SECTION_4, List.of(new AnnualReport.Table(Tables.table4(facts)))));
        sections.add(new AnnualReport.Section(Format2021.SECTION_5, paragraphs(facts.problems())));
        sections.add(new AnnualReport.Section(Format2021.SECTION_6, paragraphs(facts.otherMatters())));
        return new AnnualReport(year, facts.unit(), title, preamble, sections);
    }

    /** 本报告所列数据的统计期限自YYYY年1月1日起至YYYY年12月31日止。 */
    static String periodSentence(int year) {
        return "本报告所列数据的统计期限自" + year + "年1月1日起至" + year + "年12月31日止。";
    }

    /**
     * The sentence of section 一 (一): how many items the channel published, on which topics. Topics are listed in
     * order of their count (ties in the configured order); with a breakdown, the parts always add up to the total.
     */
    static String proactiveSentence(ReportFacts facts, YearCounts counts) {
        int year = counts.year();
        int total = counts.articles();
        if (total == 0) {
            return year + "年，" + facts.channel() + "未发布政务信息。";
        }
        List<Map.Entry<String, Integer>> parts = counts.groups().entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue())).toList();
        StringBuilder s = new StringBuilder().append(year).append("年，").append(facts.channel())
                .append("主动公开各类政务信息");
        int sum = parts.stream().mapToInt(Map.Entry::getValue).sum();
        boolean breakdown = facts.categoryBreakdown() && parts.size() > 1 && sum == total;
        s.append(breakdown ? "共" : "").append(total).append("条");
        if (facts.statePushes()) {
            s.append("，分").append(counts.pushes()).append("次推送");
        }
        List<String> topics = parts.stream().map(Map.Entry::getKey).filter(k -> !NOT_TOPICS.contains(k)).toList();
        if (breakdown) {
            s.append("，其中");
            for (int i = 0; i < parts.size(); i++) {
                s.append(i == 0 ? "" : "、").append(parts.get(i).getKey()).append(parts.get(i).getValue()).append("条");
            }
        } else if (!topics.isEmpty()) {
            s.append("，主要涉及").append(String.join("、", topics)).append("等工作");
        }
        s.append("。");
        if (counts.deleted() > 0) {
            s.append("上述信息中有").append(counts.deleted()).append("条发布后已删除，仍计入发布数量。");
        }
        return s.toString();
    }

    /** 全年报区政府办N条，被采用M条。 — empty without counts. */
    static String portalSentence(PortalYearCounts portal) {
        if (portal == null) {
            return "";
        }
        return "全年报区政府办" + portal.total().articles() + "条，被采用" + portal.total().adopted() + "条。";
    }

    private static String numbered(int index, String heading) {
        String h = heading.replaceFirst("^[（(][一二三四五六七八九十]+[）)]\\s*", "");
        return "（" + NUMBERS.get(index) + "）" + h;
    }

    private static List<AnnualReport.Block> paragraphs(String text) {
        List<AnnualReport.Block> out = new ArrayList<>();
        text.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> out.add(new AnnualReport.Paragraph(l)));
        return out;
    }
}

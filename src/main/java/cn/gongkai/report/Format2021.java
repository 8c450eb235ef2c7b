package cn.gongkai.report;

import java.util.List;

/**
 * The 2021 national format (国办公开办函〔2021〕30号): headings and the row and column labels of tables 二/三/四,
 * character for character (annual-report-format.md §2–§5). Every writer takes its labels from here.
 */
final class Format2021 {
    private Format2021() {
    }

    static final String SECTION_1 = "一、总体情况";
    static final String SECTION_2 = "二、主动公开政府信息情况";
    static final String SECTION_3 = "三、收到和处理政府信息公开申请情况";
    static final String SECTION_4 = "四、政府信息公开行政复议、行政诉讼情况";
    static final String SECTION_5 = "五、存在的主要问题及改进情况";
    static final String SECTION_6 = "六、其他需要报告的事项";
    static final List<String> SECTIONS = List.of(SECTION_1, SECTION_2, SECTION_3, SECTION_4, SECTION_5, SECTION_6);

    // ---- table 二 ----
    static final String T2_CONTENT = "信息内容";
    static final String T2_ITEM_1 = "第二十条第（一）项";
    static final String T2_ITEM_5 = "第二十条第（五）项";
    static final String T2_ITEM_6 = "第二十条第（六）项";
    static final String T2_ITEM_8 = "第二十条第（八）项";
    static final List<String> T2_DOC_COLUMNS = List.of("本年制发件数", "本年废止件数", "现行有效件数");
    static final String T2_DECISIONS = "本年处理决定数量";
    static final String T2_FEES = "本年收费金额（单位：万元）";
    static final String T2_RULES = "规章";
    static final String T2_NORMATIVE = "行政规范性文件";
    static final String T2_LICENSING = "行政许可";
    static final String T2_PENALTY = "行政处罚";
    static final String T2_COERCION = "行政强制";
    static final String T2_CHARGES = "行政事业性收费";

    // ---- table 三 ----
    static final String T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    static final String T3_APPLICANTS = "申请人情况";
    static final String T3_ORGANISATIONS = "法人或其他组织";
    /** The seven columns c1–c7. */
    static final List<String> T3_COLUMNS = List.of("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
            "总计");
    static final String T3_RESULTS = "三、本年度办理结果";
    static final String T3_WITHHELD = "（三）不予公开";
    static final String T3_UNABLE = "（四）无法提供";
    static final String T3_NOT_HANDLED = "（五）不予处理";
    static final String T3_OTHER = "（六）其他处理";

    /** The 25 rows R1–R25: their exact label and the key staff write in the facts file. */
    static final List<Row> T3_ROWS = List.of(
            new Row("一、本年新收政府信息公开申请数量", "本年新收"),
            new Row("二、上年结转政府信息公开申请数量", "上年结转"),
            new Row("（一）予以公开", "予以公开"),
            new Row("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开"),
            new Row("1.属于国家秘密", "属于国家秘密"),
            new Row("2.其他法律行政法规禁止公开", "其他法律行政法规禁止公开"),
            new Row("3.危及“三安全一稳定”", "危及三安全一稳定"),
            new Row("4.保护第三方合法权益", "保护第三方合法权益"),
            new Row("5.属于三类内部事务信息", "属于三类内部事务信息"),
            new Row("6.属于四类过程性信息", "属于四类过程性信息"),
            new Row("7.属于行政执法案卷", "属于行政执法案卷"),
            new Row("8.属于行政查询事项", "属于行政查询事项"),
            new Row("1.本机关不掌握相关政府信息", "本机关不掌握相关政府信息"),
            new Row("2.没有现成信息需要另行制作", "没有现成信息需要另行制作"),
            new Row("3.补正后申请内容仍不明确", "补正后申请内容仍不明确"),
            new Row("1.信访举报投诉类申请", "信访举报投诉类申请"),
            new Row("2.重复申请", "重复申请"),
            new Row("3.要求提供公开出版物", "要求提供公开出版物"),
            new Row("4.无正当理由大量反复申请", "无正当理由大量反复申请"),
            new Row("5.要求行政机关确认或重新出具已获取信息", "要求行政机关确认或重新出具已获取信息"),
            new Row("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "逾期不补正"),
            new Row("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "逾期未缴纳费用"),
            new Row("3.其他", "其他处理"),
            new Row("（七）总计", "总计"),
            new Row("四、结转下年度继续办理", "结转下年度"));

    /** 0-based indexes into {@link #T3_ROWS}. */
    static final int R1 = 0;
    static final int R2 = 1;
    static final int R3 = 2;
    static final int R23 = 22;
    static final int R24 = 23;
    static final int R25 = 24;
    static final int TOTAL_COLUMN = 6;

    // ---- table 四 ----
    static final String T4_REVIEW = "行政复议";
    static final String T4_LITIGATION = "行政诉讼";
    static final String T4_DIRECT = "未经复议直接起诉";
    static final String T4_AFTER_REVIEW = "复议后起诉";
    static final List<String> T4_COLUMNS = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");
    /** The three groups of five columns, as staff name them in the facts file. */
    static final List<String> T4_GROUPS = List.of(T4_REVIEW, T4_DIRECT, T4_AFTER_REVIEW);

    /** Labels a report must contain exactly (V10). */
    static List<String> requiredLabels() {
        List<String> labels = new java.util.ArrayList<>(SECTIONS);
        labels.addAll(List.of(T2_CONTENT, T2_ITEM_1, T2_ITEM_5, T2_ITEM_6, T2_ITEM_8, T2_DECISIONS, T2_FEES, T2_RULES,
                T2_NORMATIVE, T2_LICENSING, T2_PENALTY, T2_COERCION, T2_CHARGES, T3_NOTE, T3_APPLICANTS,
                T3_ORGANISATIONS, T3_RESULTS, T3_WITHHELD, T3_UNABLE, T3_NOT_HANDLED, T3_OTHER, T4_REVIEW,
                T4_LITIGATION, T4_DIRECT, T4_AFTER_REVIEW));
        labels.addAll(T2_DOC_COLUMNS);
        labels.addAll(T3_COLUMNS);
        T3_ROWS.forEach(r -> labels.add(r.label()));
        labels.addAll(T4_COLUMNS);
        return labels;
    }

    /**
     * Wordings of the 2019 trial format or common slips that must not appear (V10): each with what it should be.
     * Checked as whole cells/lines, so the correct label containing the wrong one is not flagged.
     */
    static final List<List<String>> WRONG_LABELS = List.of(
            List.of("规范性文件", T2_NORMATIVE),
            List.of("本年新制作数量", "本年制发件数"),
            List.of("本年新公开数量", "本年废止件数"),
            List.of("对外公开总数量", "现行有效件数"),
            List.of("三、收到和处理政府信息公开的申请情况", SECTION_3),
            List.of("政府集中采购", "（2021 年格式已删除此项）"));

    /** A row of table 三: its exact label and its key in the facts file. */
    record Row(String label, String key) {
    }
}

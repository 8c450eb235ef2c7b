package cn.gongkai.report;

import java.util.Locale;

/** What yearly counts are grouped by. */
public enum CountBy {
    CATEGORY("分类"), MONTH("月份"), ACCOUNT("公众号"), DEPARTMENT("部门"), MODE("发布方式");

    private final String label;

    CountBy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static CountBy parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--by 只能是 category、month、account、department 或 mode：" + text);
        }
    }
}

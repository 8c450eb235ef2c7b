package cn.gongkai.item;

/** Life cycle of a disclosure item (design.md §4). */
public enum ItemStatus {
    DRAFT("草稿"),
    IN_REVIEW("审核中"),
    REJECTED("已退回"),
    APPROVED("已审定待发布"),
    PUBLISHING("发布中"),
    PUBLISHED("已发布"),
    FAILED("发布失败"),
    WITHDRAWN("已撤回"),
    CORRECTED("已更正");

    private final String label;

    ItemStatus(String label) {
        this.label = label;
    }

    /** The Chinese label staff see. */
    public String label() {
        return label;
    }

    /** Parses a status name case-insensitively, or its Chinese label. */
    public static ItemStatus parse(String text) {
        for (ItemStatus s : values()) {
            if (s.name().equalsIgnoreCase(text.trim()) || s.label.equals(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("未知的稿件状态: " + text);
    }
}

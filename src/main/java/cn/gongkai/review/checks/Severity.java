package cn.gongkai.review.checks;

/** How much a finding matters: errors block queuing and publishing, warnings are shown. */
public enum Severity {
    ERROR("错误"), WARNING("提醒");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package cn.gongkai.inspect;

/**
 * One problem the inspection found in a published article.
 *
 * @param url        the article's link
 * @param problem    the wrong text with a little around it, or the link that failed
 * @param suggestion what to write instead, or what to do
 */
public record Finding(String account, String articleId, int index, String title, String url, Kind kind,
                      String problem, String suggestion) {

    /** What kind of problem, with the label staff see. */
    public enum Kind {
        WRONG_WORD("错别字", true),
        SENSITIVE_WORD("敏感词", true),
        DEAD_LINK("死链", true),
        LINK_UNREACHABLE("链接暂时无法访问", false),
        LINK_REFUSED("链接未检查（地址不允许）", false),
        LINK_UNCHECKED("链接未检查（演示模式）", false);

        private final String label;
        private final boolean failing;

        Kind(String label, boolean failing) {
            this.label = label;
            this.failing = failing;
        }

        public String label() {
            return label;
        }

        /** Whether an inspection counts it against the account (a passing failure or an unchecked link does not). */
        public boolean failing() {
            return failing;
        }
    }
}

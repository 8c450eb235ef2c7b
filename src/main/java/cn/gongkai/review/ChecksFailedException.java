package cn.gongkai.review;

import cn.gongkai.review.checks.CheckReport;
import cn.gongkai.review.checks.Finding;

/** The pre-publish checks found errors, so the item was not queued; the report says what and where. */
public final class ChecksFailedException extends RuntimeException {
    private final long itemId;
    private final transient CheckReport report;

    public ChecksFailedException(long itemId, CheckReport report) {
        super(message(itemId, report));
        this.itemId = itemId;
        this.report = report;
    }

    public long itemId() {
        return itemId;
    }

    public CheckReport report() {
        return report;
    }

    private static String message(long itemId, CheckReport report) {
        StringBuilder sb = new StringBuilder("稿件 " + itemId + "：发布前检查发现 " + report.errors().size()
                + " 个错误，未提交审核");
        for (Finding f : report.errors()) {
            sb.append("\n  ").append(f);
        }
        return sb.toString();
    }
}

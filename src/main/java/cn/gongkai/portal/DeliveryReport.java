package cn.gongkai.portal;

/**
 * What one run did, over every portal.
 *
 * @param sent    packages the receivers took (adopted included)
 * @param adopted of those, packages the portal published at once (a webhook answering with its link)
 * @param retried failures for a passing reason, tried again by a later run
 * @param failed  failures waiting for staff (fix, then {@code gongkai portal resend})
 */
public record DeliveryReport(int sent, int adopted, int retried, int failed) {
    public static final DeliveryReport NONE = new DeliveryReport(0, 0, 0, 0);

    DeliveryReport plus(DeliveryReport other) {
        return new DeliveryReport(sent + other.sent, adopted + other.adopted, retried + other.retried,
                failed + other.failed);
    }

    /** The report in one Chinese line for the console, the log and the CLI. */
    public String toText() {
        return "报送成功 " + sent + " 篇（其中已采用 " + adopted + " 篇），稍后自动重试 " + retried + " 篇，需要处理 " + failed + " 篇";
    }
}

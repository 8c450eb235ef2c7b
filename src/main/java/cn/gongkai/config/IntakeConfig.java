package cn.gongkai.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Ways items arrive besides the CLI and the REST API: the inbox folder and the optional OA database.
 *
 * @param inboxDir       folder watched for .md and .docx files; processed files go to done/, refused ones to failed/
 * @param inboxInterval  how often the inbox is scanned
 * @param oaUrl          JDBC URL of the bureau's OA database; empty: no OA source
 * @param oaUser         OA database user
 * @param oaPassword     OA database password (environment only)
 * @param oaQuery        SELECT returning approved items, columns named as the item fields (source_key, title, …)
 * @param oaInterval     how often the OA database is read
 */
public record IntakeConfig(Path inboxDir, Duration inboxInterval, String oaUrl, String oaUser, Secret oaPassword,
                           String oaQuery, Duration oaInterval) {
    public IntakeConfig {
        if (inboxDir == null || inboxDir.toString().isBlank()) {
            throw new ConfigException("inbox.dir", "收件箱目录不能为空");
        }
        if (inboxInterval.isNegative() || inboxInterval.isZero()) {
            throw new ConfigException("inbox.interval", inboxInterval.toString(), "应为正的时长，例如 30s");
        }
        oaUrl = oaUrl == null ? "" : oaUrl.strip();
        oaQuery = oaQuery == null ? "" : oaQuery.strip();
        if (!oaUrl.isEmpty() && oaQuery.isEmpty()) {
            throw new ConfigException("oa.query", "", "设置了 oa.url 时必须同时设置 oa.query（读取已审批稿件的 SELECT 语句）");
        }
        if (!oaQuery.isEmpty() && !oaQuery.regionMatches(true, 0, "select", 0, 6)
                && !oaQuery.regionMatches(true, 0, "with", 0, 4)) {
            throw new ConfigException("oa.query", oaQuery, "只能是 SELECT 查询");
        }
        if (oaInterval.isNegative() || oaInterval.isZero()) {
            throw new ConfigException("oa.interval", oaInterval.toString(), "应为正的时长，例如 10m");
        }
    }

    /** As a record prints itself, with any credentials in the OA URL masked. */
    @Override
    public String toString() {
        return "IntakeConfig[inboxDir=" + inboxDir + ", inboxInterval=" + inboxInterval + ", oaUrl="
                + JdbcUrls.mask(oaUrl) + ", oaUser=" + oaUser + ", oaPassword=" + oaPassword + ", oaQuery=" + oaQuery
                + ", oaInterval=" + oaInterval + "]";
    }

    /** True when an OA database is configured. */
    public boolean oaEnabled() {
        return !oaUrl.isEmpty();
    }
}

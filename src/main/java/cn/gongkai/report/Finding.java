package cn.gongkai.report;

/**
 * The result of one check on the report.
 *
 * @param check   V1–V12 (annual-report-format.md §6), or 提示 for a reminder outside that list
 */
public record Finding(String check, Severity severity, String message) {
    public Finding {
        if (check == null || check.isBlank() || severity == null || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a finding needs a check, a severity and a message");
        }
    }

    /** An error blocks the export; a warning is listed. */
    public enum Severity { ERROR, WARNING }

    public boolean error() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return (error() ? "错误 " : "提醒 ") + check + "：" + message;
    }
}

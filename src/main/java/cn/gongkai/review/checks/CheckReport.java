package cn.gongkai.review.checks;

import java.util.List;

/** What the pre-publish checks found: errors block, warnings are shown. */
public record CheckReport(List<Finding> findings) {
    public CheckReport {
        findings = List.copyOf(findings == null ? List.of() : findings);
    }

    /** A report with nothing found. */
    public static CheckReport clean() {
        return new CheckReport(List.of());
    }

    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /** One line per finding, as stored with the audit row; "检查通过" when nothing was found. */
    public String toText() {
        if (findings.isEmpty()) {
            return "检查通过";
        }
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(f);
        }
        return sb.toString();
    }
}

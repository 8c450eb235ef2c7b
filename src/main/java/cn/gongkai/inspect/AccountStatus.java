package cn.gongkai.inspect;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One account as the inspection sees it on a day.
 *
 * @param updates    articles published in the period asked about (0 when no period was asked)
 * @param lastUpdate the last publication up to the day
 * @param lastPull   when its published list was last read, or empty (never, or a mass-only account)
 * @param findings   the findings of its last inspection
 */
public record AccountStatus(InspectedAccount account, int updates, Optional<Instant> lastUpdate, IdleDays idle,
                            Optional<Instant> lastPull, List<Finding> findings) {
    public AccountStatus {
        findings = List.copyOf(findings);
    }

    /** Findings that count against the account. */
    public long failingFindings() {
        return findings.stream().filter(f -> f.kind().failing()).count();
    }
}

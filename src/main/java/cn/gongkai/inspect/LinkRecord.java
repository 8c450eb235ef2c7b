package cn.gongkai.inspect;

import java.time.LocalDate;

/**
 * What the probe last said of a link.
 *
 * @param probedOn    the day (configured zone) of the last probe; a link is probed at most once a day
 * @param failureDays on how many different days in a row it failed passingly (5xx, timeout); dead at two
 */
public record LinkRecord(String url, LocalDate probedOn, LinkProbe.Outcome outcome, String detail, int failureDays) {
    public LinkRecord {
        detail = detail == null ? "" : detail;
    }
}

package cn.gongkai.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Idle days are calendar days in the configured zone, flagged at 10 and 14; the activity merges list and ledger. */
class IdleDaysTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private static IdleDays after(String beijingDateTime) {
        return IdleDays.of(Optional.of(java.time.LocalDateTime.parse(beijingDateTime).atZone(ZONE).toInstant()), TODAY,
                ZONE);
    }

    @Test
    void theFlagsStartAtTenAndFourteenDays() {
        assertThat(after("2026-11-20T08:00:00")).isEqualTo(new IdleDays(0, IdleDays.Flag.OK));
        assertThat(after("2026-11-11T23:59:00")).isEqualTo(new IdleDays(9, IdleDays.Flag.OK));
        assertThat(after("2026-11-10T00:01:00")).isEqualTo(new IdleDays(10, IdleDays.Flag.WARN));
        assertThat(after("2026-11-07T12:00:00")).isEqualTo(new IdleDays(13, IdleDays.Flag.WARN));
        assertThat(after("2026-11-06T12:00:00")).isEqualTo(new IdleDays(14, IdleDays.Flag.FAIL));
        assertThat(after("2026-11-06T12:00:00").text()).isEqualTo("14 天（不合格）");
        assertThat(after("2026-11-10T00:01:00").text()).isEqualTo("10 天（提醒）");
    }

    @Test
    void daysAreCountedInTheConfiguredZoneNotInUtc() {
        // 2026-11-10 23:30 UTC is already 11-11 07:30 in Beijing: 9 days, not 10
        IdleDays d = IdleDays.of(Optional.of(Instant.parse("2026-11-10T23:30:00Z")), TODAY, ZONE);
        assertThat(d).isEqualTo(new IdleDays(9, IdleDays.Flag.OK));
    }

    @Test
    void anAccountThatNeverPublishedFails() {
        IdleDays never = IdleDays.of(Optional.empty(), TODAY, ZONE);
        assertThat(never.flag()).isEqualTo(IdleDays.Flag.FAIL);
        assertThat(never.text()).isEqualTo("从未发布（不合格）");
    }

    @Test
    void theActivityTakesTheListAndTheLedgerRowsTheListDoesNotCarryButNotDeletedArticles() {
        Instant listed = Instant.parse("2026-11-01T02:00:00Z");
        Instant deleted = Instant.parse("2026-11-15T02:00:00Z");
        Instant mass = Instant.parse("2026-11-12T02:00:00Z");
        List<InspectedArticle> articles = List.of(
                new InspectedArticle("h", "A", 1, "t", "u", listed, false, "", List.of(), "", listed, true, null),
                new InspectedArticle("h", "D", 1, "t", "u", deleted, true, "", List.of(), "", deleted, false, null),
                new InspectedArticle("h", "OLD", 1, "t", "u", null, false, "", List.of(), "", deleted, true, null));
        List<InspectionStore.LedgerPublication> ledger = List.of(
                new InspectionStore.LedgerPublication("A", 1, listed.minusSeconds(60)),
                new InspectionStore.LedgerPublication("D", 1, deleted),
                new InspectionStore.LedgerPublication(null, 1, mass));

        AccountActivity activity = AccountActivity.of(articles, ledger);

        assertThat(activity.times()).containsExactlyInAnyOrder(listed, mass);
        assertThat(activity.lastBefore(Instant.parse("2026-12-01T00:00:00Z"))).contains(mass);
        assertThat(activity.between(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-12T00:00:00Z")))
                .isEqualTo(1);
    }

    @Test
    void anArticleWithoutUpdateTimeTakesTheLedgersTimeOrWhenALaterPullFoundIt() {
        Instant seen = Instant.parse("2026-11-03T02:00:00Z");
        Instant ledger = Instant.parse("2026-11-02T02:00:00Z");
        assertThat(new InspectedArticle("h", "A", 1, "t", "u", null, false, "", List.of(), "", seen, true, ledger)
                .publishedAt()).contains(ledger);
        assertThat(new InspectedArticle("h", "A", 1, "t", "u", null, false, "", List.of(), "", seen, false, null)
                .publishedAt()).contains(seen);
        assertThat(new InspectedArticle("h", "A", 1, "t", "u", null, false, "", List.of(), "", seen, true, null)
                .publishedAt()).as("found by the first pull: its time is unknown").isEmpty();
    }

    @Test
    void periodsAreQuartersOrTwoDatesWithChineseMessagesForMistakes() {
        assertThat(InspectionPeriod.quarter("2026Q4")).isEqualTo(new InspectionPeriod(LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 12, 31)));
        assertThat(InspectionPeriod.quarterOf(LocalDate.of(2026, 2, 14)).text()).isEqualTo("2026-01-01 至 2026-03-31");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InspectionPeriod.quarter("2026Q5"))
                .hasMessageContaining("应写成 年份Q季度");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InspectionPeriod.between("2026-12-01", "2026-11-01"))
                .hasMessageContaining("早于开始日期");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InspectionPeriod.between("2026/10/01", "2026-11-01"))
                .hasMessageContaining("--from");
    }
}

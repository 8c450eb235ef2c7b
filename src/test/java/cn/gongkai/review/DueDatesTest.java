package cn.gongkai.review;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time limit of 条例 art. 26, counted in working days in the configured zone. */
class DueDatesTest {
    private final DueDates dueDates = new DueDates(new ReviewPolicy(List.of("dept-leader"), List.of(), 20,
            ZoneId.of("Asia/Shanghai")));

    /** Created 2023-05-09T17:00Z: already Wednesday 2023-05-10 in Shanghai. */
    private static DisclosureItem item(ItemStatus status) {
        Instant created = Instant.parse("2023-05-09T17:00:00Z");
        return new DisclosureItem(1, anItem().build(), status, "h", "k", null, "", created, created);
    }

    @Test
    void theDueDateCountsWorkingDaysFromTheLocalDayOfCreation() {
        assertThat(dueDates.createdDate(item(ItemStatus.DRAFT))).isEqualTo(LocalDate.of(2023, 5, 10));
        assertThat(dueDates.dueDate(item(ItemStatus.DRAFT))).isEqualTo(LocalDate.of(2023, 6, 7));
    }

    @Test
    void anItemIsOverdueAfterItsDueDateUnlessItIsPublishedOrTakenBack() {
        LocalDate after = LocalDate.of(2023, 6, 8);
        assertThat(dueDates.overdue(item(ItemStatus.IN_REVIEW), LocalDate.of(2023, 6, 7))).isFalse();
        assertThat(dueDates.overdue(item(ItemStatus.IN_REVIEW), after)).isTrue();
        assertThat(dueDates.overdue(item(ItemStatus.FAILED), after)).isTrue();
        for (ItemStatus done : List.of(ItemStatus.PUBLISHED, ItemStatus.PUBLISHING, ItemStatus.WITHDRAWN,
                ItemStatus.CORRECTED)) {
            assertThat(dueDates.overdue(item(done), after)).as(done.name()).isFalse();
        }
    }

    @Test
    void onlyAPlannedDayAfterTheDueDateIsLate() {
        ItemContent onTime = anItem().publishAt(Instant.parse("2023-06-07T15:00:00Z")).build();
        ItemContent late = anItem().publishAt(Instant.parse("2023-06-07T16:00:00Z")).build();
        LocalDate created = LocalDate.of(2023, 5, 10);

        assertThat(dueDates.lateWarning(anItem().publishAt(null).build(), created)).isEmpty();
        assertThat(dueDates.lateWarning(onTime, created)).isEmpty();
        assertThat(dueDates.lateWarning(late, created)).hasValueSatisfying(f -> {
            assertThat(f.check()).isEqualTo("due-date");
            assertThat(f.field()).isEqualTo("publish_at");
            assertThat(f.message()).contains("计划发布日期 2023-06-08 晚于公开时限 2023-06-07").contains("20 个工作日");
        });
    }
}

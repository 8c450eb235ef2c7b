package cn.gongkai.review;

import cn.gongkai.item.ItemContent;
import cn.gongkai.review.checks.CheckReport;
import cn.gongkai.review.checks.Finding;
import cn.gongkai.review.checks.PrePublishChecks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The checks run whenever content is queued: the pre-publish checks, plus the late warning of {@link DueDates}. */
final class QueueChecks {
    private final PrePublishChecks checks;
    private final DueDates dueDates;

    QueueChecks(PrePublishChecks checks, DueDates dueDates) {
        this.checks = checks;
        this.dueDates = dueDates;
    }

    CheckReport check(ItemContent content, LocalDate createdDate) {
        CheckReport report = checks.check(content);
        return dueDates.lateWarning(content, createdDate).map(late -> {
            List<Finding> all = new ArrayList<>(report.findings());
            all.add(late);
            return new CheckReport(all);
        }).orElse(report);
    }
}

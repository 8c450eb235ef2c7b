package cn.gongkai.web;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.review.ApprovedSnapshots;
import cn.gongkai.review.AuditAction;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.ReviewText;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * What reviewers compare the text under review with: the version of the last decision on it. After a rejection that
 * is the text sent back (even when it came back unchanged); otherwise the last approved version of an earlier text.
 * The note names which version and when, e.g. “与 12月5日 14:30 退回时的版本对比”.
 */
final class ReviewComparison {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final ApprovedSnapshots snapshots;
    private final Views views;

    ReviewComparison(ApprovedSnapshots snapshots, Views views) {
        this.snapshots = snapshots;
        this.views = views;
    }

    ItemDetailView.Comparison of(DisclosureItem item, List<AuditEntry> history) {
        String now = ReviewText.of(item.content(), views.zone());
        Optional<AuditEntry> last = lastDecision(item, history);
        if (last.isEmpty()) {
            return new ItemDetailView.Comparison(now, "这是第一次送审的版本，没有以前审阅过的版本可比较。", List.of(), "");
        }
        AuditEntry e = last.get();
        boolean rejected = AuditAction.REJECT.is(e);
        String version = rejected ? " " + when(e.at()) + " 退回时的版本" : "上次审定的版本（" + when(e.at()) + "）";
        String who = AuditEntry.actorLabel(e.actor()) + (rejected ? " 退回" : " 同意");
        Optional<String> before = snapshots.find(item.id(), e.contentHash());
        if (before.isEmpty()) {
            return new ItemDetailView.Comparison(now, version.strip() + "（" + who + "）的文字没有保存，无法比较。",
                    List.of(), version);
        }
        List<LineDiff.Line> lines = LineDiff.of(before.get(), now);
        if (!LineDiff.changed(lines)) {
            return new ItemDetailView.Comparison(now, "与" + version + "（" + who + "）文字相同，没有改动。", List.of(),
                    version);
        }
        return new ItemDetailView.Comparison(now, "与" + version + "对比（" + who + "）：绿色为新增，红色为删除。",
                lines.stream().map(l -> new ItemDetailView.DiffLine(l.kindName(), l.text())).toList(), version);
    }

    /** The latest rejection, or the latest approval of another text than the current one. */
    private static Optional<AuditEntry> lastDecision(DisclosureItem item, List<AuditEntry> history) {
        AuditEntry last = null;
        for (AuditEntry e : history) {
            if (AuditAction.REJECT.is(e)
                    || AuditAction.APPROVE.is(e) && !e.contentHash().equals(item.contentHash())) {
                last = e;
            }
        }
        return Optional.ofNullable(last);
    }

    private String when(Instant at) {
        return DAY.format(at.atZone(views.zone()));
    }
}

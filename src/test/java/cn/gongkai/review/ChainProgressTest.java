package cn.gongkai.review;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The step an item waits on, derived from its audit rows alone (an in-memory log, no store). */
class ChainProgressTest {
    private final List<AuditEntry> rows = new ArrayList<>();
    private final AuditLog log = new AuditLog() {
        @Override
        public AuditEntry append(AuditEntry e) {
            AuditEntry stored = new AuditEntry(rows.size() + 1, e.itemId(), e.actor(), e.role(), e.decision(),
                    e.fromStatus(), e.toStatus(), e.step(), e.comment(), e.contentHash(), e.checks(), e.at());
            rows.add(stored);
            return stored;
        }

        @Override
        public List<AuditEntry> history(long itemId) {
            return rows.stream().filter(e -> e.itemId() == itemId).toList();
        }
    };
    private final ChainProgress progress = new ChainProgress(ReviewPolicy.of(List.of("dept-leader",
            "office-director", "office-leader")), log);

    private static DisclosureItem item(String hash, ItemStatus status) {
        return new DisclosureItem(1, anItem().build(), status, hash, "k", null, "", Instant.EPOCH, Instant.EPOCH);
    }

    private void row(String actor, DisclosureItem item, AuditAction action, int step) {
        log.append(AuditEntry.byUser(actor, "", item, action, ItemStatus.IN_REVIEW, item.status(), "", Instant.EPOCH)
                .atStep(step));
    }

    @Test
    void onlyApprovalsOfTheCurrentTextAtTheCurrentStepMoveTheChain() {
        DisclosureItem now = item("new", ItemStatus.IN_REVIEW);
        row("刘科员", now, AuditAction.SUBMIT, -1);
        row("张科长", now, AuditAction.APPROVE, 0);
        row("李主任", item("old", ItemStatus.IN_REVIEW), AuditAction.APPROVE, 1);
        row("王副局长", now, AuditAction.APPROVE, 2);

        assertThat(progress.currentStep(now)).isEqualTo(1);
        assertThat(progress.waitingFor(now)).contains("office-director");
    }

    @Test
    void anEditStartsTheChainAgainAndItsAuthorIsRemembered() {
        DisclosureItem now = item("h", ItemStatus.IN_REVIEW);
        row("刘科员", now, AuditAction.SUBMIT, -1);
        row("张科长", now, AuditAction.APPROVE, 0);
        row("陈科员", now, AuditAction.EDIT, -1);

        assertThat(progress.currentStep(now)).isZero();
        assertThat(progress.authors(now)).containsExactly("刘科员", "陈科员");
        assertThat(progress.earlierApprovalBy("张科长", now)).isEmpty();
    }

    @Test
    void anApprovalOfAnEarlierStepOfThisTextIsFound() {
        DisclosureItem now = item("h", ItemStatus.IN_REVIEW);
        row("刘科员", now, AuditAction.SUBMIT, -1);
        row("张科长", now, AuditAction.APPROVE, 0);

        assertThat(progress.earlierApprovalBy("张科长", now)).hasValueSatisfying(e -> assertThat(e.step()).isZero());
        assertThat(progress.earlierApprovalBy("李主任", now)).isEmpty();
    }

    @Test
    void nothingIsWaitedOnOutOfReviewOrAfterTheLastStep() {
        DisclosureItem approved = item("h", ItemStatus.IN_REVIEW);
        row("刘科员", approved, AuditAction.SUBMIT, -1);
        for (int step = 0; step < 3; step++) {
            row("r" + step, approved, AuditAction.APPROVE, step);
        }

        assertThat(progress.waitingFor(approved)).isEmpty();
        assertThat(progress.waitingFor(item("h", ItemStatus.DRAFT))).isEmpty();
    }
}

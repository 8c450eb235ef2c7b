package cn.gongkai.publish;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.AuditAction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchClaimerTest {

    @Test
    void aClaimTakesAtMostADraftsWorthAndMarksTheItemsPublishing() {
        try (PublishParts parts = new PublishParts(PublishParts.account(AccountConfig.FREEPUBLISH, 2, 0, false))) {
            List<DisclosureItem> items = parts.approved(3);
            BatchClaimer claimer = new BatchClaimer(parts.store, parts.settings, parts.clock);

            PublishBatch batch = claimer.claim(parts.settings.accounts().get(0), new Tally()).orElseThrow();

            assertThat(batch.itemIds()).containsExactly(items.get(0).id(), items.get(1).id());
            assertThat(parts.db.items().find(items.get(0).id()).orElseThrow().status())
                    .isEqualTo(ItemStatus.PUBLISHING);
        }
    }

    @Test
    void theDailyCapShrinksTheBatchAndThenStopsClaimingWithAMessage() {
        AccountConfig capped = PublishParts.account(AccountConfig.FREEPUBLISH, 8, 3, false);
        try (PublishParts parts = new PublishParts(capped)) {
            parts.approved(5);
            BatchClaimer claimer = new BatchClaimer(parts.store, parts.settings, parts.clock);
            Tally tally = new Tally();

            assertThat(claimer.claim(capped, tally).orElseThrow().itemIds()).hasSize(3);
            assertThat(claimer.claim(capped, tally)).isEmpty();
            assertThat(tally.messages).singleElement().asString().contains("已达今日发布上限（3 篇）");
        }
    }

    @Test
    void aMassAccountClaimsOnlyOnceADay() {
        AccountConfig mass = PublishParts.account(AccountConfig.MASS, 1, 0, false);
        try (PublishParts parts = new PublishParts(mass)) {
            parts.approved(2);
            BatchClaimer claimer = new BatchClaimer(parts.store, parts.settings, parts.clock);
            Tally tally = new Tally();

            assertThat(claimer.claim(mass, tally).orElseThrow().mass()).isTrue();
            assertThat(claimer.claim(mass, tally)).isEmpty();
            assertThat(tally.messages).singleElement().asString().contains("今天已经群发过一次");
        }
    }

    @Test
    void aDryRunDoesNotClaimAnItemItAlreadyRehearsed() {
        AccountConfig dry = PublishParts.account(AccountConfig.FREEPUBLISH, 8, 0, true);
        try (PublishParts parts = new PublishParts(dry)) {
            parts.approved(1);
            BatchClaimer claimer = new BatchClaimer(parts.store, parts.settings, parts.clock);
            PublishBatch first = claimer.claim(dry, new Tally()).orElseThrow();
            parts.transitions.markImagesUploaded(first);
            parts.transitions.markDrafted(parts.transitions.reload(first), "draft-1");
            parts.outcomes.rehearsed(parts.transitions.reload(first), new Tally());

            Optional<PublishBatch> again = claimer.claim(dry, new Tally());

            assertThat(again).isEmpty();
        }
    }

    @Test
    void theScreenFailsAnItemTheLastCheckRefusesWithAnAuditRow() {
        AccountConfig account = PublishParts.account(AccountConfig.FREEPUBLISH, 8, 0, false);
        try (PublishParts parts = new PublishParts(account)) {
            DisclosureItem item = parts.approved(1).get(0);
            PublishSettings gated = parts.settings.withGate(i -> "发布前检查未通过：正文有手机号码");
            Tally tally = new Tally();

            new BatchClaimer(parts.store, gated, parts.clock).screen(account, tally);

            assertThat(parts.db.items().find(item.id()).orElseThrow().status()).isEqualTo(ItemStatus.FAILED);
            assertThat(parts.db.audit().history(item.id())).last().satisfies(e -> {
                assertThat(e.action()).contains(AuditAction.FAIL);
                assertThat(e.checks()).contains("手机号码");
            });
            assertThat(tally.failed).isOne();
        }
    }
}

package cn.gongkai.publish;

import cn.gongkai.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CallBudgetTest {

    static final Map<String, Integer> LIMITS = Map.of("freepublish/get", 100, "freepublish/delete", 10,
            "draft/add", 1000);

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T15:30:00Z")); // 23:30 in Beijing

    @Test
    void theProductMaySpendItsShareOfEachDailyLimitRoundedDown() {
        CallBudget budget = CallBudget.inMemory(LIMITS, 0.9, clock);

        assertThat(budget.allowed("freepublish/get")).isEqualTo(90);
        assertThat(budget.allowed("freepublish/delete")).isEqualTo(9);
        assertThat(budget.allowed("draft/add")).isEqualTo(900);
        assertThat(budget.allowed("openapi/quota/get")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aCallBeyondTheShareIsRefusedAsQuotaWithWhatIsLeftAndWhenItResets() {
        CallBudget budget = CallBudget.inMemory(LIMITS, 0.9, clock);
        for (int i = 0; i < 90; i++) {
            budget.spend("hongqi", "freepublish/get");
        }

        WeChatException e = catchThrowableOfType(WeChatException.class,
                () -> budget.spend("hongqi", "freepublish/get"));

        assertThat(e.kind()).isEqualTo(WeChatException.Kind.QUOTA);
        assertThat(e.code()).isEqualTo(CallBudget.REFUSED);
        assertThat(e.api()).isEqualTo("freepublish/get");
        assertThat(e.account()).isEqualTo("hongqi");
        assertThat(e.retryAfter()).isEqualTo(Instant.parse("2026-03-02T16:00:00Z"));
        assertThat(e.staffMessage()).contains("每天允许 100 次", "最多用 90 次（90%）", "剩余 0 次", "没有发出",
                "北京时间 2026-03-03 00:00 重置");
        assertThat(budget.usage("hongqi")).filteredOn(u -> u.api().equals("freepublish/get")).singleElement()
                .satisfies(u -> {
                    assertThat(u.used()).isEqualTo(90);
                    assertThat(u.left()).isZero();
                });
    }

    @Test
    void countsArePerAccountAndStartAgainAtMidnightInBeijing() {
        CallBudget budget = CallBudget.inMemory(LIMITS, 0.5, clock);
        for (int i = 0; i < 5; i++) {
            budget.spend("hongqi", "freepublish/delete");
        }
        assertThatThrownBy(() -> budget.spend("hongqi", "freepublish/delete")).isInstanceOf(WeChatException.class);
        budget.spend("dongfang", "freepublish/delete");

        clock.advance(Duration.ofMinutes(30)); // 00:00 in Beijing, still 2 March in UTC
        budget.spend("hongqi", "freepublish/delete");

        assertThat(budget.usage("hongqi")).filteredOn(u -> u.api().equals("freepublish/delete")).singleElement()
                .satisfies(u -> {
                    assertThat(u.used()).isEqualTo(1);
                    assertThat(u.allowed()).isEqualTo(5);
                    assertThat(u.left()).isEqualTo(4);
                    assertThat(u.resetsAt()).isEqualTo(Instant.parse("2026-03-03T16:00:00Z"));
                });
    }

    @Test
    void apisWithoutALimitAreCountedButNeverRefusedAndShownWhenUsed() {
        CallBudget budget = CallBudget.inMemory(LIMITS, 0.9, clock);
        for (int i = 0; i < 1000; i++) {
            budget.spend("hongqi", "openapi/quota/get");
        }

        assertThat(budget.usage("hongqi")).extracting(CallBudget.Usage::api)
                .containsExactly("draft/add", "freepublish/delete", "freepublish/get", "openapi/quota/get");
        assertThat(budget.usage("hongqi").get(3)).satisfies(u -> {
            assertThat(u.used()).isEqualTo(1000);
            assertThat(u.limited()).isFalse();
            assertThat(u.left()).isEqualTo(Long.MAX_VALUE);
        });
    }

    @Test
    void aShareOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> CallBudget.inMemory(LIMITS, 0, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallBudget.inMemory(LIMITS, 1.2, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}

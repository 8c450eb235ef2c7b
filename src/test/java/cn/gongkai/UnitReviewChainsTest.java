package cn.gongkai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.config.ConfigLoader;
import cn.gongkai.intake.ImportResult;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.review.ReviewException;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each unit of a district reviews by its own chain: 教育局 by 股室负责人 → 办公室主任 only, 商务局 by the configured chain;
 * a unit whose own chain is written while the configured one is empty still reviews its items.
 */
class UnitReviewChainsTest {
    @TempDir
    Path dir;

    private Wiring wiring(String topChain, String educationChain) throws Exception {
        Path config = dir.resolve("gongkai.yml");
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\n" + """
                accounts:
                  - {id: swj, name: 红旗商务, app-id: wx0000000000000001}
                  - {id: jyj, name: 红旗教育, app-id: wx0000000000000002}
                portals: []
                review:
                  chain: %s
                units:
                  - {id: shangwu, name: 红旗区商务局, accounts: [swj]}
                  - {id: jiaoyu, name: 红旗区教育局, accounts: [jyj], review: {chain: %s}}
                """.formatted(topChain, educationChain), StandardCharsets.UTF_8);
        Wiring w = new Wiring(new ConfigLoader(Map.of("GONGKAI_SANDBOX", "on")).load(config), Clock.systemUTC(),
                new PollPolicy(5, Duration.ofMillis(10)));
        char[] pw = "correct-horse-1".toCharArray();
        w.users().add("刘科员", Role.DRAFTER, "shangwu", pw);
        w.users().add("陈老师", Role.DRAFTER, "jiaoyu", pw);
        for (String unit : List.of("shangwu", "jiaoyu")) {
            w.users().add(unit + "科长", Role.DEPT_LEADER, unit, pw);
            w.users().add(unit + "主任", Role.OFFICE_DIRECTOR, unit, pw);
            w.users().add(unit + "副局长", Role.OFFICE_LEADER, unit, pw);
        }
        return w;
    }

    private long imported(Wiring w, String account, String drafter) throws Exception {
        Path file = dir.resolve(account + ".md");
        Files.writeString(file, """
                ---
                title: %s的一条信息
                category: 其他
                account: %s
                author: 红旗区
                ---
                正文。
                """.formatted(account, account), StandardCharsets.UTF_8);
        ImportResult r = w.importer().importFiles(List.of(file), drafter, "测试");
        assertThat(r.problems()).isEmpty();
        return r.newIds().get(0);
    }

    @Test
    void eachUnitsItemsGoThroughItsOwnChain() throws Exception {
        try (Wiring w = wiring("[dept-leader, office-director, office-leader]", "[dept-leader, office-director]")) {
            ReviewService review = w.review();
            long education = imported(w, "jyj", "陈老师");
            long commerce = imported(w, "swj", "刘科员");

            assertThat(review.steps(w.items().find(education).orElseThrow()))
                    .containsExactly("dept-leader", "office-director");
            assertThat(review.steps(w.items().find(commerce).orElseThrow()))
                    .containsExactly("dept-leader", "office-director", "office-leader");
            DisclosureItem item = w.items().find(education).orElseThrow();
            item = review.approve(education, "jiaoyu科长", item.contentHash(), "同意");
            item = review.approve(education, "jiaoyu主任", item.contentHash(), "同意");
            assertThat(item.status()).isEqualTo(ItemStatus.APPROVED);
            assertThat(review.chain("jiaoyu")).containsExactly("dept-leader", "office-director");
            assertThat(review.chain("shangwu")).hasSize(3);

            DisclosureItem other = w.items().find(commerce).orElseThrow();
            assertThatThrownBy(() -> review.approve(commerce, "jiaoyu科长", other.contentHash(), "同意"))
                    .isInstanceOf(ReviewException.class);
        }
    }

    @Test
    void aUnitsOwnChainHoldsItsItemsEvenWhenTheConfiguredChainIsEmpty() throws Exception {
        try (Wiring w = wiring("[]", "[dept-leader]")) {
            long education = imported(w, "jyj", "陈老师");
            long commerce = imported(w, "swj", "刘科员");

            assertThat(w.items().find(education).orElseThrow().status()).isEqualTo(ItemStatus.IN_REVIEW);
            assertThat(w.items().find(commerce).orElseThrow().status()).isEqualTo(ItemStatus.APPROVED);
        }
    }

    @Test
    void anotherUnitsPrincipalLeaderSignsNothingHere() throws Exception {
        try (Wiring w = wiring("[dept-leader, office-director, office-leader]", "[dept-leader, office-director]")) {
            w.users().add("shangwu局长", Role.PRINCIPAL_LEADER, "shangwu", "correct-horse-1".toCharArray());
            ReviewService review = w.review();

            assertThat(review.unheldRoles("shangwu")).isEmpty();
            assertThat(review.unheldRoles("jiaoyu")).as("only 商务局 has a 主要领导").containsExactly("principal-leader");
            Path file = dir.resolve("important.md");
            Files.writeString(file, """
                    ---
                    title: 教育局的一条重要信息
                    category: 其他
                    account: jyj
                    author: 红旗区
                    important: true
                    ---
                    正文。
                    """, StandardCharsets.UTF_8);
            ImportResult r = w.importer().importFiles(List.of(file), "陈老师", "测试");
            assertThat(r.newIds()).as("an important item nobody of its unit can sign off is not queued").isEmpty();
            assertThat(r.problems().toString()).contains("主要领导");
        }
    }
}

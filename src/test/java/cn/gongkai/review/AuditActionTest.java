package cn.gongkai.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AuditActionTest {
    private static final Pattern COMPARED = Pattern.compile("decision\\(\\)\\.equals\\(\"([^\"]*)\"\\)");
    private static final Pattern ENTRY = Pattern.compile("new AuditEntry\\(");

    private static List<Path> mainSources() {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyActionHasAChineseLabel() {
        for (AuditAction a : AuditAction.values()) {
            assertThat(a.label()).as(a.name()).isNotBlank().doesNotContain(a.name()).matches(".*\\p{IsHan}.*");
        }
    }

    @Test
    void everyDecisionComparedInTheSourcesIsAnAuditAction() {
        Set<String> codes = new TreeSet<>();
        for (Path p : mainSources()) {
            Matcher m = COMPARED.matcher(read(p));
            while (m.find()) {
                codes.add(m.group(1));
            }
        }
        assertThat(codes).allSatisfy(c -> assertThat(AuditAction.of(c)).as(c).isPresent());
    }

    @Test
    void auditRowsAreMadeOnlyByTheFactoriesOrReadBackByTheStore() {
        List<String> makers = mainSources().stream().filter(p -> ENTRY.matcher(read(p)).find())
                .map(p -> p.getFileName().toString()).sorted().toList();

        assertThat(makers).containsExactly("AuditEntry.java", "JdbiAuditLog.java");
    }

    @Test
    void anUnknownStoredCodeIsShownRawAndAKnownOneByItsLabel() {
        assertThat(AuditAction.labelOf("IMPORTED_IN_2019")).isEqualTo("IMPORTED_IN_2019");
        assertThat(AuditAction.labelOf("MASS_SEND")).isEqualTo("已群发");
        assertThat(AuditAction.labelOf(null)).isEmpty();
        AuditEntry old = new AuditEntry(1, 2, "import", "", "LEGACY", "", "PUBLISHED", -1, "", "", "", Instant.EPOCH);
        assertThat(old.label()).isEqualTo("LEGACY");
        assertThat(old.action()).isEmpty();
    }

    @Test
    void thePublisherFactoryStoresTheSameStringsAsBefore() {
        AuditEntry e = AuditEntry.byPublisher(7, AuditAction.CORRECTED, ItemStatus.PUBLISHED, ItemStatus.CORRECTED,
                "更正说明已发布", Instant.EPOCH);

        assertThat(e).isEqualTo(new AuditEntry(0, 7, "publisher", "", "CORRECTED", "PUBLISHED", "CORRECTED", -1,
                "更正说明已发布", "", "", Instant.EPOCH));
        assertThat(e.atStep(2).withChecks("检查通过").step()).isEqualTo(2);
        assertThat(e.withChecks("检查通过").checks()).isEqualTo("检查通过");
    }
}

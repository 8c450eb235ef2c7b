package cn.gongkai.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The samples ship with the product ({@code gongkai demo} imports them) and the jar bundles samples/ and templates/
 * by their index.txt, so both must stay true.
 */
class SamplesTest {
    private static final Path SAMPLES = Path.of("samples");
    private static final Path TEMPLATES = Path.of("templates");

    private IntakeStore store;

    @BeforeEach
    void openStore() {
        store = new IntakeStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static List<Path> sampleItems() throws IOException {
        try (Stream<Path> s = Files.list(SAMPLES)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleItems")
    void eachSampleImportsCleanly(Path sample) {
        ImportResult result = store.importFiles(sample);

        assertThat(result.problems()).as("problems of %s", sample).isEmpty();
        assertThat(result.newIds()).hasSize(1);
    }

    @Test
    void allSamplesImportTogetherCoveringEveryTopic() throws IOException {
        List<Path> samples = sampleItems();

        ImportResult result = store.importer.importFiles(samples, "demo", "演示");

        assertThat(samples).hasSizeGreaterThanOrEqualTo(10);
        assertThat(result.problems()).isEmpty();
        assertThat(result.newIds()).hasSameSizeAs(samples);
        List<DisclosureItem> items = result.newIds().stream().map(id -> store.db.items().find(id).orElseThrow())
                .toList();
        assertThat(items).allSatisfy(i -> assertThat(i.content().category()).isIn(IntakeStore.CATEGORIES));
        assertThat(items).filteredOn(i -> i.content().effectiveCover() != null).isNotEmpty();
        assertThat(items).extracting(i -> i.content().category()).contains("招商引资", "外资外贸", "商贸流通", "促消费");
    }

    @Test
    void theSamplesIndexListsExactlyTheFilesInSamples() throws IOException {
        assertThat(index(SAMPLES)).containsExactlyInAnyOrderElementsOf(filesUnder(SAMPLES))
                .doesNotHaveDuplicates();
    }

    @Test
    void theTemplatesIndexListsExactlyTheFilesUnderTemplates() throws IOException {
        assertThat(index(TEMPLATES)).containsExactlyInAnyOrderElementsOf(filesUnder(TEMPLATES))
                .doesNotHaveDuplicates();
    }

    /** The entries of dir/index.txt, as the jar reads them (blank lines and # comments skipped). */
    private static List<String> index(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("index.txt"), StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
    }

    /** Every regular file below dir except its index.txt and shipped.txt (the versions shipped), relative. */
    private static List<String> filesUnder(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.equals("index.txt") && !name.equals("shipped.txt")).sorted().toList();
        }
    }
}

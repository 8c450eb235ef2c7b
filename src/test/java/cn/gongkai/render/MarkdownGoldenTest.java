package cn.gongkai.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Small Markdown cases in {@code src/test/resources/render/markdown/}, one per file, against the body HTML the
 * Markdown step makes of them (before styles and layout), one top-level block per line. After a deliberate change,
 * run with {@code -Dgolden.update=true} and review the diff.
 */
class MarkdownGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/render/markdown");

    static Stream<String> cases() throws IOException {
        return ArticleGoldenFilesTest.markdownFilesIn(DIR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCaseParsesExactlyAsItsGoldenFile(String name) throws IOException {
        String markdown = Files.readString(DIR.resolve(name + ".md"), StandardCharsets.UTF_8);
        Element body = Markdown.parse(markdown).document().body();
        String html = body.children().stream().map(Element::outerHtml).collect(Collectors.joining("\n")) + "\n";

        Path golden = DIR.resolve(name + ".html");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, html, StandardCharsets.UTF_8);
        }
        if (!Files.exists(golden)) {
            fail("golden file " + golden + " is missing: run the test with -Dgolden.update=true and review it");
        }
        assertThat(html).as("parsing %s", name).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}

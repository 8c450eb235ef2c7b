package cn.gongkai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code templates/shipped.txt} must name the current version of every bundled template, or an install that upgrades
 * later would take a file staff never touched for an edited one. When a template changes, this test fails with the
 * exact lines to append (never remove a line: old versions must still be recognised).
 */
class ShippedTemplatesTest {
    private static final Path TEMPLATES = Path.of("templates");

    @Test
    void everyBundledTemplatesCurrentVersionIsListedAsShipped() throws IOException {
        Map<String, Set<String>> shipped = TemplateUpgrade.versions(
                Files.readString(TEMPLATES.resolve(TemplateUpgrade.SHIPPED), StandardCharsets.UTF_8));
        List<String> missing = new ArrayList<>();
        for (String file : Bundled.index("templates")) {
            String hash = TemplateUpgrade.hash(Files.readAllBytes(TEMPLATES.resolve(file)));
            if (!shipped.getOrDefault(file, Set.of()).contains(hash)) {
                missing.add(file + " " + hash);
            }
        }
        assertThat(missing).as("append these lines to templates/shipped.txt (a template changed):%n%s",
                String.join("\n", missing)).isEmpty();
    }

    @Test
    void theJarCarriesTheShippedListButNeverWritesItIntoAnInstall() {
        assertThat(Bundled.bytes("templates", TemplateUpgrade.SHIPPED)).isNotEmpty();
        assertThat(Bundled.index("templates")).doesNotContain(TemplateUpgrade.SHIPPED, "index.txt");
    }
}

package cn.gongkai.render;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.item.ItemContent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped templates fit together: every template parses, the article layout uses exactly the variables the
 * renderer fills (and documents them), every style it names is a theme key, and every glossary key an item file
 * references exists in {@code templates/notes/}.
 */
class TemplatesConsistencyTest {
    private static final Path TEMPLATES = Path.of("templates");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path tmp;

    private static List<Path> files(Path dir, String... extensions) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(extensions).anyMatch(e -> p.toString().endsWith(e))).sorted().toList();
        }
    }

    @Test
    void everyFreeMarkerTemplateParses() throws IOException {
        Configuration fm = new Configuration(Configuration.VERSION_2_3_34);
        fm.setDirectoryForTemplateLoading(TEMPLATES.toFile());
        fm.setDefaultEncoding("UTF-8");
        List<Path> templates = files(TEMPLATES, ".ftl", ".ftlh");

        assertThat(templates).isNotEmpty();
        for (Path t : templates) {
            String name = TEMPLATES.relativize(t).toString().replace('\\', '/');
            assertThat(fm.getTemplate(name)).as(name).isNotNull();
        }
    }

    /** A data model that remembers which top-level variables the template read. */
    private static final class Recording implements TemplateHashModel {
        private final Map<String, Object> values;
        private final ObjectWrapper wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build();
        final Set<String> read = new LinkedHashSet<>();

        Recording(Map<String, Object> values) {
            this.values = values;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            read.add(key);
            Object v = values.get(key);
            return v == null ? null : wrapper.wrap(v);
        }

        @Override
        public boolean isEmpty() {
            return values.isEmpty();
        }
    }

    @Test
    void theArticleLayoutReadsEveryVariableTheRendererFillsAndNoOther() throws Exception {
        ArticleRenderer renderer = ArticleRenderer.load(TEMPLATES);
        Map<String, Object> model = renderer.sampleModel();
        Configuration fm = new Configuration(Configuration.VERSION_2_3_34);
        fm.setDirectoryForTemplateLoading(TEMPLATES.resolve("article").toFile());
        fm.setDefaultEncoding("UTF-8");
        Template layout = fm.getTemplate("layout.ftlh");
        Recording recording = new Recording(model);

        layout.process(recording, new StringWriter());

        assertThat(model.keySet()).containsExactlyElementsOf(ArticleRenderer.LAYOUT_VARIABLES);
        assertThat(recording.read).containsExactlyInAnyOrderElementsOf(ArticleRenderer.LAYOUT_VARIABLES);
    }

    @Test
    void theLayoutDocumentsEachOfItsVariablesInItsHeaderComment() throws IOException {
        String text = Files.readString(TEMPLATES.resolve("article/layout.ftlh"), StandardCharsets.UTF_8);
        String header = text.substring(text.indexOf("<#--"), text.indexOf("-->"));

        for (String variable : ArticleRenderer.LAYOUT_VARIABLES) {
            assertThat(header).as("the layout's comment names %s", variable).contains(variable);
        }
    }

    @Test
    void everyStyleTheLayoutNamesIsAThemeKeyAndTheShippedThemeSetsEveryKey() throws IOException {
        String layout = Files.readString(TEMPLATES.resolve("article/layout.ftlh"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("styles(?:\\.([a-z0-9]+)|\\[\"([a-z0-9-]+)\"])").matcher(layout);
        Set<String> named = new TreeSet<>();
        while (m.find()) {
            named.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        JsonNode theme = YAML.readTree(TEMPLATES.resolve("article/theme.yml").toFile());
        List<String> set = new ArrayList<>();
        theme.fieldNames().forEachRemaining(set::add);

        assertThat(named).isNotEmpty();
        assertThat(Theme.KEYS).containsAll(named);
        List<String> keysAndSwitch = new ArrayList<>(Theme.KEYS);
        keysAndSwitch.add(Theme.SHOW_HEADER);
        assertThat(set).containsExactlyInAnyOrderElementsOf(keysAndSwitch);
        assertThat(set).allSatisfy(k -> assertThat(theme.get(k).asText()).as(k).isNotBlank());
    }

    @Test
    void everyGlossaryKeyAnItemFileReferencesExists() throws IOException {
        Set<String> glossary = Glossary.load(TEMPLATES.resolve("notes")).keys();
        List<Path> items = new ArrayList<>(files(Path.of("samples"), ".md"));
        items.addAll(files(Path.of("docs/bench"), ".md"));
        items.addAll(files(Path.of("src/test/resources/render/golden"), ".md"));
        int references = 0;

        for (Path item : items) {
            String text = Files.readString(item, StandardCharsets.UTF_8);
            String frontMatter = text.substring(text.indexOf("---") + 3, text.indexOf("\n---", 3));
            JsonNode keys = YAML.readTree(frontMatter).path("glossary");
            for (JsonNode key : keys) {
                references++;
                assertThat(glossary).as("glossary key “%s” of %s", key.asText(), item).contains(key.asText());
            }
        }
        assertThat(references).isGreaterThan(10);
    }

    @Test
    void everyGlossaryEntryIsASentenceOfPlainLanguage() {
        Glossary glossary = Glossary.load(TEMPLATES.resolve("notes"));

        assertThat(glossary.keys()).isNotEmpty().allSatisfy(term -> assertThat(glossary.explain(term).orElseThrow())
                .as(term).hasSizeGreaterThan(8).endsWith("。").doesNotContain("<"));
    }

    private Path templatesWith(String layout, String theme) throws IOException {
        Path dir = tmp.resolve("templates");
        Files.createDirectories(dir.resolve("article"));
        Files.writeString(dir.resolve("article/layout.ftlh"), layout != null ? layout
                : Files.readString(TEMPLATES.resolve("article/layout.ftlh")), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("article/theme.yml"), theme != null ? theme
                : Files.readString(TEMPLATES.resolve("article/theme.yml")), StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void aLayoutThatLeavesOutTheBodyIsRefusedWhenLoaded() throws IOException {
        Path dir = templatesWith("<section>${accountName}</section>", null);

        assertThatThrownBy(() -> ArticleRenderer.load(dir)).isInstanceOf(RenderException.class)
                .hasMessageContaining("layout.ftlh").hasMessageContaining("bodyHtml");
    }

    @Test
    void aLayoutNamingAVariableThatDoesNotExistIsRefusedWhenLoaded() throws IOException {
        Path dir = templatesWith("${bodyHtml?no_esc}<p>${publishDate}</p>", null);

        assertThatThrownBy(() -> ArticleRenderer.load(dir)).isInstanceOf(RenderException.class)
                .hasMessageContaining("layout.ftlh").hasMessageContaining("publishDate");
    }

    @Test
    void theHeaderBarRepeatingTheAccountNameIsOffByDefaultAndShownWhenTheThemeSwitchesItOn() throws IOException {
        ItemContent item = anItem().category("促消费").author("红旗区商务局").body("正文。").build();
        String theme = Files.readString(TEMPLATES.resolve("article/theme.yml"), StandardCharsets.UTF_8);

        String shipped = ArticleRenderer.load(TEMPLATES).render(item, "红旗商务", img -> "").html();
        String on = ArticleRenderer.load(templatesWith(null, theme.replace("show-header: false", "show-header: true")))
                .render(item, "红旗商务", img -> "").html();

        assertThat(shipped).doesNotContain("红旗商务", "促消费");
        assertThat(on).contains(">红旗商务</span>", ">促消费</span>");
    }

    @Test
    void aHeaderSwitchThatIsNotTrueOrFalseIsRefused() throws IOException {
        Path dir = templatesWith(null, "show-header: \"yes please\"\n");

        assertThatThrownBy(() -> ArticleRenderer.load(dir)).isInstanceOf(RenderException.class)
                .hasMessageContaining("show-header 应为 true 或 false");
    }

    @Test
    void aMisspeltThemeKeyIsRefusedNamingTheKnownOnes() throws IOException {
        Path dir = templatesWith(null, "paragraph: \"margin:0;\"\n");

        assertThatThrownBy(() -> ArticleRenderer.load(dir)).isInstanceOf(RenderException.class)
                .hasMessageContaining("“paragraph”不是已知的元素").hasMessageContaining("notes-title");
    }

    @Test
    void aThemeStyleThatLoadsSomethingFromOutsideIsRefused() throws IOException {
        Path dir = templatesWith(null, "header: \"background:url(http://example.com/bg.png);\"\n");

        assertThatThrownBy(() -> ArticleRenderer.load(dir)).isInstanceOf(RenderException.class)
                .hasMessageContaining("header").hasMessageContaining("url(");
    }
}

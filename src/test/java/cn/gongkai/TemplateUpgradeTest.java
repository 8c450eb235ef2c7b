package cn.gongkai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.gongkai.TemplateUpgrade.Kind;
import cn.gongkai.TemplateUpgrade.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * An install's templates folder across upgrades: written when missing, unedited old versions replaced, edited files
 * kept with the new version beside them once, and a second start that writes nothing.
 */
class TemplateUpgradeTest {
    private static final String PAGE = "console/items.ftlh";
    private static final String V1 = "<h1>${title}</h1>\n";
    private static final String V2 = "<h1>${page.title}</h1>\n";
    private static final String V3 = "<h1 class=\"t\">${page.title}</h1>\n";

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(TemplateUpgrade.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    /** A jar whose page is {@code current} and which has shipped {@code shipped} before. */
    private static TemplateUpgrade jar(String current, String... shipped) {
        Set<String> hashes = Stream.of(shipped).map(s -> TemplateUpgrade.hash(bytes(s))).collect(java.util.stream.Collectors.toSet());
        return new TemplateUpgrade(Map.of(PAGE, bytes(current)), Map.of(PAGE, hashes));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void install(String text) throws IOException {
        Files.createDirectories(dir.resolve(PAGE).getParent());
        Files.writeString(dir.resolve(PAGE), text);
    }

    private String read(String file) throws IOException {
        return Files.readString(dir.resolve(file));
    }

    /** Every file below dir with its content, to show that nothing was written. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString() + "@" + Files.getLastModifiedTime(p), Files.readString(p));
            }
        }
        return files;
    }

    @Test
    void aFreshInstallGetsEveryBundledTemplate() throws IOException {
        Path templates = dir.resolve("templates");

        Bundled.ensureTemplates(templates);

        for (String file : Bundled.index("templates")) {
            assertThat(Files.readAllBytes(templates.resolve(file))).as(file)
                    .isEqualTo(Bundled.bytes("templates", file));
        }
        assertThat(TemplateUpgrade.bundled().plan(templates)).extracting(Step::kind).containsOnly(Kind.CURRENT);
    }

    @Test
    void aMissingFileIsWritten() throws IOException {
        Files.createDirectories(dir);

        assertThat(jar(V2, V1).apply(dir)).containsExactly(new Step(PAGE, Kind.MISSING));
        assertThat(read(PAGE)).isEqualTo(V2);
    }

    @Test
    void anUnchangedOldVersionIsReplacedByTheNewOne() throws IOException {
        install(V1);

        assertThat(jar(V2, V1).apply(dir)).containsExactly(new Step(PAGE, Kind.OUTDATED));

        assertThat(read(PAGE)).isEqualTo(V2);
        assertThat(dir.resolve(PAGE + ".new")).doesNotExist();
        assertThat(logs.list).noneMatch(e -> e.getLevel() == Level.WARN);
    }

    @Test
    void anOldVersionWhoseLineEndsBecameCrLfStillCountsAsUnedited() throws IOException {
        install(V1.replace("\n", "\r\n"));

        assertThat(jar(V2, V1).apply(dir)).containsExactly(new Step(PAGE, Kind.OUTDATED));
        assertThat(read(PAGE)).isEqualTo(V2);
    }

    @Test
    void anEditedFileIsKeptAndTheNewVersionWrittenBesideItWithAWarningNamingBoth() throws IOException {
        install("<h1>本单位修改过的 ${title}</h1>\n");

        assertThat(jar(V2, V1).apply(dir)).containsExactly(new Step(PAGE, Kind.EDITED));

        assertThat(read(PAGE)).isEqualTo("<h1>本单位修改过的 ${title}</h1>\n");
        assertThat(read(PAGE + ".new")).isEqualTo(V2);
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains(
                        dir.resolve(PAGE).toAbsolutePath().toString(), dir.resolve(PAGE + ".new").toAbsolutePath()
                                .toString(), "已被修改过", "控制台页面"));
    }

    @Test
    void aSecondStartWritesNothingButStillWarnsWhileTheNewVersionWaits() throws IOException {
        install("<h1>改过</h1>\n");
        jar(V2, V1).apply(dir);
        Map<String, String> before = snapshot();
        logs.list.clear();

        assertThat(jar(V2, V1).apply(dir)).containsExactly(new Step(PAGE, Kind.WAITING));

        assertThat(snapshot()).isEqualTo(before);
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(1);
    }

    @Test
    void aNewVersionThatStaffDeletedIsNotWrittenAgainUntilTheNextVersion() throws IOException {
        install("<h1>改过</h1>\n");
        jar(V2, V1).apply(dir);
        Files.delete(dir.resolve(PAGE + ".new"));
        Map<String, String> before = snapshot();

        assertThat(jar(V2, V1).apply(dir)).containsExactly(new Step(PAGE, Kind.SETTLED));
        assertThat(snapshot()).isEqualTo(before);

        assertThat(jar(V3, V1, V2).apply(dir)).containsExactly(new Step(PAGE, Kind.EDITED));
        assertThat(read(PAGE + ".new")).isEqualTo(V3);
        assertThat(read(PAGE)).isEqualTo("<h1>改过</h1>\n");
    }

    @Test
    void nothingIsWrittenWhenEveryFileIsCurrent() throws IOException {
        install(V2);
        Map<String, String> before = snapshot();

        assertThat(jar(V2, V1).apply(dir)).containsExactly(new Step(PAGE, Kind.CURRENT));

        assertThat(snapshot()).isEqualTo(before);
        assertThat(logs.list).isEmpty();
    }

    @Test
    void theBundledTemplatesLeaveACurrentInstallUntouched() throws IOException {
        Path templates = dir.resolve("templates");
        Bundled.extract("templates", templates);
        Map<String, String> before = snapshot();

        Bundled.ensureTemplates(templates);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theSourceFolderTheJarIsBuiltFromIsLeftAlone() throws IOException {
        install("<h1>开发中</h1>\n");
        Files.writeString(dir.resolve("index.txt"), PAGE + "\n");
        Map<String, String> before = snapshot();

        Bundled.ensureTemplates(dir);

        assertThat(snapshot()).isEqualTo(before);
    }
    @Test
    void aDamagedLineInTheOfferedListIsSkippedAndTheUpgradeStillRuns() throws IOException {
        install("edited by staff");
        Files.writeString(dir.resolve(TemplateUpgrade.OFFERED), "# comment\nthis line was typed over\n");

        List<TemplateUpgrade.Step> steps = jar("v2", "v1").apply(dir);

        assertThat(steps).extracting(TemplateUpgrade.Step::kind).containsExactly(TemplateUpgrade.Kind.EDITED);
        assertThat(read(PAGE + TemplateUpgrade.NEW)).isEqualTo("v2");
        assertThat(read(TemplateUpgrade.OFFERED)).doesNotContain("typed over").contains(PAGE);
    }

    @Test
    void aBundledNameThatWouldLeaveTheFolderIsRefused() {
        for (String name : List.of("../outside.ftlh", "/etc/x", "console/../../x", "C:x", "a\\b")) {
            assertThatThrownBy(() -> new TemplateUpgrade(Map.of(name, bytes("x")), Map.of())).as(name)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}

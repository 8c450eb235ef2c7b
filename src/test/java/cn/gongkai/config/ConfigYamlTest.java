package cn.gongkai.config;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration is read with SnakeYAML into our own tree and bound by hand (issue 16): the messages name the key
 * path, the value and the expectation as before, YAML's own forms of values still read, and Jackson is not used.
 */
class ConfigYamlTest {
    private static final String PORTAL = "portals:\n  - id: qzfb\n    name: 区府办\n    delivery: email\n";

    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        Path f = dir.resolve("gongkai.yml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f;
    }

    private GongkaiConfig load(String yaml) throws IOException {
        return new ConfigLoader(Map.of()).load(file(yaml));
    }

    private ConfigException refused(String yaml) throws IOException {
        Path f = file(yaml);
        Throwable t = catchThrowable(() -> new ConfigLoader(Map.of()).load(f));
        assertThat(t).isInstanceOf(ConfigException.class);
        return (ConfigException) t;
    }

    @Test
    void aYamlSyntaxErrorNamesTheLineOfTheLastPartReadBeforeItAndSnakeYamlsExplanation() throws IOException {
        ConfigException outdented = refused("web:\n  port: 8080\n host: x\n");

        assertThat(outdented.getMessage()).isEqualTo("配置项 (文件 " + dir.resolve("gongkai.yml") + ")：YAML 语法错误，第 3 行："
                + "while parsing a block mapping\n in 'reader', line 1, column 1:\n    web:\n    ^\n"
                + "expected <block end>, but found '<block mapping start>'\n in 'reader', line 3, column 2:\n"
                + "     host: x\n     ^\n");
        assertThat(refused("web:\n\tport: 1\n").getMessage()).contains("第 1 行", "TAB");
        assertThat(refused("a: 1\nb: [unclosed\n").getMessage()).contains("第 2 行", "expected ',' or ']'");
    }

    @Test
    void aValueOfTheWrongTypeInANestedListNamesItsIndex() throws IOException {
        ConfigException e = refused(PORTAL + "    email:\n      host: h\n      to: [a@b.cn, [c@d.cn]]\n");

        assertThat(e.key()).isEqualTo("portals[0].email.to[1]");
        assertThat(e.getMessage()).isEqualTo("配置项 portals[0].email.to[1] 的值 \"[…]\" 无效：应为单个值");
    }

    @Test
    void anUnknownKeyInAListOfSectionsNamesTheEntryAndListsTheKeysInTheRecordsOrder() throws IOException {
        ConfigException e = refused(PORTAL + "    colour: red\n");

        assertThat(e.key()).isEqualTo("portals[0].colour");
        assertThat(e.getMessage()).isEqualTo("配置项 portals[0].colour：未知的配置项（拼写错误？可用的有：id, name, categories, "
                + "delivery, email, webhook, folder, subject, unit, contact, phone, internal）");
        assertThat(refused(PORTAL + "    email:\n      hots: h\n").getMessage())
                .contains("portals[0].email.hots", "host, port, tls, user, password, from, to, cc, timeout");
    }

    @Test
    void anUnknownKeyInTheSecondAccountNamesThatAccount() throws IOException {
        ConfigException e = refused("accounts:\n  - id: a\n    name: 甲\n    app-id: wx0123456789abcdef\n"
                + "  - id: b\n    name: 乙\n    app-id: wxfedcba9876543210\n    dryrun: true\n");

        assertThat(e.key()).isEqualTo("accounts[1].dryrun");
        assertThat(e.getMessage()).contains("max-articles-per-draft", "dry-run").doesNotContain("sandbox");
    }

    @Test
    void aMapValueOfTheWrongTypeNamesItsKey() throws IOException {
        ConfigException e = refused("wechat:\n  daily-limits:\n    freepublish/get: [1]\n");

        assertThat(e.getMessage()).isEqualTo("配置项 wechat.daily-limits.freepublish/get 的值 \"[…]\" 无效：应为整数");
    }

    @Test
    void aNumberTooLargeForItsKeyIsNotAnInteger() throws IOException {
        assertThat(refused("web:\n  port: 99999999999\n").getMessage())
                .isEqualTo("配置项 web.port 的值 \"99999999999\" 无效：应为整数");
        assertThat(refused("wechat:\n  quota-share: 0.9x\n").getMessage())
                .isEqualTo("配置项 wechat.quota-share 的值 \"0.9x\" 无效：应为小数，例如 0.9");
    }

    @Test
    void numbersReadInYamlsFormsAndTextKeysKeepWhatWasWritten() throws IOException {
        GongkaiConfig c = load("web:\n  port: 0x1F\nwechat:\n  retries: +2\n  quota-share: .5\n"
                + "review:\n  due-working-days: 1_0\naccounts:\n  - id: a\n    name: 1.50\n    app-id: wx0123456789abcdef\n"
                + "    qr-code: 007\n");

        assertThat(c.web().port()).isEqualTo(31);
        assertThat(c.wechat().retries()).isEqualTo(2);
        assertThat(c.wechat().quotaShare()).isEqualTo(0.5);
        assertThat(c.review().dueWorkingDays()).isEqualTo(10);
        assertThat(c.accounts().get(0).name()).isEqualTo("1.50");
        assertThat(c.accounts().get(0).qrCode()).isEqualTo("007");
    }

    @Test
    void anAliasReadsAsACopyOfItsAnchor() throws IOException {
        GongkaiConfig c = load("categories: &cats [招商引资, 其他]\n" + PORTAL.replace("email", "folder")
                + "    folder: {dir: out}\n    categories: *cats\n");

        assertThat(c.portals().get(0).categories()).containsExactly("招商引资", "其他");
        assertThat(c.categories()).containsExactly("招商引资", "其他");
    }

    @Test
    void aFileWithOnlyCommentsOrANullDocumentLeavesTheDefaults() throws IOException {
        assertThat(load("# nothing yet\n").web().port()).isEqualTo(8080);
        assertThat(load("---\n~\n").web().port()).isEqualTo(8080);
        assertThat(refused("- web\n").getMessage()).contains("顶层必须是键值映射");
    }

    @Test
    void componentNamesBecomeKebabCaseKeys() {
        assertThat(RecordShape.kebab("maxArticlesPerDraft")).isEqualTo("max-articles-per-draft");
        assertThat(RecordShape.kebab("dataDir")).isEqualTo("data-dir");
        assertThat(RecordShape.kebab("port")).isEqualTo("port");
    }

    @Test
    void theConfigurationPackageDoesNotUseJackson() {
        noClasses().that().resideInAPackage("cn.gongkai.config")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml..")
                .because("loading the configuration with Jackson cost a short command 170–230 ms (issue 16)")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("cn.gongkai.config"));
    }

    @Test
    void loadingTheConfigurationInAFreshJvmLoadsNoJacksonClass() throws Exception {
        Path loaded = dir.resolve("classes.txt");
        Path config = file("web:\n  port: 9090\n");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xshare:off", "-Xlog:class+load:file=" + loaded, "-cp",
                System.getProperty("java.class.path"), LoadConfigMain.class.getName(), config.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(output).contains("port=9090");
        List<String> lines = Files.readAllLines(loaded);
        assertThat(lines).anyMatch(l -> l.contains("org.yaml.snakeyaml.parser.ParserImpl"));
        assertThat(lines).noneMatch(l -> l.contains("com.fasterxml.jackson"));
    }
}

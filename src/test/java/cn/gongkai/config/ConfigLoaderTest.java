package cn.gongkai.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.item.WeChatLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final String SECRET = "s3cr3t-app-secret-value";
    private static final String DB_PASSWORD = "db-pass-never-printed";
    private static final String CALLBACK_TOKEN = "cb-token-never-printed";

    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        Path f = dir.resolve("gongkai.yml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f;
    }

    private static String account(String id, String extra) {
        return "  - id: " + id + "\n"
                + "    name: 红旗商务\n"
                + "    app-id: wx0123456789abcdef\n"
                + "    api-base-url: https://api.weixin.qq.com\n"
                + "    mode: freepublish\n"
                + "    cron: \"0 0 10 ? * MON-FRI\"\n"
                + "    max-articles-per-draft: 8\n"
                + extra;
    }

    private static GongkaiConfig load(Map<String, String> env, Path file) {
        return new ConfigLoader(env).load(file);
    }

    private ConfigException failure(String yaml) throws IOException {
        Path f = file(yaml);
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> load(Map.of(), f));
        assertThat(t).isInstanceOf(ConfigException.class);
        return (ConfigException) t;
    }

    @Test
    void anEmptyFileLeavesTheEmbeddedDefaultsInPlace() throws IOException {
        GongkaiConfig c = load(Map.of(), file(""));

        assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(c.timezone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(c.database().url()).isEqualTo("jdbc:h2:file:./data/gongkai;AUTO_SERVER=TRUE");
        assertThat(c.database().user()).isEqualTo("gongkai");
        assertThat(c.database().password().isEmpty()).isTrue();
        assertThat(c.web().port()).isEqualTo(8080);
        assertThat(c.categories()).containsExactly("招商引资", "外资外贸", "商贸流通", "促消费", "其他");
        assertThat(c.reviewChain()).containsExactly("dept-leader", "office-director", "office-leader");
        assertThat(c.sandbox()).isEqualTo(SandboxMode.AUTO);
        assertThat(c.accounts()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("hongqi");
            assertThat(a.mode()).isEqualTo("freepublish");
            assertThat(a.sandbox()).isTrue();
        });
        assertThat(c.wechat().readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.templatesDir()).isEqualTo(Path.of("./templates"));
    }

    @Test
    void withNoFileGivenTheEmbeddedDefaultsLoad() {
        GongkaiConfig c = load(Map.of(), null);

        if (Files.isRegularFile(ConfigLoader.DEFAULT_FILE)) {
            assertThat(c.source()).isEqualTo(ConfigLoader.DEFAULT_FILE.toString());
        } else {
            assertThat(c.source()).isEqualTo("内置默认配置");
            assertThat(c.database().url()).isEqualTo("jdbc:h2:file:./data/gongkai;AUTO_SERVER=TRUE");
            assertThat(c.accounts()).extracting(AccountConfig::id).containsExactly("hongqi");
        }
    }

    @Test
    void aFileOverridesOnlyTheKeysItNames() throws IOException {
        GongkaiConfig c = load(Map.of(), file("""
                web:
                  port: 9090
                categories: [招商引资, 其他]
                review:
                  chain: []
                wechat:
                  read-timeout: 500ms
                """));

        assertThat(c.web().port()).isEqualTo(9090);
        assertThat(c.web().host()).isEqualTo("127.0.0.1");
        assertThat(c.categories()).containsExactly("招商引资", "其他");
        assertThat(c.reviewChain()).isEmpty();
        assertThat(c.wechat().readTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.wechat().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.source()).isEqualTo(dir.resolve("gongkai.yml").toString());
    }

    @Test
    void theDatabaseUrlEnvironmentVariableOverridesTheFile() throws IOException {
        Path f = file("""
                database:
                  url: jdbc:h2:file:/from/file
                """);

        GongkaiConfig c = load(Map.of("GONGKAI_DATABASE_URL", "jdbc:postgresql://db.internal:5432/gongkai"), f);

        assertThat(c.database().url()).isEqualTo("jdbc:postgresql://db.internal:5432/gongkai");
    }

    @Test
    void theAccountSecretEnvironmentVariableOverridesTheFileAndEndsSandboxForThatAccount() throws IOException {
        Path f = file("accounts:\n" + account("hongqi", "    secret: from-file\n"));

        GongkaiConfig c = load(Map.of("GONGKAI_ACCOUNTS_0_SECRET", SECRET), f);

        assertThat(c.accounts().get(0).secret().reveal()).isEqualTo(SECRET);
        assertThat(c.accounts().get(0).sandbox()).isFalse();
    }

    @Test
    void theDefaultAccountPicksItsSecretFromTheEnvironment() {
        GongkaiConfig c = new ConfigLoader(Map.of("GONGKAI_ACCOUNTS_0_SECRET", SECRET)).load(defaultsOnly());

        assertThat(c.accounts().get(0).secret().reveal()).isEqualTo(SECRET);
        assertThat(c.accounts().get(0).sandbox()).isFalse();
    }

    private Path defaultsOnly() {
        try {
            return file("");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aPlaceholderWithADefaultUsesTheDefaultWhenTheVariableIsUnset() throws IOException {
        Path f = file("accounts:\n" + account("hongqi", "").replace("name: 红旗商务", "name: ${ACCOUNT_NAME:-红旗商务}"));

        assertThat(load(Map.of(), f).accounts().get(0).name()).isEqualTo("红旗商务");
        assertThat(load(Map.of("ACCOUNT_NAME", "红旗区商务局"), f).accounts().get(0).name()).isEqualTo("红旗区商务局");
    }

    @Test
    void aPlaceholderWithoutADefaultBecomesEmptyWhenTheVariableIsUnset() throws IOException {
        Path f = file("""
                database:
                  password: ${GK_TEST_DB_PASSWORD}
                """);

        assertThat(load(Map.of(), f).database().password().isEmpty()).isTrue();
        assertThat(load(Map.of("GK_TEST_DB_PASSWORD", DB_PASSWORD), f).database().password().reveal())
                .isEqualTo(DB_PASSWORD);
    }

    @Test
    void theDataDirPlaceholderInTheDatabaseUrlFollowsTheDataDirVariable() {
        GongkaiConfig c = new ConfigLoader(Map.of("GONGKAI_DATA_DIR", "/srv/gongkai")).load(defaultsOnly());

        assertThat(c.dataDir()).isEqualTo(Path.of("/srv/gongkai"));
        assertThat(c.database().url()).isEqualTo("jdbc:h2:file:/srv/gongkai/gongkai;AUTO_SERVER=TRUE");
    }

    @Test
    void anUnknownTopLevelKeyIsAnErrorNamingTheKey() throws IOException {
        ConfigException e = failure("databse:\n  url: jdbc:h2:mem:x\n");

        assertThat(e.key()).isEqualTo("databse");
        assertThat(e.getMessage()).contains("databse").contains("未知的配置项").contains("database");
    }

    @Test
    void anUnknownNestedKeyIsAnErrorNamingItsPath() throws IOException {
        ConfigException e = failure("web:\n  prot: 9090\n");

        assertThat(e.key()).isEqualTo("web.prot");
        assertThat(e.getMessage()).contains("web.prot").contains("port");
    }

    @Test
    void anUnknownKeyInsideAnAccountIsAnErrorNamingTheAccountAndKey() throws IOException {
        ConfigException e = failure("accounts:\n" + account("hongqi", "    appsecret: x\n"));

        assertThat(e.key()).isEqualTo("accounts[0].appsecret");
        assertThat(e.getMessage()).contains("accounts[0].appsecret").contains("secret");
    }

    @Test
    void aPortAbove65535IsRejectedNamingKeyAndValue() throws IOException {
        ConfigException e = failure("web:\n  port: 70000\n");

        assertThat(e.key()).isEqualTo("web.port");
        assertThat(e.getMessage()).contains("web.port").contains("70000");
    }

    @Test
    void aPortThatIsNotANumberIsRejectedNamingKeyAndValue() throws IOException {
        ConfigException e = failure("web:\n  port: eighty\n");

        assertThat(e.getMessage()).contains("web.port").contains("eighty");
    }

    @Test
    void anAppIdNotOfWeChatsShapeIsRejectedNamingKeyAndValue() throws IOException {
        ConfigException e = failure("accounts:\n"
                + account("hongqi", "").replace("wx0123456789abcdef", "wx123"));

        assertThat(e.key()).endsWith("app-id");
        assertThat(e.getMessage()).contains("app-id").contains("wx123");
    }

    @Test
    void anUnknownPublishingModeIsRejectedNamingKeyAndValue() throws IOException {
        ConfigException e = failure("accounts:\n"
                + account("hongqi", "").replace("mode: freepublish", "mode: broadcast"));

        assertThat(e.key()).endsWith(".mode");
        assertThat(e.getMessage()).contains("mode").contains("broadcast");
    }

    @Test
    void aDurationWithoutAUnitWeKnowIsRejectedNamingKeyAndValue() throws IOException {
        ConfigException e = failure("wechat:\n  read-timeout: soon\n");

        assertThat(e.key()).isEqualTo("wechat.read-timeout");
        assertThat(e.getMessage()).contains("wechat.read-timeout").contains("soon");
    }

    @Test
    void aZeroDurationIsRejectedNamingKeyAndValue() throws IOException {
        ConfigException e = failure("wechat:\n  connect-timeout: 0s\n");

        assertThat(e.key()).isEqualTo("wechat.connect-timeout");
        assertThat(e.getMessage()).contains("wechat.connect-timeout").contains("PT0S");
    }

    @Test
    void anUnknownTimeZoneIsRejectedNamingKeyAndValue() throws IOException {
        ConfigException e = failure("timezone: Asia/Beijing\n");

        assertThat(e.key()).isEqualTo("timezone");
        assertThat(e.getMessage()).contains("timezone").contains("Asia/Beijing");
    }

    @Test
    void twoAccountsWithTheSameIdAreRejectedNamingTheId() throws IOException {
        ConfigException e = failure("accounts:\n" + account("hongqi", "") + account("hongqi", ""));

        assertThat(e.key()).isEqualTo("accounts[].id");
        assertThat(e.getMessage()).contains("accounts[].id").contains("hongqi").contains("重复");
    }

    @Test
    void anUnknownSandboxModeIsRejectedNamingKeyAndValue() throws IOException {
        ConfigException e = failure("sandbox: maybe\n");

        assertThat(e.key()).isEqualTo("sandbox");
        assertThat(e.getMessage()).contains("sandbox").contains("maybe");
    }

    @Test
    void sandboxOffWithoutASecretIsRejectedNamingTheSecretAndItsVariable() throws IOException {
        ConfigException e = failure("sandbox: off\n");

        assertThat(e.key()).isEqualTo("accounts[0].secret");
        assertThat(e.getMessage()).contains("accounts[0].secret").contains("GONGKAI_ACCOUNTS_0_SECRET")
                .contains("sandbox");
    }

    @Test
    void aYamlSyntaxErrorNamesTheFileAndLine() throws IOException {
        ConfigException e = failure("web:\n  port: 8080\n  host: [unclosed\n");

        assertThat(e.getMessage()).contains("gongkai.yml").contains("YAML").containsPattern("第 \\d+ 行");
    }

    @Test
    void aMissingConfigFileIsAnErrorNamingThePath() {
        Path missing = dir.resolve("nope.yml");

        assertThatThrownBy(() -> load(Map.of(), missing)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.yml");
    }

    @Test
    void sandboxAutoServesOnlyTheAccountsWithoutASecret() throws IOException {
        Path f = file("sandbox: auto\naccounts:\n"
                + account("hongqi", "    secret: ${GONGKAI_ACCOUNTS_0_SECRET:-}\n")
                + account("zhaoshang", "").replace("wx0123456789abcdef", "wxfedcba9876543210"));

        GongkaiConfig c = load(Map.of("GONGKAI_ACCOUNTS_0_SECRET", SECRET), f);

        assertThat(c.accounts()).extracting(AccountConfig::id, AccountConfig::sandbox)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hongqi", false),
                        org.assertj.core.groups.Tuple.tuple("zhaoshang", true));
        assertThat(c.anySandbox()).isTrue();
    }

    @Test
    void sandboxOnServesEveryAccountEvenWithASecret() {
        GongkaiConfig c = new ConfigLoader(Map.of("GONGKAI_ACCOUNTS_0_SECRET", SECRET, "GONGKAI_SANDBOX", "on"))
                .load(defaultsOnly());

        assertThat(c.accounts().get(0).sandbox()).isTrue();
    }

    @Test
    void secretsNeverAppearInTheTextOfTheConfiguration() throws IOException {
        Path f = file("accounts:\n" + account("hongqi", "    callback-token: " + CALLBACK_TOKEN + "\n"));
        Map<String, String> env = Map.of(
                "GONGKAI_ACCOUNTS_0_SECRET", SECRET,
                "GONGKAI_DATABASE_PASSWORD", DB_PASSWORD,
                "GONGKAI_DATABASE_URL", "jdbc:postgresql://db:5432/gongkai?user=gk&password=" + DB_PASSWORD);

        GongkaiConfig c = load(env, f);

        assertThat(c.accounts().get(0).secret().reveal()).isEqualTo(SECRET);
        assertThat(c.database().password().reveal()).isEqualTo(DB_PASSWORD);
        for (String text : List.of(c.toString(), c.database().toString(), c.accounts().get(0).toString(),
                c.database().safeUrl())) {
            assertThat(text).doesNotContain(SECRET).doesNotContain(DB_PASSWORD).doesNotContain(CALLBACK_TOKEN);
        }
        assertThat(c.accounts().get(0).toString()).contains("hongqi").contains("******");
    }

    @Test
    void aSandboxRoutedAccountStillHidesItsGeneratedSecret() {
        GongkaiConfig c = new ConfigLoader(Map.of()).load(defaultsOnly());

        AccountConfig routed = c.accounts().get(0).withApiBaseUrl("http://127.0.0.1:1234", Secret.of(SECRET));

        assertThat(routed.toString()).doesNotContain(SECRET);
        assertThat(c.withAccounts(List.of(routed)).toString()).doesNotContain(SECRET);
    }

    @Test
    void theDailyLimitsAndQuotaShareDefaultToWeChatsFiguresAndNinetyPercent() throws IOException {
        GongkaiConfig c = load(Map.of(), file(""));

        assertThat(c.wechat().quotaShare()).isEqualTo(0.9);
        assertThat(c.wechat().dailyLimits()).isEqualTo(WeChatClientConfig.DEFAULT_DAILY_LIMITS);
        assertThat(c.wechat().dailyLimits()).containsEntry("freepublish/get", 100);
    }

    @Test
    void aDailyLimitAndTheShareCanBeSetInTheFileAndByEnvironment() throws IOException {
        Path f = file("wechat:\n  quota-share: 0.5\n  daily-limits:\n    freepublish/get: 300\n");

        GongkaiConfig fromFile = load(Map.of(), f);
        GongkaiConfig fromEnv = load(Map.of("GONGKAI_WECHAT_DAILY_LIMITS_FREEPUBLISH_GET", "1000",
                "GONGKAI_WECHAT_QUOTA_SHARE", "0.8"), f);

        assertThat(fromFile.wechat().quotaShare()).isEqualTo(0.5);
        assertThat(fromFile.wechat().dailyLimits()).containsEntry("freepublish/get", 300)
                .containsEntry("freepublish/submit", 100);
        assertThat(fromEnv.wechat().dailyLimits()).containsEntry("freepublish/get", 1000);
        assertThat(fromEnv.wechat().quotaShare()).isEqualTo(0.8);
    }

    @Test
    void aQuotaShareAboveOneIsRejectedNamingKeyAndValue() throws IOException {
        ConfigException e = failure("wechat:\n  quota-share: 1.5\n");

        assertThat(e.key()).isEqualTo("wechat.quota-share");
        assertThat(e.getMessage()).contains("1.5");
    }

    @Test
    void aDailyLimitForAnApiWeDoNotKnowIsAnErrorNamingItsPath() throws IOException {
        ConfigException e = failure("wechat:\n  daily-limits:\n    freepublish/gett: 5\n");

        assertThat(e.key()).isEqualTo("wechat.daily-limits.freepublish/gett");
    }

    // ---- review, checks, inbox and OA keys (issue 4) ----

    @Test
    void theReviewCheckInboxAndOaKeysHaveTheirDocumentedDefaults() throws IOException {
        GongkaiConfig c = load(Map.of(), file(""));

        assertThat(c.review().importantChain()).containsExactly("principal-leader");
        assertThat(c.review().dueWorkingDays()).isEqualTo(20);
        assertThat(c.review().titleMax()).isEqualTo(32);
        assertThat(c.review().authorMax()).isEqualTo(16);
        assertThat(c.review().bodyMax()).isEqualTo(20_000);
        assertThat(c.review().imageMaxMb()).isEqualTo(10);
        assertThat(c.review().wordsFile()).isEmpty();
        assertThat(c.intake().inboxDir()).isEqualTo(Path.of("./data/inbox"));
        assertThat(c.intake().inboxInterval()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(c.intake().oaEnabled()).isFalse();
    }

    @Test
    void theExampleFileDocumentsEveryKeyAndLoads() {
        GongkaiConfig c = load(Map.of(), Path.of("config/gongkai.example.yml"));

        assertThat(c.review().dueWorkingDays()).isEqualTo(20);
        assertThat(c.intake().oaInterval()).isEqualTo(java.time.Duration.ofMinutes(10));
    }

    @Test
    void theImportantChainCanBeSetFromTheEnvironmentAsACommaList() throws IOException {
        GongkaiConfig c = load(Map.of("GONGKAI_REVIEW_IMPORTANT_CHAIN", "office-leader,principal-leader",
                "GONGKAI_REVIEW_DUE_WORKING_DAYS", "15", "GONGKAI_INBOX_DIR", "/srv/inbox"), file(""));

        assertThat(c.review().importantChain()).containsExactly("office-leader", "principal-leader");
        assertThat(c.review().dueWorkingDays()).isEqualTo(15);
        assertThat(c.intake().inboxDir()).isEqualTo(Path.of("/srv/inbox"));
    }

    @Test
    void aChainRoleThatIsNotAReviewRoleIsRejectedNamingKeyAndValue() throws IOException {
        ConfigException e = failure("review:\n  chain: [dept-leader, boss]\n");

        assertThat(e.getMessage()).contains("review.chain", "boss");
        assertThat(failure("review:\n  important-chain: [drafter]\n").getMessage())
                .contains("review.important-chain", "drafter");
    }

    @Test
    void zeroDueWorkingDaysIsRejectedNamingKeyAndValue() throws IOException {
        assertThat(failure("review:\n  due-working-days: 0\n").getMessage()).contains("review.due-working-days", "0");
        assertThat(failure("checks:\n  title-max: -1\n").getMessage()).contains("checks.title-max", "-1");
    }

    @Test
    void aCheckLimitAboveWeChatsIsRefusedAtLoadNamingTheKeyAndTheLimit() throws IOException {
        ConfigException title = failure("checks:\n  title-max: 33\n");

        assertThat(title.key()).isEqualTo("checks.title-max");
        assertThat(title.getMessage()).contains("33", "微信的上限 32 字");
        assertThat(failure("checks:\n  author-max: 17\n").getMessage()).contains("checks.author-max", "16");
        assertThat(failure("checks:\n  body-max: 20001\n").getMessage()).contains("checks.body-max", "20000");
        assertThat(failure("checks:\n  image-max-mb: 11\n").getMessage()).contains("checks.image-max-mb", "10 MB");
        assertThat(load(Map.of(), file("checks:\n  title-max: 32\n")).review().titleMax()).isEqualTo(32);
        assertThat(load(Map.of(), file("checks:\n  title-max: 20\n")).review().titleMax()).isEqualTo(20);
    }

    @Test
    void theDefaultDailyLimitsAreWeChatsOneTable() throws IOException {
        assertThat(load(Map.of(), file("")).wechat().dailyLimits()).isEqualTo(WeChatLimits.DAILY_CALLS);
    }

    @Test
    void anOaUrlWithoutAQueryOrANonSelectQueryIsRejected() throws IOException {
        assertThat(failure("oa:\n  url: jdbc:h2:mem:oa\n").getMessage()).contains("oa.query");
        assertThat(failure("oa:\n  url: jdbc:h2:mem:oa\n  query: DELETE FROM doc\n").getMessage())
                .contains("oa.query", "SELECT");
    }

    @Test
    void theOaPasswordIsMasked() throws IOException {
        GongkaiConfig c = load(Map.of("GONGKAI_OA_PASSWORD", "oa-pass-never-printed"),
                file("oa:\n  url: jdbc:h2:mem:oa\n  query: SELECT 1\n"));

        assertThat(c.intake().oaPassword().reveal()).isEqualTo("oa-pass-never-printed");
        assertThat(c.toString()).doesNotContain("oa-pass-never-printed");
    }

    @Test
    void headingNumbersAreOffByDefaultAndCanBeSwitchedOnInTheFileOrTheEnvironment() throws IOException {
        assertThat(load(Map.of(), file("")).render().headingNumbers()).isFalse();
        assertThat(load(Map.of(), file("render:\n  heading-numbers: true\n")).render().headingNumbers()).isTrue();
        assertThat(load(Map.of("GONGKAI_RENDER_HEADING_NUMBERS", "true"), file("")).render().headingNumbers())
                .isTrue();
    }

    @Test
    void aHeadingNumberSwitchThatIsNotABooleanNamesTheKey() throws IOException {
        ConfigException e = failure("render:\n  heading-numbers: 公文\n");

        assertThat(e.key()).isEqualTo("render.heading-numbers");
        assertThat(e.getMessage()).contains("true 或 false");
    }

    @Test
    void previewRecipientsAndTheQrCodeAreReadPerAccount() throws IOException {
        Path f = file("accounts:\n" + account("hongqi", """
                    qr-code: article/qrcode-hongqi.png
                    preview-to:
                      张科长: zhangke2023
                      李主任: o6_bmjrPTlm6_2sgVt7hMZOPfL2M
                """));

        AccountConfig a = load(Map.of(), f).accounts().get(0);

        assertThat(a.qrCode()).isEqualTo("article/qrcode-hongqi.png");
        assertThat(a.previewTo()).containsOnly(Map.entry("张科长", "zhangke2023"),
                Map.entry("李主任", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M"));
        assertThat(AccountConfig.isOpenId(a.previewTo().get("李主任"))).isTrue();
        assertThat(AccountConfig.isOpenId(a.previewTo().get("张科长"))).isFalse();
        assertThat(a.withApiBaseUrl("http://127.0.0.1:1", Secret.of(SECRET)).previewTo()).isEqualTo(a.previewTo());
    }

    @Test
    void previewRecipientsCanComeFromTheEnvironmentAsNameEqualsIdPairs() throws IOException {
        GongkaiConfig c = load(Map.of("GONGKAI_ACCOUNTS_0_PREVIEW_TO", "张科长=zhangke2023, 王副局长=wangfu_2020"),
                file(""));

        assertThat(c.accounts().get(0).previewTo()).containsOnly(Map.entry("张科长", "zhangke2023"),
                Map.entry("王副局长", "wangfu_2020"));
    }

    @Test
    void aPreviewRecipientThatIsNeitherAWeChatIdNorAnOpenidNamesTheKey() throws IOException {
        ConfigException e = failure("accounts:\n" + account("hongqi", "    preview-to:\n      张科长: 138 0000 0000\n"));

        assertThat(e.key()).isEqualTo("accounts[hongqi].preview-to.张科长");
        assertThat(e.getMessage()).contains("微信号").contains("openid");
    }

    // ---- binding by Jackson (issue 15) ----

    @Test
    void anAccountWithoutMaxArticlesPerDraftTakesTheDefaultEight() throws IOException {
        Path f = file("""
                accounts:
                  - id: hongqi
                    name: 红旗商务
                    app-id: wx0123456789abcdef
                """);

        AccountConfig a = load(Map.of(), f).accounts().get(0);

        assertThat(a.maxArticlesPerDraft()).isEqualTo(8);
        assertThat(a.mode()).isEqualTo(AccountConfig.FREEPUBLISH);
        assertThat(a.cron()).isEqualTo("0 0 10 ? * MON-FRI");
        assertThat(a.apiBaseUrl()).isEqualTo("https://api.weixin.qq.com");
        assertThat(a.dailyCap()).isZero();
        assertThat(a.dryRun()).isFalse();
    }

    @Test
    void aSecondAccountTakesTheDefaultsButNotTheSecretsOfTheFirst() throws IOException {
        Path f = file("accounts:\n" + account("hongqi", "")
                + "  - id: zhaoshang\n    name: 招商服务\n    app-id: wxfedcba9876543210\n    mode: mass\n");

        GongkaiConfig c = load(Map.of("GONGKAI_ACCOUNTS_0_SECRET", SECRET), f);
        AccountConfig second = c.accounts().get(1);

        assertThat(second.maxArticlesPerDraft()).isEqualTo(8);
        assertThat(second.mode()).isEqualTo(AccountConfig.MASS);
        assertThat(second.secret().isEmpty()).isTrue();
        assertThat(second.sandbox()).isTrue();
        assertThat(load(Map.of("GONGKAI_ACCOUNTS_1_SECRET", SECRET), f).accounts().get(1).secret().reveal())
                .isEqualTo(SECRET);
    }

    @Test
    void anAccountWithoutAnIdIsRejectedNamingTheKey() throws IOException {
        assertRefused("accounts:\n  - name: 红旗商务\n    app-id: wx0123456789abcdef\n", "accounts[].id", "小写字母");
    }

    @Test
    void sandboxIsNotAKeyOfAnAccount() throws IOException {
        assertRefused("accounts:\n" + account("hongqi", "    sandbox: true\n"), "accounts[0].sandbox", "未知的配置项");
    }

    @Test
    void aSectionWrittenAsAValueIsRejectedNamingTheKey() throws IOException {
        assertRefused("web: 8080\n", "web", "8080", "键值映射");
    }

    @Test
    void aListWrittenAsASectionIsRejectedNamingTheKey() throws IOException {
        assertRefused("categories:\n  招商引资: 1\n", "categories", "应为列表");
    }

    @Test
    void aSecretWrittenAsAListIsRejectedWithoutPrintingIt() throws IOException {
        ConfigException e = failure("accounts:\n" + account("hongqi", "    secret: [" + SECRET + "]\n"));

        assertThat(e.key()).isEqualTo("accounts[0].secret");
        assertThat(e.getMessage()).contains("应为单个值").doesNotContain(SECRET);
    }

    @Test
    void durationsMayBeWrittenShortOrInIso8601() throws IOException {
        GongkaiConfig c = load(Map.of(), file("wechat:\n  read-timeout: PT45S\n  retry-backoff: 1d\n"));

        assertThat(c.wechat().readTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.wechat().retryBackoff()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void switchesMayBeWrittenYesOrOn() throws IOException {
        Path f = file("accounts:\n" + account("hongqi", "    dry-run: yes\n") + "render:\n  heading-numbers: \"on\"\n");

        GongkaiConfig c = load(Map.of(), f);

        assertThat(c.accounts().get(0).dryRun()).isTrue();
        assertThat(c.render().headingNumbers()).isTrue();
    }

    @Test
    void aNumberLeftEmptyIsRejectedNamingKeyAndExpectation() throws IOException {
        assertRefused("web:\n  port:\n", "web.port", "应为整数");
    }

    private void assertRefused(String yaml, String key, String... fragments) throws IOException {
        ConfigException e = failure(yaml);

        assertThat(e.key()).isEqualTo(key);
        assertThat(e.getMessage()).contains(fragments);
    }
}

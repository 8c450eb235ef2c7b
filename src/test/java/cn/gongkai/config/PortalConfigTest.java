package cn.gongkai.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code portals:} list: the sandbox default, secrets from the environment only, and each delivery's checks. */
class PortalConfigTest {
    private static final String PASSWORD = "mail-pass-never-printed";
    private static final String HOOK_SECRET = "hook-secret-never-printed";
    /** A production instance: the account has its secret, so nothing runs in the sandbox. */
    private static final Map<String, String> PRODUCTION = Map.of("GONGKAI_ACCOUNTS_0_SECRET", "app-secret-1234");

    @TempDir
    Path dir;

    private GongkaiConfig load(Map<String, String> env, String yaml) throws IOException {
        Path f = dir.resolve("gongkai.yml");
        Files.writeString(f, "data-dir: " + dir.resolve("data") + "\n" + yaml, StandardCharsets.UTF_8);
        return new ConfigLoader(env).load(f);
    }

    private ConfigException refused(Map<String, String> env, String yaml) {
        Throwable t = catchThrowable(() -> load(env, yaml));
        assertThat(t).isInstanceOf(ConfigException.class);
        return (ConfigException) t;
    }

    private static String portal(String id, String delivery, String section) {
        return "  - id: " + id + "\n    name: 红旗区人民政府办公室\n    delivery: " + delivery + "\n" + section;
    }

    private static final String MAIL = "    email:\n      host: smtp.hongqi.gov.cn\n      port: 465\n      tls: ssl\n"
            + "      user: swj\n      from: xxgk@swj.hongqi.gov.cn\n      to: [xxbs@hongqi.gov.cn, bgs@hongqi.gov.cn]\n";

    @Test
    void aSandboxWithoutPortalsDeliversToTheBuiltInOfficeThroughTheSandboxMailbox() throws IOException {
        GongkaiConfig c = load(Map.of(), "");

        assertThat(c.portals()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("qzfb");
            assertThat(p.name()).isEqualTo("红旗区人民政府办公室");
            assertThat(p.delivery()).isEqualTo(PortalConfig.Delivery.EMAIL);
            assertThat(p.email().sandbox()).isTrue();
            assertThat(p.email().to()).containsExactly("xxgk@hongqi.gov.cn.invalid");
            assertThat(p.unit()).isEqualTo("红旗区商务局");
            assertThat(p.subject()).isEqualTo("【信息报送】{unit}：{title}");
            assertThat(p.takes("促消费")).isTrue();
        });
        assertThat(c.portalDelivery().interval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void anEmptyListMeansNoPortalAndProductionWithoutTheKeyHasNone() throws IOException {
        assertThat(load(Map.of(), "portals: []\n").portals()).isEmpty();
        assertThat(load(PRODUCTION, "").portals()).isEmpty();
    }

    @Test
    void aMailPortalTakesItsPasswordFromTheEnvironmentAndTheSharedDefaults() throws IOException {
        GongkaiConfig c = load(Map.of("GONGKAI_PORTALS_0_EMAIL_PASSWORD", PASSWORD),
                "portals:\n" + portal("qzfb", "email", MAIL + "    categories: [促消费]\n"));

        PortalConfig p = c.portal("qzfb").orElseThrow();
        assertThat(p.email().password().reveal()).isEqualTo(PASSWORD);
        assertThat(p.email().tls()).isEqualTo(PortalConfig.Tls.SSL);
        assertThat(p.email().port()).isEqualTo(465);
        assertThat(p.email().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.email().to()).containsExactly("xxbs@hongqi.gov.cn", "bgs@hongqi.gov.cn");
        assertThat(p.unit()).isEqualTo("红旗区商务局");
        assertThat(p.takes("促消费")).isTrue();
        assertThat(p.takes("招商引资")).isFalse();
        assertThat(p.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void aPasswordWrittenIntoTheFileIsRefusedNamingTheKeyAndTheVariableButNotTheValue() {
        ConfigException e = refused(Map.of(), "portals:\n" + portal("qzfb", "email",
                MAIL + "      password: " + PASSWORD + "\n"));

        assertThat(e.key()).isEqualTo("portals[0].email.password");
        assertThat(e.getMessage()).contains("GONGKAI_PORTALS_0_EMAIL_PASSWORD").doesNotContain(PASSWORD);
    }

    @Test
    void aWebhookSecretWrittenIntoTheFileIsRefusedEvenBehindAPlaceholderFallback() {
        ConfigException e = refused(Map.of(), "portals:\n" + portal("xxbs", "webhook",
                "    webhook:\n      url: https://xxbs.hongqi.gov.cn/api/items\n"
                        + "      secret: ${SOME_VAR:-" + HOOK_SECRET + "}\n"));

        assertThat(e.key()).isEqualTo("portals[0].webhook.secret");
        assertThat(e.getMessage()).contains("GONGKAI_PORTALS_0_WEBHOOK_SECRET").doesNotContain(HOOK_SECRET);
    }

    @Test
    void aWebhookMustBeHttpsExceptToThisMachineAndNeedsItsSecret() throws IOException {
        String plain = "portals:\n" + portal("xxbs", "webhook", "    webhook:\n      url: http://xxbs.hongqi.gov.cn/api\n");
        assertThat(refused(Map.of("GONGKAI_PORTALS_0_WEBHOOK_SECRET", HOOK_SECRET), plain).key())
                .isEqualTo("portals[0].webhook.url");

        String local = "portals:\n" + portal("xxbs", "webhook", "    webhook:\n      url: http://127.0.0.1:9000/in\n");
        assertThat(refused(Map.of(), local).getMessage()).contains("GONGKAI_PORTALS_0_WEBHOOK_SECRET");
        PortalConfig p = load(Map.of("GONGKAI_PORTALS_0_WEBHOOK_SECRET", HOOK_SECRET), local).portals().get(0);
        assertThat(p.webhook().secret().reveal()).isEqualTo(HOOK_SECRET);
        assertThat(p.webhook().url()).isEqualTo("http://127.0.0.1:9000/in");
    }

    @Test
    void theSandboxMailboxIsRefusedInProduction() {
        ConfigException e = refused(PRODUCTION, "portals:\n" + portal("qzfb", "email",
                "    email:\n      from: a@b.cn\n      to: [c@d.cn]\n"));

        assertThat(e.key()).isEqualTo("portals[0].email.host");
        assertThat(e.getMessage()).contains("沙箱");
    }

    @Test
    void aRelativeFolderLiesInTheDataDirectory() throws IOException {
        GongkaiConfig c = load(Map.of(), "portals:\n" + portal("share", "folder", "    folder:\n      dir: out/xxbs\n"));

        assertThat(c.portals().get(0).folder().dir()).isEqualTo(dir.resolve("data").resolve("out/xxbs"));
    }

    @Test
    void idsAreUniqueCategoriesAreConfiguredAndTheDeliveryIsNamed() {
        String folder = "    folder:\n      dir: out\n";
        assertThat(refused(Map.of(), "portals:\n" + portal("a", "folder", folder) + portal("a", "folder", folder))
                .key()).isEqualTo("portals[1].id");
        assertThat(refused(Map.of(), "portals:\n" + portal("a", "folder", folder + "    categories: [天气]\n"))
                .getMessage()).contains("天气").contains("促消费");
        ConfigException fax = refused(Map.of(), "portals:\n" + portal("a", "fax", folder));
        assertThat(fax.key()).isEqualTo("portals[0].delivery");
        assertThat(fax.getMessage()).contains("email、webhook 或 folder");
        assertThat(refused(Map.of(), "portals:\n" + portal("A B", "folder", folder)).getMessage())
                .contains("小写字母");
        assertThat(refused(Map.of(), "portals:\n" + portal("a", "email", "")).key()).isEqualTo("portals[0].email");
    }
}

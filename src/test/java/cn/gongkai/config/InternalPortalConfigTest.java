package cn.gongkai.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A portal with {@code delivery: internal} names a receiving unit of the same instance: it must exist, must not be
 * the unit sending through the portal, and must have an account; no mail, webhook or folder settings are needed.
 */
class InternalPortalConfigTest {
    private static final Map<String, String> PRODUCTION = Map.of("GONGKAI_ACCOUNTS_0_SECRET", "app-secret-1234",
            "GONGKAI_ACCOUNTS_1_SECRET", "app-secret-5678");
    private static final String ACCOUNTS = "accounts:\n"
            + "  - {id: swj, name: 红旗商务, app-id: wx0000000000000001}\n"
            + "  - {id: qzf, name: 红旗发布, app-id: wx0000000000000002}\n";

    @TempDir
    Path dir;

    private GongkaiConfig load(String portals, String units) throws IOException {
        Path f = dir.resolve("gongkai.yml");
        Files.writeString(f, "data-dir: " + dir.resolve("data") + "\n" + ACCOUNTS + portals + units,
                StandardCharsets.UTF_8);
        return new ConfigLoader(PRODUCTION).load(f);
    }

    private ConfigException refused(String portals, String units) {
        Throwable t = catchThrowable(() -> load(portals, units));
        assertThat(t).isInstanceOf(ConfigException.class);
        return (ConfigException) t;
    }

    private static String portal(String internal) {
        return "portals:\n  - {id: qzfb, name: 红旗区人民政府办公室, delivery: internal" + internal + "}\n";
    }

    private static String units(String officeAccounts) {
        return "units:\n"
                + "  - {id: shangwu, name: 红旗区商务局, accounts: [swj], portals: [qzfb]}\n"
                + "  - {id: qzfb, name: 红旗区人民政府办公室, accounts: " + officeAccounts + "}\n";
    }

    @Test
    void anInternalPortalNeedsOnlyItsReceivingUnit() throws IOException {
        GongkaiConfig c = load(portal(", internal: {unit: qzfb}"), units("[qzf]"));

        PortalConfig p = c.portal("qzfb").orElseThrow();
        assertThat(p.isInternal()).isTrue();
        assertThat(p.receivingUnit()).contains("qzfb");
        assertThat(c.unitOfPortal("qzfb")).map(UnitConfig::id).contains("shangwu");
    }

    @Test
    void theReceivingUnitMustBeNamed() {
        ConfigException none = refused(portal(""), units("[qzf]"));
        assertThat(none.key()).isEqualTo("portals[0].internal");
        assertThat(none.getMessage()).contains("internal: {unit: qzfb}");

        ConfigException blank = refused(portal(", internal: {unit: \"\"}"), units("[qzf]"));
        assertThat(blank.key()).isEqualTo("portals[0].internal.unit");
    }

    @Test
    void theReceivingUnitMustExist() {
        ConfigException e = refused(portal(", internal: {unit: jiaoyu}"), units("[qzf]"));
        assertThat(e.key()).isEqualTo("portals[qzfb].internal.unit");
        assertThat(e.getMessage()).contains("jiaoyu", "没有这个单位", "shangwu", "qzfb");
    }

    @Test
    void theReceivingUnitMustNotBeTheSendingUnit() {
        ConfigException e = refused(portal(", internal: {unit: shangwu}"), units("[qzf]"));
        assertThat(e.key()).isEqualTo("portals[qzfb].internal.unit");
        assertThat(e.getMessage()).contains("报送单位本身");
    }

    @Test
    void theReceivingUnitMustHaveAnAccount() {
        ConfigException e = refused(portal(", internal: {unit: qzfb}"), units("[]").replace("accounts: [swj]",
                "accounts: [swj, qzf]"));
        assertThat(e.key()).isEqualTo("portals[qzfb].internal.unit");
        assertThat(e.getMessage()).contains("没有公众号");
    }

    @Test
    void withoutUnitsTheOnlyUnitCannotReceiveItsOwnPortal() {
        ConfigException e = refused(portal(", internal: {unit: default}"), "");
        assertThat(e.getMessage()).contains("报送单位本身");
    }
}

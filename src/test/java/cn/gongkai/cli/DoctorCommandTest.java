package cn.gongkai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.Bundled;
import cn.gongkai.simulator.AccountType;
import cn.gongkai.simulator.WeChatSimulator;
import cn.gongkai.testsupport.CliHarness.Run;
import cn.gongkai.testsupport.CliHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gongkai doctor} end to end against the simulator, configured as a real account would be (a secret, the
 * simulator as api-base-url): healthy, a wrong secret, an unverified account, and a server IP outside the whitelist.
 * Each run's output is also written to {@code target/doctor/} (the README quotes them).
 */
class DoctorCommandTest {
    static final String APP_ID = "wx5f3e2a1b0c9d8e7f";
    static final String SECRET = "b1946ac92492d2347c6235b4d2611184";

    @TempDir
    Path dir;

    WeChatSimulator sim;

    @BeforeEach
    void startSimulator() {
        sim = WeChatSimulator.start("127.0.0.1", 0, Clock.systemUTC());
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    Run doctor(String secret, String name) throws IOException {
        return doctor(secret, name, "", "");
    }

    /** With {@code top} added at the top of the file and {@code accountExtra} to the account. */
    Run doctor(String secret, String name, String top, String accountExtra) throws IOException {
        Path config = dir.resolve("gongkai.yml");
        Files.writeString(config, top + """
                data-dir: %s
                sandbox: off
                accounts:
                  - id: hongqi
                    name: 红旗商务
                    app-id: %s
                    secret: ${GONGKAI_HONGQI_SECRET}
                    api-base-url: %s
                    mode: freepublish
                    cron: "0 0 10 ? * MON-FRI"
                    max-articles-per-draft: 8
                """.formatted(dir.resolve("data"), APP_ID, sim.baseUrl()) + accountExtra, StandardCharsets.UTF_8);
        Run run = CliHarness.gongkai().withConfig(config).withEnv(Map.of("GONGKAI_HONGQI_SECRET", secret))
                .run("doctor");
        Path saved = Path.of("target", "doctor", name + ".txt");
        Files.createDirectories(saved.getParent());
        Files.writeString(saved, "$ gongkai doctor\n" + run.out().replace(dir.toString(), "/srv/gongkai")
                .replace(sim.baseUrl(), "http://127.0.0.1:8081") + "$ echo $?\n" + run.code() + "\n",
                StandardCharsets.UTF_8);
        return run;
    }

    /**
     * The lines with {@code marker}, leaving out the holiday calendar's line: it warns in December when next year is
     * missing, whatever else a test looks at (DoctorHolidaysTest covers it); nor the HEIC line, which depends on the
     * server having heif-convert (DoctorHeicTest covers it).
     */
    static List<String> lines(Run r, String marker) {
        return r.out().lines().filter(l -> l.startsWith(marker) && !l.startsWith(marker + " 节假日表")
                && !l.startsWith(marker + " HEIC 照片")).toList();
    }

    @Test
    void aHealthyAccountPassesEveryCheckAndExitsZero() throws IOException {
        sim.registerAccount(APP_ID, SECRET, AccountType.SERVICE, true);

        Run r = doctor(SECRET, "healthy");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(lines(r, DoctorCommand.FAILED)).isEmpty();
        assertThat(lines(r, DoctorCommand.OK)).hasSize(10);
        assertThat(r.out()).containsPattern("迁移已应用到版本 \\d+");
        // The embedded H2 file: its size and how much of it is live data.
        assertThat(r.out()).containsPattern("\\[ok] 数据库文件：H2 数据库文件 \\d+\\.\\d MB，其中有效数据约 \\d+\\.\\d MB（\\d+%）");
        assertThat(r.out()).contains("[ok] 配置：", "[ok] 网页监听：", "[ok] 数据库：", "[ok] 模板：",
                "[ok] 红旗商务（hongqi） access_token", "[ok] 红旗商务（hongqi） IP 白名单", "[ok] 红旗商务（hongqi） 发布权限",
                "[ok] 红旗商务（hongqi） 群发权限", "全部通过");
        assertThat(r.out()).doesNotContain(SECRET).contains("AppSecret ******");
        assertThat(sim.record().massSends()).isEmpty();
        assertThat(sim.record().successfulSubmits()).isZero();
    }

    @Test
    void anEditedConsoleTemplateIsKeptAndWarnedAboutWithTheNewVersionBesideIt() throws IOException {
        sim.registerAccount(APP_ID, SECRET, AccountType.SERVICE, true);
        Path templates = dir.resolve("templates");
        Bundled.extract("templates", templates);
        Files.writeString(templates.resolve("console/items.ftlh"), "<#-- 本单位改过 -->\n", StandardCharsets.UTF_8);

        Run r = doctor(SECRET, "template-edited", "templates-dir: " + templates + "\n", "");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(lines(r, DoctorCommand.WARNING)).singleElement().asString()
                .startsWith("[警告] 模板 console/items.ftlh：").contains("items.ftlh.new", "控制台页面");
        assertThat(templates.resolve("console/items.ftlh")).hasContent("<#-- 本单位改过 -->");
        assertThat(templates.resolve("console/items.ftlh.new")).hasSameBinaryContentAs(
                Path.of("templates/console/items.ftlh"));
    }

    @Test
    void aPlainModeCallbackIsWarnedAboutAndMoreStronglyWhenTheWebServerFacesTheNetwork() throws IOException {
        sim.registerAccount(APP_ID, SECRET, AccountType.SERVICE, true);
        String token = "    callback-token: cb-token-1234\n";

        Run local = doctor(SECRET, "callback-plain", "web:\n  host: 127.0.0.1\n", token);
        Run exposed = doctor(SECRET, "callback-plain-exposed", "web:\n  host: 0.0.0.0\n", token);
        Run aes = doctor(SECRET, "callback-aes", "web:\n  host: 0.0.0.0\n",
                token + "    callback-aes-key: abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG\n");

        assertThat(lines(local, DoctorCommand.WARNING)).singleElement().asString().contains("明文模式")
                .contains("安全模式").contains("accounts[0].callback-aes-key").doesNotContain("直接对外");
        assertThat(lines(exposed, DoctorCommand.WARNING)).filteredOn(l -> l.contains("回调")).singleElement()
                .asString().contains("http 直接对外").contains("HTTPS 反向代理");
        assertThat(lines(aes, DoctorCommand.WARNING)).filteredOn(l -> l.contains("回调")).isEmpty();
        assertThat(aes.out()).contains("安全模式（消息加密");
        assertThat(local.code()).isZero();
    }

    @Test
    void aWebServerListeningBeyondLoopbackIsWarnedAboutPlainHttp() throws IOException {
        sim.registerAccount(APP_ID, SECRET, AccountType.SERVICE, true);

        Run local = doctor(SECRET, "listen-local", "web:\n  host: 127.0.0.1\n", "");
        Run exposed = doctor(SECRET, "listen-all", "web:\n  host: 0.0.0.0\n", "");

        assertThat(lines(local, DoctorCommand.WARNING)).isEmpty();
        assertThat(local.out()).contains("网页监听").contains("只在本机");
        assertThat(lines(exposed, DoctorCommand.WARNING)).singleElement().asString().contains("网页监听")
                .contains("明文 HTTP").contains("web.host");
        assertThat(exposed.code()).isZero();
    }

    @Test
    void aWrongSecretFailsTheTokenWithTheFixAndWhereToSetItAndExitsThree() throws IOException {
        sim.registerAccount(APP_ID, SECRET, AccountType.SERVICE, true);

        Run r = doctor("0000-wrong-secret-0000", "wrong-secret");

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(lines(r, DoctorCommand.FAILED)).singleElement().asString()
                .startsWith("[失败] 红旗商务（hongqi） access_token：AppSecret 无效")
                .contains("设置与开发 → 基本配置", "errcode 40125", "accounts[0].secret", "GONGKAI_ACCOUNTS_0_SECRET");
        assertThat(lines(r, DoctorCommand.SKIPPED)).hasSize(4);
        assertThat(r.out()).doesNotContain("0000-wrong-secret-0000");
    }

    @Test
    void anUnverifiedAccountFailsFreepublishAndMassSendWith48001AndExitsThree() throws IOException {
        sim.registerAccount(APP_ID, SECRET, AccountType.SUBSCRIPTION, false);

        Run r = doctor(SECRET, "unverified");

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(lines(r, DoctorCommand.FAILED)).hasSize(2).allSatisfy(l -> assertThat(l).contains("微信认证"));
        assertThat(lines(r, DoctorCommand.FAILED).get(0)).startsWith("[失败] 红旗商务（hongqi） 发布权限")
                .contains("errcode 48001");
        assertThat(lines(r, DoctorCommand.FAILED).get(1)).startsWith("[失败] 红旗商务（hongqi） 群发权限")
                .contains("群发接口", "daily_limit 为 0");
        assertThat(r.out()).contains("[ok] 红旗商务（hongqi） 草稿箱权限", "[ok] 红旗商务（hongqi） access_token");
    }

    @Test
    void aServerIpOutsideTheWhitelistFailsWithTheIpWeChatSawAndExitsThree() throws IOException {
        sim.registerAccount(APP_ID, SECRET, AccountType.SERVICE, true);
        sim.faults().ipNotWhitelisted(APP_ID, "1.2.3.4");

        Run r = doctor(SECRET, "ip-not-whitelisted");

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(lines(r, DoctorCommand.FAILED)).hasSize(2);
        assertThat(lines(r, DoctorCommand.FAILED).get(0)).startsWith("[失败] 红旗商务（hongqi） access_token")
                .contains("40164", "IP 白名单");
        assertThat(lines(r, DoctorCommand.FAILED).get(1)).startsWith("[失败] 红旗商务（hongqi） IP 白名单")
                .contains("服务器 IP（微信看到的是 1.2.3.4）不在公众号的 IP 白名单中", "基本配置 → IP白名单");
        assertThat(lines(r, DoctorCommand.SKIPPED)).hasSize(3);
    }

    @Test
    void aConfigurationErrorIsOneFailedLineAndExitsTwo() throws IOException {
        Path config = dir.resolve("bad.yml");
        Files.writeString(config, "wechat:\n  quota-share: 2\n", StandardCharsets.UTF_8);

        Run run = CliHarness.gongkai().withConfig(config).run("doctor");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).startsWith("[失败] 配置：").contains("wechat.quota-share", "2");
    }
}

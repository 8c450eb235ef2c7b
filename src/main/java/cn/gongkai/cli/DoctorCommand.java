package cn.gongkai.cli;

import cn.gongkai.Bundled;
import cn.gongkai.TemplateUpgrade;
import cn.gongkai.Wiring;
import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.ConfigException;
import cn.gongkai.config.ConfigLoader;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.config.PortalConfig;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.Note;
import cn.gongkai.publish.AccountProbe;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.render.HeicConverter;
import cn.gongkai.review.HolidayCalendar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gongkai doctor}: configuration, database, templates (first brought up to this version as a start does, with a
 * warning for each edited file whose new version waits beside it), the holiday calendar (in December: is next year in
 * it?), then per account token, IP whitelist and the draft,
 * freepublish and mass-send permissions — one line per check, {@code [ok]} or {@code [失败]} with the fix. Nothing is
 * published or sent. Then each 报区政府办 portal (mail server and login, webhook reachability, folder writable; a test
 * mail only with {@code --portal-test-to}). Exit code 2 when the configuration, database or templates failed, 3 when a
 * WeChat or portal check failed,
 * 0 when everything passed.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"检查配置、数据库、模板、节假日表（12 月提醒添加下一年），以及每个公众号的 access_token、IP 白名单和草稿箱／发布／群发权限。",
                "每项一行：[ok] 通过，[失败] 附修复方法，[跳过] 因前面的问题未能检查。不会发布或群发任何内容。",
                "然后检查每个报送单位（报区政府办）：邮件服务器和登录、webhook 连通、报送文件夹可写；只有加 --portal-test-to 才发测试邮件。",
                "退出码：0 全部通过，2 配置、数据库或模板有问题，3 微信或报区政府办检查未通过。"})
final class DoctorCommand extends CliCommand {
    static final String OK = "[ok]";
    static final String FAILED = "[失败]";
    static final String SKIPPED = "[跳过]";
    static final String WARNING = "[警告]";

    @Option(names = "--portal-test-to", paramLabel = "ADDRESS",
            description = "另外经各报送单位（报区政府办）的邮件服务器给这个地址发一封测试邮件；不写就不发任何邮件")
    String portalTestTo;

    private int passed;
    private int failed;
    private int skipped;
    private boolean portalsFailed;

    @Override
    public Integer call() {
        if (portalTestTo != null && !portalTestTo.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new UserError("--portal-test-to 须是一个邮件地址，如 xinxi@hongqi.gov.cn：" + portalTestTo);
        }
        Context context = Cli.contextOf(spec);
        GongkaiConfig config;
        try {
            config = context.config(Cli.configOf(spec));
        } catch (ConfigException e) {
            fail("配置", e.getMessage() + "。修复：改正配置文件（或对应的 GONGKAI_* 环境变量）中的这一项后重新运行 gongkai doctor。");
            return summary(ExitCodes.CONFIG);
        }
        ok("配置", describe(config));
        listener(config.web().host());
        boolean local = database(config) & templates(config) & holidays(config, context);
        heicPhotos();
        if (!local) {
            skip("公众号检查", "未检查：请先解决上面的问题。");
            return summary(ExitCodes.CONFIG);
        }
        int failedBefore = failed;
        int wechatFailed;
        try (Wiring w = context.wire(config, ItemCommands.NO_POLLING)) {
            List<AccountConfig> accounts = w.config().accounts();
            for (int i = 0; i < accounts.size(); i++) {
                account(i, accounts.get(i), w.gateway().probe(accounts.get(i).id()));
                callback(i, accounts.get(i), w.config().web().host());
            }
            wechatFailed = failed - failedBefore;
            portals(w);
        }
        portalsFailed = failed - failedBefore - wechatFailed > 0;
        return summary(failed > failedBefore ? ExitCodes.WECHAT : ExitCodes.OK);
    }

    /** One line per portal check (报区政府办), counted like the others; a test mail only with --portal-test-to. */
    private void portals(Wiring w) {
        if (portalTestTo != null && w.config().portals().stream()
                .noneMatch(p -> p.delivery() == PortalConfig.Delivery.EMAIL)) {
            warn("报区政府办测试邮件", "未发送：没有用邮件报送的报送单位（portals 中 delivery: email）");
        }
        for (String line : w.portalChecks(Optional.ofNullable(portalTestTo).map(String::strip))) {
            out().println(line);
            if (line.startsWith(OK)) {
                passed++;
            } else if (line.startsWith(FAILED)) {
                failed++;
            } else {
                skipped++;
            }
        }
    }

    private static String describe(GongkaiConfig config) {
        List<String> accounts = new ArrayList<>();
        for (AccountConfig a : config.accounts()) {
            accounts.add(a.id() + "（" + a.name() + "，AppID " + a.appId() + "，AppSecret " + a.secret()
                    + (a.sandbox() ? "，沙箱模式：由内置模拟器代替微信" : "，接口地址 " + a.apiBaseUrl()) + "）");
        }
        String source = config.source();
        if (!source.equals("内置默认配置") && !source.equals(ConfigLoader.DEFAULT_FILE.toString())) {
            source = Path.of(source).toAbsolutePath().normalize().toString();
        }
        return "已加载并通过检查（" + source + "）；公众号 " + config.accounts().size() + " 个：" + String.join("；", accounts)
                + "；数据库密码 " + config.database().password();
    }

    private boolean database(GongkaiConfig config) {
        try {
            Wiring.DatabaseProbe db = Wiring.probeDatabase(config);
            ok("数据库", "已连接 " + db.description() + "，迁移已应用到版本 " + db.schemaVersion());
            db.fileSpace().ifPresent(space -> ok("数据库文件", space
                    + "（服务每晚整理文件；有效数据不到一半时每十分钟也会整理一次）"));
            return true;
        } catch (Exception e) {
            fail("数据库", "无法连接或迁移：" + rootMessage(e) + "。修复：检查配置项 database.url、database.user 和密码（环境变量 "
                    + "GONGKAI_DATABASE_PASSWORD），确认数据库已启动、本机可以访问；H2 文件数据库请确认数据目录 "
                    + config.dataDir() + " 可写。");
            return false;
        }
    }

    private boolean templates(GongkaiConfig config) {
        Path dir = config.templatesDir();
        if (!Files.isDirectory(dir)) {
            ok("模板", "目录 " + dir + " 不存在：启动服务或发布时会写入内置模板，之后可直接修改");
            return true;
        }
        try {
            List<TemplateUpgrade.Step> upgrade = Bundled.ensureTemplates(dir);
            ArticleRenderer renderer = ArticleRenderer.load(dir);
            renderer.render(new ItemContent("doctor", "其他", "模板自检", "办公室", "", "模板自检正文，含术语以旧换新。",
                    List.of(new Note("以旧换新", "交回旧商品、购买新商品时享受补贴的方式。")), List.of(), List.of(), null, "", "",
                    null), "自检", image -> "");
            ok("模板", dir + " 解析成功，试排一篇样稿成功；术语库 " + renderer.glossary().keys().size() + " 条"
                    + upgraded(upgrade));
            upgrade.stream().filter(TemplateUpgrade.Step::needsStaff)
                    .forEach(s -> warn("模板 " + s.file(), TemplateUpgrade.warning(dir, s)));
            return true;
        } catch (RuntimeException e) {
            fail("模板", rootMessage(e) + "。修复：改正 " + dir + " 中的模板文件；也可以把该目录改名，让程序重新写入内置模板。");
            return false;
        }
    }

    /** What starting (and this check) brought up to this version, as the end of the templates line. */
    private static String upgraded(List<TemplateUpgrade.Step> steps) {
        long n = steps.stream().filter(s -> s.kind() == TemplateUpgrade.Kind.MISSING
                || s.kind() == TemplateUpgrade.Kind.OUTDATED).count();
        return n == 0 ? "" : "；已把 " + n + " 个缺失或未修改过的旧版本模板更新为本版本自带的";
    }

    /** The holiday calendar reads and checks; in December, next year's notice should be in it. */
    private boolean holidays(GongkaiConfig config, Context context) {
        HolidayCalendar calendar;
        try {
            calendar = Wiring.holidays(config);
        } catch (ConfigException e) {
            fail("节假日表", e.getMessage() + "。修复：按提示改正该文件后重新运行 gongkai doctor。");
            return false;
        }
        LocalDate today = LocalDate.now(context.clock().withZone(config.timezone()));
        Optional<String> missing = nextYearMissing(calendar, config, today);
        if (missing.isPresent()) {
            warn("节假日表", missing.get());
        } else {
            ok("节假日表", calendar.source() + "：已有 " + calendar.years().stream().map(String::valueOf)
                    .collect(Collectors.joining("、")) + " 年的安排");
        }
        return true;
    }

    /** Whether HEIC photos (the iPhone default) can be converted on this server; without it they are refused. */
    private void heicPhotos() {
        Optional<String> program = HeicConverter.system().program();
        if (program.isPresent()) {
            ok("HEIC 照片", "本服务器支持，导入时用 " + program.get() + " 转换为 JPG");
        } else {
            warn("HEIC 照片", "本服务器不支持：没有找到 heif-convert，导入苹果手机的 HEIC 照片会被拒绝并提示另存为 JPG。"
                    + "修复：安装 libheif-examples（Debian/Ubuntu：apt-get install libheif-examples）后重新运行 gongkai doctor。");
        }
    }

    /** In December, when the calendar lacks next year: what is missing and how to add it. */
    static Optional<String> nextYearMissing(HolidayCalendar calendar, GongkaiConfig config, LocalDate today) {
        int next = today.getYear() + 1;
        if (today.getMonthValue() != 12 || calendar.covers(next)) {
            return Optional.empty();
        }
        return Optional.of("没有 " + next + " 年的节假日安排：到了 " + next + " 年，公开时限等工作日只会跳过周六、周日，"
                + "不计节假日和调休。" + CalendarCommands.howToAdd(config, next));
    }

    private void account(int index, AccountConfig a, AccountProbe probe) {
        String who = a.name() + "（" + a.id() + "）";
        for (AccountProbe.Check c : probe.checks()) {
            String name = who + " " + c.name();
            switch (c.status()) {
                case OK -> ok(name, c.message() + (c == probe.token() && a.sandbox() ? "（沙箱模式：内置模拟器）" : ""));
                case SKIPPED -> skip(name, c.message());
                case FAILED -> fail(name, c.message() + (c == probe.token() && c.code() == 40164 ? ""
                        : configHint(index, c)));
            }
        }
    }

    /**
     * A callback in plain mode is signed only over token, timestamp and nonce, not the message: recommend 安全模式, and
     * warn more strongly when the web server itself (plain http) faces the network instead of an HTTPS reverse proxy.
     */
    private void callback(int index, AccountConfig a, String webHost) {
        if (!a.callbackConfigured()) {
            return;
        }
        String who = a.name() + "（" + a.id() + "） 发布结果回调";
        boolean exposed = !loopback(webHost);
        if (!a.callbackAesKey().isEmpty()) {
            ok(who, "安全模式（消息加密，callback-aes-key 已配置）");
        } else if (exposed) {
            warn(who, "明文模式，且服务以 http 直接对外监听（web.host " + webHost + "）：明文回调的签名不覆盖消息内容，"
                    + "截获的一次回调可被用来伪造发布结果（系统会向微信核实，但仍请尽快处理）。修复：在服务前面配置 HTTPS 反向代理、"
                    + "把 web.host 设为 127.0.0.1；并在公众号后台 设置与开发 → 基本配置 → 服务器配置 中把消息加解密方式改为“安全模式”，"
                    + "把 EncodingAESKey 填入配置项 accounts[" + index + "].callback-aes-key（环境变量 GONGKAI_ACCOUNTS_"
                    + index + "_CALLBACK_AES_KEY）。");
        } else {
            warn(who, "明文模式：签名不覆盖消息内容。建议在公众号后台 设置与开发 → 基本配置 → 服务器配置 中把消息加解密方式改为"
                    + "“安全模式”，把 EncodingAESKey 填入配置项 accounts[" + index + "].callback-aes-key（环境变量 GONGKAI_ACCOUNTS_"
                    + index + "_CALLBACK_AES_KEY）；回调地址须经 HTTPS 对外。");
        }
    }

    /**
     * The console and API speak plain HTTP: on the loopback interface only an HTTPS reverse proxy on the same machine
     * reaches them; on any other address passwords and session cookies cross the network in clear text.
     */
    private void listener(String webHost) {
        if (loopback(webHost)) {
            ok("网页监听", "只在本机（" + webHost + "）监听；其他电脑和微信回调请经同一台服务器上的 HTTPS 反向代理访问（docs/security.md）");
        } else {
            warn("网页监听", "控制台和接口以明文 HTTP 在 " + webHost + " 上对外监听：密码和登录会话会明文经过网络。修复：在服务前面配置 "
                    + "HTTPS 反向代理（转发时带上 X-Forwarded-Proto: https），并把配置项 web.host 设为 127.0.0.1（docs/security.md）。");
        }
    }

    static boolean loopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }

    private void warn(String what, String problemAndFix) {
        out().println(WARNING + " " + what + "：" + problemAndFix);
    }

    /** Where in our configuration the fix goes, for failures that name our own settings. */
    private static String configHint(int index, AccountProbe.Check c) {
        String p = "accounts[" + index + "]";
        String env = "GONGKAI_ACCOUNTS_" + index + "_";
        return switch (c.code()) {
            case 40001, 40125, 40243 -> "（本系统中的位置：配置项 " + p + ".secret，环境变量 " + env + "SECRET）";
            case 40013 -> "（本系统中的位置：配置项 " + p + ".app-id）";
            case 40164 -> "（如果本系统经固定 IP 的中转服务器访问微信，请检查配置项 " + p + ".api-base-url）";
            default -> "";
        };
    }

    private void ok(String what, String detail) {
        passed++;
        out().println(OK + " " + what + (detail.isEmpty() ? "" : "：" + detail));
    }

    private void fail(String what, String problemAndFix) {
        failed++;
        out().println(FAILED + " " + what + "：" + problemAndFix);
    }

    private void skip(String what, String why) {
        skipped++;
        out().println(SKIPPED + " " + what + "：" + why);
    }

    private int summary(int code) {
        String verdict = switch (code) {
            case ExitCodes.OK -> "全部通过。";
            case ExitCodes.WECHAT -> (portalsFailed ? "微信或报区政府办检查未通过" : "微信检查未通过")
                    + "，请按上面 [失败] 行中的方法处理后重新运行 gongkai doctor。";
            default -> "配置、数据库或模板有问题，请按上面 [失败] 行中的方法处理后重新运行 gongkai doctor。";
        };
        out().println("检查结果：" + passed + " 项通过，" + failed + " 项失败，" + skipped + " 项跳过。" + verdict);
        out().flush();
        return code;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String top = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return t == e || t.getMessage() == null ? top : top + "（" + t.getMessage() + "）";
    }
}

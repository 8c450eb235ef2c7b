package cn.gongkai.cli;

import cn.gongkai.Bundled;
import cn.gongkai.Wiring;
import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.config.PortalConfig;
import cn.gongkai.intake.ImportResult;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.portal.DeliveryReport;
import cn.gongkai.portal.ReceivedMail;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.publish.RunReport;
import cn.gongkai.report.CountBy;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.Role;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gongkai demo}: the whole cycle in sandbox mode, in a temporary data directory — import the sample items,
 * approve them through the review chain, render them, publish them to the in-process simulator, deliver them to the
 * 区政府办 (the sandbox's office mailbox, in-process) and print the counts of both channels.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "在临时目录中用内置模拟器演示全过程：导入示例稿件、逐级审核、排版、分批发布、报区政府办（沙箱邮箱），并输出两个渠道的本年统计")
final class DemoCommand extends CliCommand {
    private static final Map<String, String> DEMO_REVIEWERS = Map.of("dept-leader", "张科长", "office-director",
            "李主任", "office-leader", "王副局长", "principal-leader", "赵局长");

    @Option(names = "--dir", paramLabel = "DIR", description = "演示数据目录（默认新建临时目录）")
    Path dir;

    @Option(names = "--district",
            description = "演示一个区：红旗区商务局、红旗区教育局两个单位各自起草、审核、发布，区政府办查看全区情况")
    boolean district;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        Path base = baseDirectory();
        Path samples = base.resolve("samples");
        Bundled.extract("samples", samples);
        Context ctx = Cli.contextOf(spec);
        if (district) {
            return DistrictDemo.run(ctx, base, samples, out);
        }
        GongkaiConfig config = demoConfig(ctx, base);
        long started = System.nanoTime();
        try (Wiring w = ctx.wire(config, new PollPolicy(20, Duration.ofMillis(100)))) {
            out.println("演示目录：" + base.toAbsolutePath());
            out.println("微信模拟器：" + w.simulator().baseUrl());
            addUsers(w, out);
            List<Long> ids = importSamples(w, samples, out);
            approveAll(w, ids, out);
            renderAll(w, ids, base.resolve("rendered"), out);
            int published = publishAll(w, out);
            DeliveryReport delivered = deliverAll(w, out);
            printCounts(w, out);
            out.printf("演示完成，用时 %.1f 秒。%n", (System.nanoTime() - started) / 1e9);
            return published == ids.size() && delivered.failed() == 0 ? ExitCodes.OK : ExitCodes.WECHAT;
        } catch (IOException e) {
            throw new UserError("演示目录无法写入：" + e.getMessage());
        }
    }

    private Path baseDirectory() throws IOException {
        Path base = dir != null ? dir : Files.createTempDirectory("gongkai-demo-");
        if (dir != null && Files.exists(dir.resolve("gongkai.mv.db"))) {
            throw new UserError("演示目录 " + dir + " 中已有数据库，请换一个空目录");
        }
        return base;
    }

    private GongkaiConfig demoConfig(Context ctx, Path base) {
        Map<String, String> demo = new java.util.HashMap<>(Map.of("GONGKAI_DATA_DIR", base.toString(),
                "GONGKAI_DATABASE_URL", "jdbc:h2:file:" + base.toAbsolutePath().resolve("gongkai"),
                "GONGKAI_SANDBOX", "on"));
        if (!Files.isDirectory(ctx.config(Cli.configOf(spec)).templatesDir())) {
            demo.put("GONGKAI_TEMPLATES_DIR", base.resolve("templates").toString());
        }
        return ctx.config(Cli.configOf(spec), demo);
    }

    private static void addUsers(Wiring w, PrintWriter out) {
        char[] demoPassword = java.util.UUID.randomUUID().toString().toCharArray();
        w.users().add("刘科员", Role.DRAFTER, demoPassword);
        DEMO_REVIEWERS.forEach((role, name) -> w.users().add(name, Role.parse(role), demoPassword));
        out.println("0. 添加演示用户：刘科员（起草人）及各审核角色（随机密码）");
    }

    private static List<Long> importSamples(Wiring w, Path samples, PrintWriter out) throws IOException {
        List<Path> files;
        try (var s = Files.list(samples)) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        ImportResult imported = w.importer().importFiles(files, "刘科员", "演示");
        if (!imported.ok()) {
            imported.problems().forEach(p -> out.println("  " + p));
            throw new IllegalStateException("bundled sample items did not import: " + imported.problems());
        }
        out.println("1. 导入示例稿件 " + imported.newIds().size() + " 篇（提交人：刘科员）");
        return imported.newIds();
    }

    private static void approveAll(Wiring w, List<Long> ids, PrintWriter out) {
        ReviewService review = w.review();
        for (long id : ids) {
            DisclosureItem item = w.items().find(id).orElseThrow();
            while (item.status() == ItemStatus.IN_REVIEW) {
                String role = review.waitingFor(item).orElseThrow();
                item = review.approve(id, DEMO_REVIEWERS.getOrDefault(role, role), item.contentHash(), "同意");
            }
        }
        out.println("2. 逐级审核通过：" + String.join(" → ", review.chain().stream()
                .map(r -> ReviewService.roleLabel(r) + DEMO_REVIEWERS.getOrDefault(r, r)).toList()));
    }

    private static void renderAll(Wiring w, List<Long> ids, Path rendered, PrintWriter out) throws IOException {
        Files.createDirectories(rendered);
        for (long id : ids) {
            DisclosureItem item = w.items().find(id).orElseThrow();
            String name = w.config().account(item.content().account()).map(AccountConfig::name).orElse("");
            String html = w.renderer().render(item.content(), name, img -> "images/" + img.fileName()).html();
            Files.writeString(rendered.resolve(id + ".html"), html);
        }
        out.println("3. 排版完成，文章 HTML 见 " + rendered.toAbsolutePath());
    }

    static int publishAll(Wiring w, PrintWriter out) {
        int published = 0;
        for (AccountConfig a : w.config().accounts()) {
            RunReport r = w.publisher().run(a.id());
            published += r.published();
            out.println("4. 发布到 " + a.name() + "（模拟器）：" + r.batches() + " 个批次（每批最多 "
                    + a.maxArticlesPerDraft() + " 篇），发布 " + r.published() + " 篇，失败 " + r.failed() + " 篇");
            r.messages().forEach(m -> out.println("   " + m));
        }
        out.println("   模拟器记录：已发布文章 " + w.simulator().record().published().size() + " 篇");
        return published;
    }

    /** The same run as {@code gongkai portal run}: the approved items to the sandbox's office mailbox. */
    private static DeliveryReport deliverAll(Wiring w, PrintWriter out) {
        DeliveryReport report = w.portalRunner().run();
        out.println("5. 报区政府办：" + report.toText());
        for (PortalConfig p : w.portalRunner().portals()) {
            out.println("   " + p.name() + "（" + p.id() + "）：" + w.portalRunner().describe(p));
        }
        w.officeMailbox().ifPresent(mailbox -> {
            List<ReceivedMail> mails = mailbox.received();
            out.println("   区政府办邮箱（沙箱）收到 " + mails.size() + " 封：");
            mails.forEach(m -> out.println("   - " + m.subject() + "（附件 " + m.attachments().size() + " 个）"));
        });
        return report;
    }

    private static void printCounts(Wiring w, PrintWriter out) throws Exception {
        int year = w.clock().instant().atZone(w.config().timezone()).getYear();
        out.println("6. 本年统计（公众号）：");
        CountsCommand.print(w.counter().count(year, CountBy.CATEGORY), "table", out);
        out.println("   本年统计（报区政府办）：");
        PortalCounts.print(w.portalCounter().count(year, null), "全部报送单位", "table", out);
    }
}

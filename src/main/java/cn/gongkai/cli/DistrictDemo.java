package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.config.UnitConfig;
import cn.gongkai.inspect.DistrictOverview;
import cn.gongkai.intake.ImportResult;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.Role;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gongkai demo --district}: one instance for a district, in a temporary folder with the built-in simulator —
 * two bureaus (红旗区商务局 and 红旗区教育局, each with its own account, people and review chain) and the district
 * office (区政府办). Each bureau imports, reviews and publishes its own items; the counts are printed per unit and for
 * the district; the office inspects every account and prints its 全区 view. The people's passwords are random: the
 * demo is for reading its output and the files it leaves, not for logging in.
 */
final class DistrictDemo {
    /** The district's configuration: three accounts, three units, no real portal. */
    private static final String CONFIG = """
            accounts:
              - {id: hongqi, name: 红旗商务, app-id: wx0000000000000000}
              - {id: jiaoyu, name: 红旗教育, app-id: wx0000000000000002}
              - {id: zhengwu, name: 红旗政务, app-id: wx0000000000000003}
            portals:
              - {id: sw-qzfb, name: 红旗区人民政府办公室, delivery: internal, internal: {unit: qzfb},
                 unit: 红旗区商务局}
              - {id: jy-qzfb, name: 红旗区人民政府办公室, delivery: internal, internal: {unit: qzfb},
                 unit: 红旗区教育局}
            categories: [招商引资, 外资外贸, 商贸流通, 促消费, 教育教学, 政务动态, 其他]
            units:
              - {id: shangwu, name: 红旗区商务局, accounts: [hongqi], portals: [sw-qzfb],
                 categories: [招商引资, 外资外贸, 商贸流通, 促消费, 其他]}
              - {id: jiaoyu, name: 红旗区教育局, accounts: [jiaoyu], portals: [jy-qzfb], categories: [教育教学, 其他]}
              - {id: qzfb, name: 红旗区人民政府办公室, accounts: [zhengwu], categories: [政务动态, 其他]}
            """;
    /** Two items of 红旗区教育局, written here (the bundled samples are the commerce bureau's). */
    private static final Map<String, String> EDUCATION = Map.of("jy-01-kaixue.md", """
            ---
            title: 红旗区中小学秋季学期平稳开学
            category: 教育教学
            account: jiaoyu
            author: 红旗区教育局
            department: 基础教育股
            ---
            9月1日，红旗区42所中小学、5.6万名学生平稳有序开学。区教育局提前完成校舍安全排查和教师配备。
            """, "jy-02-yuedu.md", """
            ---
            title: 红旗区启动“书香校园”全民阅读活动
            category: 教育教学
            account: jiaoyu
            author: 红旗区教育局
            department: 德育体卫艺股
            ---
            红旗区“书香校园”阅读活动启动，全区中小学将开展读书分享、亲子共读等活动，持续到12月底。
            """);

    /** A unit's people: its drafter and one reviewer for each role of its chain. */
    private record People(String drafter, Map<String, String> reviewers) {
    }

    private static final Map<String, People> PEOPLE = Map.of(
            "shangwu", new People("刘科员", Map.of("dept-leader", "张科长", "office-director", "李主任",
                    "office-leader", "王副局长", "principal-leader", "赵局长")),
            "jiaoyu", new People("陈老师", Map.of("dept-leader", "孙科长", "office-director", "周主任",
                    "office-leader", "郑副局长", "principal-leader", "吴局长")));

    private DistrictDemo() {
    }

    static int run(Context ctx, Path base, Path samples, PrintWriter out) throws Exception {
        Path config = base.resolve("gongkai.yml");
        Files.writeString(config, CONFIG, StandardCharsets.UTF_8);
        Map<String, String> env = new java.util.HashMap<>(Map.of("GONGKAI_DATA_DIR", base.toString(),
                "GONGKAI_DATABASE_URL", "jdbc:h2:file:" + base.toAbsolutePath().resolve("gongkai"),
                "GONGKAI_SANDBOX", "on", "GONGKAI_TEMPLATES_DIR", base.resolve("templates").toString()));
        GongkaiConfig loaded = ctx.config(config, env);
        long started = System.nanoTime();
        try (Wiring w = ctx.wire(loaded, new PollPolicy(20, Duration.ofMillis(100)))) {
            out.println("演示目录：" + base.toAbsolutePath() + "（一个区：" + loaded.units().size() + " 个单位，配置见 "
                    + config.getFileName() + "）");
            out.println("微信模拟器：" + w.simulator().baseUrl());
            addPeople(w, out);
            Map<String, List<Long>> items = new LinkedHashMap<>();
            items.put("shangwu", importAs(w, "刘科员", bundled(samples), out, "红旗区商务局"));
            items.put("jiaoyu", importAs(w, "陈老师", education(base), out, "红旗区教育局"));
            items.forEach((unit, ids) -> approve(w, unit, ids, out));
            int published = DemoCommand.publishAll(w, out);
            deliverAndAdopt(w, out);
            w.inspector().run(java.util.Optional.empty());
            printCounts(w, out);
            printDistrict(w, out);
            out.printf("演示完成，用时 %.1f 秒。用 gongkai serve --config %s 启动（同样的环境变量），"
                    + "以区政府办巡查员登录后在“全区”页查看。%n", (System.nanoTime() - started) / 1e9, config);
            int total = items.values().stream().mapToInt(List::size).sum();
            return published == total ? ExitCodes.OK : ExitCodes.WECHAT;
        }
    }

    private static void addPeople(Wiring w, PrintWriter out) {
        char[] password = java.util.UUID.randomUUID().toString().toCharArray();
        PEOPLE.forEach((unit, people) -> {
            w.users().add(people.drafter(), Role.DRAFTER, unit, password);
            people.reviewers().forEach((role, name) -> w.users().add(name, Role.parse(role), unit, password));
        });
        w.users().add("钱巡查", Role.DISTRICT_INSPECTOR, null, password);
        w.users().add("冯主任", Role.OFFICE_DIRECTOR, "qzfb", password);
        out.println("0. 添加演示用户（随机密码）：商务局 刘科员（起草人）及张科长、李主任、王副局长、赵局长；"
                + "教育局 陈老师（起草人）及孙科长、周主任、郑副局长、吴局长；区政府办 钱巡查（巡查员）、冯主任（区政府办公室的办公室主任，处理报送）");
    }

    private static List<Path> bundled(Path samples) throws IOException {
        try (var s = Files.list(samples)) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    private static List<Path> education(Path base) throws IOException {
        Path dir = Files.createDirectories(base.resolve("samples-jiaoyu"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(EDUCATION).entrySet()) {
            files.add(Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8));
        }
        return files;
    }

    private static List<Long> importAs(Wiring w, String drafter, List<Path> files, PrintWriter out, String unit) {
        ImportResult imported = w.importer().importFiles(files, drafter, "演示");
        if (!imported.ok()) {
            imported.problems().forEach(p -> out.println("  " + p));
            throw new IllegalStateException("district demo items did not import: " + imported.problems());
        }
        out.println("1. " + unit + "导入稿件 " + imported.newIds().size() + " 篇（提交人：" + drafter + "）");
        return imported.newIds();
    }

    /** Each item through its own unit's chain, approved by that unit's people. */
    private static void approve(Wiring w, String unit, List<Long> ids, PrintWriter out) {
        ReviewService review = w.review();
        Map<String, String> reviewers = PEOPLE.get(unit).reviewers();
        List<String> steps = new ArrayList<>();
        for (long id : ids) {
            DisclosureItem item = w.items().find(id).orElseThrow();
            while (item.status() == ItemStatus.IN_REVIEW) {
                String role = review.waitingFor(item).orElseThrow();
                String name = reviewers.getOrDefault(role, role);
                if (!steps.contains(ReviewService.roleLabel(role) + name)) {
                    steps.add(ReviewService.roleLabel(role) + name);
                }
                item = review.approve(id, name, item.contentHash(), "同意");
            }
        }
        out.println("2. " + w.config().unit(unit).map(UnitConfig::name).orElse(unit) + "逐级审核通过："
                + String.join(" → ", steps));
    }

    /** 报送 inside the district: the bureaus' items reach the office's inbox; the office adopts the first of each. */
    private static void deliverAndAdopt(Wiring w, PrintWriter out) {
        cn.gongkai.portal.DeliveryReport report = w.portalRunner().run();
        List<cn.gongkai.portal.InternalInbox.Incoming> inbox = w.internalInbox().list("qzfb");
        out.println("5. 区内报送：" + report.toText() + "；红旗区人民政府办公室的报送收件箱有 " + inbox.size() + " 篇");
        Map<String, cn.gongkai.portal.InternalInbox.Incoming> firstOfEach = new LinkedHashMap<>();
        inbox.forEach(in -> firstOfEach.putIfAbsent(in.sendingUnitId(), in));
        for (cn.gongkai.portal.InternalInbox.Incoming in : firstOfEach.values()) {
            DisclosureItem adopted = w.internalAdoption().adopt("qzfb", in.delivery().portalId(),
                    in.delivery().itemId(), "冯主任");
            out.println("   冯主任采用了" + in.sendingUnitName() + "的《" + in.delivery().title() + "》，在区政府办公室生成稿件 "
                    + adopted.id() + "（草稿），计入" + in.sendingUnitName() + "的采用数");
        }
    }

    private static void printCounts(Wiring w, PrintWriter out) throws Exception {
        int year = w.clock().instant().atZone(w.config().timezone()).getYear();
        for (UnitConfig u : w.config().units()) {
            out.println("6. 本年统计（" + u.name() + "）：");
            cn.gongkai.report.Counter counter = w.counter(u.id());
            CountsCommand.print(counter.count(year, cn.gongkai.report.CountBy.CATEGORY), "table", out);
            if (!u.portals().isEmpty()) {
                var portal = counter.portals().orElseThrow().count(year, null);
                out.println("   报区政府办：报送 " + portal.total().articles() + " 条，被采用 " + portal.total().adopted() + " 条");
            }
        }
        out.println("   全区：");
        CountsCommand.print(w.counter().count(year, cn.gongkai.report.CountBy.ACCOUNT), "table", out);
    }

    /** What the office's 全区 page shows, as a table. */
    private static void printDistrict(Wiring w, PrintWriter out) {
        int year = w.clock().instant().atZone(w.config().timezone()).getYear();
        DistrictOverview.View v = w.districtOverview().year(year);
        out.println("7. 区政府办“全区”页（" + year + " 年）：");
        Table units = new Table("单位", "本年发布", "审核中", "待发布", "超期未公开", "发布失败", "不合格公众号", "巡查问题");
        List<DistrictOverview.UnitYear> lines = new ArrayList<>(v.units());
        lines.add(v.district());
        for (DistrictOverview.UnitYear u : lines) {
            units.row(u.name(), u.published(), u.inReview(), u.approved(), u.overdue(), u.failed(), u.idleFailing(),
                    u.findings());
        }
        units.print(out);
        Table accounts = new Table("公众号", "最近更新", "未更新天数", "今日接口调用", "巡查问题");
        for (DistrictOverview.AccountLine a : v.district().accounts()) {
            accounts.row(a.name(), a.lastUpdate().map(t -> t.atZone(w.config().timezone()).toLocalDate().toString())
                    .orElse("无"), a.idle().text(), a.callsToday(), a.failingFindings());
        }
        accounts.print(out);
    }
}

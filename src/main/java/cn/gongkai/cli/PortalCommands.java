package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.config.PortalConfig;
import cn.gongkai.portal.DeliveryReport;
import cn.gongkai.portal.DeliveryState;
import cn.gongkai.portal.PortalDelivery;
import cn.gongkai.portal.PortalRunner;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gongkai portal run|status|adopted|not-adopted|resend}: the 报区政府办 channel. */
@Command(name = "portal", mixinStandardHelpOptions = true,
        description = "报区政府办：报送到期稿件、查看报送记录、登记是否采用、失败后重新报送",
        subcommands = {PortalCommands.Run.class, PortalCommands.Status.class, PortalDecisionCommands.Adopted.class,
                PortalDecisionCommands.NotAdopted.class, PortalDecisionCommands.Resend.class})
final class PortalCommands extends CommandGroup {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A time for staff in the configured zone, or "—". */
    static String time(Instant at, ZoneId zone) {
        return at == null ? "—" : MINUTE.format(at.atZone(zone));
    }

    /** The rows in a table: item, title, portal, state, sent, attempts, and the link, reason or reference. */
    static void print(List<PortalDelivery> rows, ZoneId zone, PrintWriter out) {
        Table t = new Table("稿件", "标题", "报送单位", "状态", "报送时间", "次数", "说明");
        for (PortalDelivery d : rows) {
            t.row(d.itemId(), d.title(), d.portalId(), d.state().label(), time(d.sentAt(), zone), d.attempts(),
                    note(d, zone));
        }
        t.print(out);
    }

    /**
     * The newest rows of the unit's portals (or of {@code portal} only), newest prepared first, at most
     * {@code limit}: deliveries are scoped by the portal ids the configuration gives the unit.
     */
    static List<PortalDelivery> recent(Wiring w, UnitOption unit, String portal, int limit) {
        if (unit.scope(w).isDistrict()) {
            return w.portalDeliveries().recent(portal, limit);
        }
        List<String> ids = portal != null ? List.of(unit.portal(w, portal))
                : unit.portals(w).stream().map(PortalConfig::id).toList();
        return ids.stream().flatMap(id -> w.portalDeliveries().recent(id, limit).stream())
                .sorted(Comparator.comparing(PortalDelivery::preparedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(limit).toList();
    }

    private static String note(PortalDelivery d, ZoneId zone) {
        return switch (d.state()) {
            case ADOPTED -> d.adoptedUrl() + "（" + (d.recordedBy().equals("portal") ? "接口返回" : d.recordedBy()
                    + " 登记") + "）";
            case NOT_ADOPTED -> d.recordedBy() + " 登记";
            case FAILED -> d.failure() + (d.nextAttemptAt() == null ? "" : "（下次尝试 " + time(d.nextAttemptAt(), zone)
                    + "）");
            case PREPARED -> "编号 " + d.identity().messageId();
            case SENT -> d.reference();
        };
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "把现在到期的已审定稿件报送给各报送单位（与定时任务同一流程；重复运行不会重复报送）")
    static final class Run extends CliCommand {
        @Mixin
        UnitOption unit;

        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                PrintWriter out = out();
                PortalRunner runner = unit.scope(w).isDistrict() ? w.portalRunner()
                        : w.portalRunner(unit.portals(w));
                if (!runner.hasPortals()) {
                    out.println("没有配置报送单位（portals），不报送。配置方法见 docs/portal.md");
                    return ExitCodes.OK;
                }
                DeliveryReport report = runner.run();
                out.println("报区政府办：" + report.toText());
                List<PortalDelivery> failed = recent(w, unit, null, 200).stream()
                        .filter(d -> d.state() == DeliveryState.FAILED).toList();
                if (!failed.isEmpty()) {
                    print(failed, w.config().timezone(), out);
                }
                return report.failed() > 0 ? ExitCodes.USER : ExitCodes.OK;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "最近的报送记录及其状态")
    static final class Status extends CliCommand {
        @Option(names = "--portal", paramLabel = "P", description = "只看该报送单位（默认全部）")
        String portal;

        @Option(names = "--limit", defaultValue = "30", description = "最多列出多少条（默认 ${DEFAULT-VALUE}）")
        int limit;

        @Mixin
        UnitOption unit;

        @Override
        public Integer call() {
            try (Wiring w = wire()) {
                PrintWriter out = out();
                if (portal != null) {
                    unit.portal(w, portal);
                }
                unit.portals(w).stream().filter(p -> portal == null || p.id().equals(portal)).forEach(p ->
                        out.println(p.id() + "：" + p.name() + "，" + w.portalRunner().describe(p)
                                + (p.categories().isEmpty() ? "，所有分类" : "，分类：" + String.join("、", p.categories()))));
                if (unit.portals(w).isEmpty()) {
                    out.println("没有配置报送单位（portals）。");
                }
                List<PortalDelivery> rows = recent(w, unit, portal, limit);
                if (rows.isEmpty()) {
                    out.println("还没有报送记录。");
                } else {
                    print(rows, w.config().timezone(), out);
                }
                return ExitCodes.OK;
            }
        }
    }
}

package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.review.AuditAction;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.ReviewService;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gongkai item show ID}: the item, where it is in review, and its whole audit history. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "显示稿件内容、审核进度和全部审核记录（谁、角色、时间、决定、意见、内容指纹、检查结果）")
final class ItemShow extends CliCommand {
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Parameters(index = "0", paramLabel = "ID", description = "稿件编号")
    long id;

    @Mixin
    UnitOption unit;

    @Override
    public Integer call() {
        try (Wiring w = wire()) {
            // first: the review part reads the holiday table and word list while the database is still opening
            ReviewService review = w.review();
            DisclosureItem item = unit.item(w, id);
            ZoneId zone = w.config().timezone();
            PrintWriter out = out();
            printHeader(item, review, zone, out);
            printImagesAndBody(item.content(), out);
            List<AuditEntry> history = w.audit().history(id);
            printHistory(history, zone, out);
            printChecks(history, zone, out);
            return ExitCodes.OK;
        }
    }

    /** Title, status, review chain, metadata, due date and content hash. */
    private static void printHeader(DisclosureItem item, ReviewService review, ZoneId zone, PrintWriter out) {
        ItemContent c = item.content();
        out.println("稿件 " + item.id() + "：" + c.title());
        out.println("状态：" + item.status().label() + review.waitingFor(item)
                .map(r -> "，等待" + ReviewService.roleLabel(r) + "（" + r + "）审核").orElse("")
                + (item.failure().isEmpty() ? "" : "，原因：" + item.failure()));
        List<String> steps = review.steps(item);
        out.println("审核链：" + (steps.isEmpty() ? "无（已在 OA 中审批）"
                : String.join(" → ", steps.stream().map(ReviewService::roleLabel).toList()))
                + (c.important() ? "（重要稿件）" : ""));
        out.println("分类：" + c.category() + "    公众号：" + c.account() + "    作者：" + c.author()
                + "    部门：" + c.department());
        if (!c.docNo().isEmpty()) {
            out.println("文号：" + c.docNo());
        }
        if (c.signed()) {
            out.println("落款：" + c.signature() + (c.signedAt() == null ? "" : (c.signature().isEmpty() ? "" : " ")
                    + c.signedAt()));
        }
        out.println("计划发布：" + (c.publishAt() == null ? "下一发布时段"
                : MINUTE.format(c.publishAt().atZone(zone))));
        java.time.LocalDate due = review.dueDate(item);
        out.println("公开时限：" + due + (review.overdue(item) ? "（已超期）" : "") + "（创建后 "
                + review.policy().dueWorkingDays() + " 个工作日，" + review.policy().calendar().countingNote(
                item.createdAt().atZone(review.policy().zone()).toLocalDate(), due) + "）");
        out.println("创建：" + SECOND.format(item.createdAt().atZone(zone)) + "    修改："
                + SECOND.format(item.updatedAt().atZone(zone)));
        out.println("内容指纹：" + item.contentHash());
    }

    private static void printImagesAndBody(ItemContent c, PrintWriter out) {
        for (ItemImage i : c.images()) {
            out.println("图片：" + i.fileName() + "（" + i.width() + "×" + i.height() + "，" + i.size() / 1024
                    + " KB）" + (i.alt().isEmpty() ? "" : " " + i.alt()));
        }
        if (c.cover() != null) {
            out.println("封面：" + c.cover().fileName());
        }
        out.println();
        out.println(c.body());
        out.println();
    }

    private static void printHistory(List<AuditEntry> history, ZoneId zone, PrintWriter out) {
        out.println("审核记录：");
        Table t = new Table("时间", "操作人", "角色", "决定", "状态", "意见", "内容指纹");
        for (AuditEntry e : history) {
            t.row(SECOND.format(e.at().atZone(zone)), AuditEntry.actorLabel(e.actor()),
                    e.role().isEmpty() ? "-" : ReviewService.roleLabel(e.role()), AuditAction.labelOf(e.decision()),
                    (e.fromStatus() == null || e.fromStatus().isEmpty() ? "" : e.fromStatus() + "→")
                            + e.toStatus(), e.comment().isEmpty() ? "-" : e.comment().replace('\n', ' '),
                    e.contentHash() == null ? "-" : e.contentHash().substring(0, 12));
        }
        t.print(out);
    }

    private static void printChecks(List<AuditEntry> history, ZoneId zone, PrintWriter out) {
        for (AuditEntry e : history) {
            if (!e.checks().isEmpty()) {
                out.println();
                out.println("检查结果（" + SECOND.format(e.at().atZone(zone)) + "，" + AuditAction.labelOf(e.decision()) + "）：");
                e.checks().lines().forEach(l -> out.println("  " + l));
            }
        }
    }
}

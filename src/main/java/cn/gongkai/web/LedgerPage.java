package cn.gongkai.web;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerRepository;
import cn.gongkai.publish.LedgerSource;
import cn.gongkai.publish.WeChatException;
import cn.gongkai.publish.WeChatGateway;
import cn.gongkai.report.Counter;
import cn.gongkai.report.HistoryImport;
import cn.gongkai.report.HistoryTemplate;
import cn.gongkai.report.Reconciler;
import cn.gongkai.report.ReportBuilder;
import cn.gongkai.review.Role;
import cn.gongkai.review.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 台账 card of the 统计 page: staff keep the ledger behind the yearly counts without the command line — import
 * the history published before gongkai ({@code POST /stats/ledger/import}, a .csv or .xlsx upload, from the .xlsx
 * template {@code GET /ledger/import-template.xlsx} with Chinese headers), reconcile the
 * year with WeChat's published list ({@code POST /stats/ledger/reconcile}), and put the 外部发布 and imported rows
 * into a category ({@code POST /stats/ledger/{id}/category}). The office director and the office's leader may do
 * this, as they answer for the annual report.
 */
final class LedgerPage {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerPage.class);
    static final Role[] KEEPERS = {Role.OFFICE_DIRECTOR, Role.OFFICE_LEADER};
    /** A ledger file of ten thousand rows is well under this; a bigger upload is surely the wrong file. */
    static final long MAX_UPLOAD_BYTES = 5L * 1024 * 1024;
    /** How many lines of an import's or a reconcile's outcome the message shows. */
    static final int MAX_LINES = 40;
    /** How many rows a page of the card lists (the exports have them all). */
    static final int ROWS_PER_PAGE = 50;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int RECONCILE_PAGES = 20;

    /** What the 台账 card reads and changes. */
    record Uses(LedgerRepository ledger, Counter counter, WeChatGateway gateway, Site site) {
    }

    private final Uses s;
    private final StatsPage stats;

    LedgerPage(Uses services, StatsPage stats) {
        this.s = services;
        this.stats = stats;
    }

    void register(RoutesConfig routes) {
        routes.get("/ledger/import-template.xlsx", this::template);
        routes.post("/stats/ledger/import", this::importFile);
        routes.post("/stats/ledger/reconcile", this::reconcile);
        routes.post("/stats/ledger/{id}/category", this::categorise);
    }

    /**
     * What the 台账 card of {@code stats.ftlh} shows for the year: a page of the 外部发布 and imported rows
     * ({@link #ROWS_PER_PAGE}, pending ones first; {@code page} from 1, {@code first} the number of its first row),
     * how many there are and how many wait for a category, the categories, whether the user may keep the ledger and
     * whether any account can be reconciled, and the limits.
     */
    public record Card(List<Row> rows, int total, long pending, int page, int first, List<String> categories,
                       boolean canKeep, boolean reconcilable, long maxUploadMb, int reconcilePages) {
        /** The card's first page. */
        public Card(List<Row> rows, int total, long pending, List<String> categories, boolean canKeep,
                    boolean reconcilable, long maxUploadMb, int reconcilePages) {
            this(rows, total, pending, 1, 1, categories, canKeep, reconcilable, maxUploadMb, reconcilePages);
        }
    }

    /** A ledger row; {@code category} empty while it waits for one, {@code url} empty when unknown. */
    public record Row(long id, String at, String source, String account, String title, String url, String category,
                      boolean pending, boolean deleted) {
    }

    /**
     * What the card shows for the year: the page ({@code ledgerPage}) of the rows staff may categorise, pending
     * 外部发布 rows first, read and counted by the database.
     */
    Card card(Context ctx, int year) {
        Instant from = s.counter().startOf(year);
        Instant to = s.counter().startOf(year + 1);
        String p = ctx.queryParam("ledgerPage");
        int page = p != null && p.strip().matches("[1-9]\\d{0,5}") ? Integer.parseInt(p.strip()) : 1;
        LedgerRepository.KeptPage kept = s.ledger().keptPage(from, to, ReportBuilder.EXTERNAL, ROWS_PER_PAGE,
                (page - 1) * ROWS_PER_PAGE, stats.scope(ctx));
        List<Row> shown = kept.rows().stream().map(e -> new Row(e.id(),
                MINUTE.format(e.publishedAt().atZone(s.site().config().timezone())), e.source().label(),
                s.site().accountName(e.account()), e.title(), e.url() == null ? "" : e.url(),
                pending(e) ? "" : e.category(), pending(e), e.deletedAt() != null)).toList();
        return new Card(shown, kept.total(), kept.pending(), page, (page - 1) * ROWS_PER_PAGE + 1,
                s.site().config().categories(), ConsoleAccess.holds(ConsoleAccess.user(ctx), KEEPERS),
                !freepublishAccounts(ctx).isEmpty(), MAX_UPLOAD_BYTES / 1024 / 1024, RECONCILE_PAGES);
    }

    private static boolean pending(LedgerEntry e) {
        return e.category() == null || e.category().isBlank() || e.category().equals(ReportBuilder.EXTERNAL);
    }

    /** The accounts of the user's unit that publish with freepublish (those WeChat's published list can check). */
    private List<String> freepublishAccounts(Context ctx) {
        return accounts(ctx).stream().filter(AccountConfig::freepublishes).map(AccountConfig::id).toList();
    }

    /** The accounts whose ledger the user keeps: the unit's. */
    private List<AccountConfig> accounts(Context ctx) {
        return s.site().accounts(stats.scope(ctx));
    }

    private int postedYear(Context ctx) {
        String y = ctx.formParam("year");
        return y != null && y.strip().matches("\\d{4}") ? Integer.parseInt(y.strip()) : stats.year(ctx);
    }

    /** The .xlsx to fill in for an import, made of the configured categories and accounts. */
    private void template(Context ctx) {
        ConsoleAccess.user(ctx);
        byte[] xlsx = new HistoryTemplate(s.site().config().categories(),
                accounts(ctx).stream().map(AccountConfig::id).toList()).xlsx();
        StatsPage.download(ctx, xlsx, "历史发布记录模板.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private void importFile(Context ctx) {
        User me = ConsoleAccess.requireRole(ctx, "导入历史发布记录", KEEPERS);
        int year = postedYear(ctx);
        UploadedFile file = ctx.uploadedFile("file");
        String name = file == null ? "" : fileName(file.filename());
        String lower = name.toLowerCase(Locale.ROOT);
        if (file == null || name.isEmpty()) {
            done(ctx, year, List.of("请选择要导入的 .csv 或 .xlsx 文件。"), true);
            return;
        }
        if (!lower.endsWith(".csv") && !lower.endsWith(".xlsx")) {
            done(ctx, year, List.of("“" + name + "”不是 .csv 或 .xlsx 文件；.xls 请在 Excel 中另存为 .xlsx 后再导入。"), true);
            return;
        }
        if (file.size() > MAX_UPLOAD_BYTES) {
            done(ctx, year, List.of("“" + name + "”有 " + (file.size() + 1024 * 1024 - 1) / 1024 / 1024
                    + " MB，超过 " + MAX_UPLOAD_BYTES / 1024 / 1024 + " MB 的上限；请确认是否选错了文件，或分成几个文件导入。"), true);
            return;
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded ledger file " + name, e);
        }
        HistoryImport.Result r = new HistoryImport(s.ledger(), s.site().config().timezone(), s.site().config().categories(),
                accounts(ctx).stream().map(AccountConfig::id).toList()).importUpload(name, bytes);
        if (!r.ok()) {
            LOG.info("{} tried to import {} into the ledger: refused with {} problems", me.name(), name,
                    r.problems().size());
            done(ctx, year, r.problems(), true);
            return;
        }
        LOG.info("{} imported {} into the ledger: {} added, {} imported before, {} already there", me.name(), name,
                r.added(), r.alreadyThere(), r.skipped().size());
        done(ctx, year, r.lines(), false);
    }

    private void reconcile(Context ctx) {
        User me = ConsoleAccess.requireRole(ctx, "与微信核对", KEEPERS);
        int year = postedYear(ctx);
        List<String> accounts = freepublishAccounts(ctx);
        if (accounts.isEmpty()) {
            done(ctx, year, List.of("没有以“发布”方式（不推送通知）发文的公众号；群发消息不在微信的已发布列表中，无法核对。"), true);
            return;
        }
        Reconciler.Result r;
        try {
            r = new Reconciler(s.ledger(), s.counter(), s.gateway()::listPublished, s.site().clock(), RECONCILE_PAGES)
                    .reconcile(year, accounts);
        } catch (WeChatException e) {
            LOG.warn("{} reconciled {} with WeChat: {}", me.name(), year, e.getMessage());
            done(ctx, year, List.of("核对未完成，台账未改动：" + e.staffMessage()), true);
            return;
        }
        LOG.info("{} reconciled {} with WeChat: {} matched, {} external added, {} newly deleted, {} only in ledger",
                me.name(), year, r.matched(), r.added().size(), r.newlyDeleted().size(), r.onlyInLedger().size());
        done(ctx, year, r.lines(year, s.site().config().timezone(), "请在下方列表中选择分类",
                "请用命令 gongkai ledger reconcile --year " + year + " --max-pages N 读完"), false);
    }

    private void categorise(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("没有编号为 " + ctx.pathParam("id") + " 的台账记录");
        }
        // another unit's row is not found, whatever the role: looked up before the role is checked
        LedgerEntry e = s.ledger().find(id, stats.scope(ctx))
                .orElseThrow(() -> new NotFound("没有编号为 " + id + " 的台账记录"));
        User me = ConsoleAccess.requireRole(ctx, "给台账记录归类", KEEPERS);
        int year = postedYear(ctx);
        String category = ctx.formParam("category") == null ? "" : ctx.formParam("category").strip();
        if (e.source() == LedgerSource.GONGKAI) {
            done(ctx, year, List.of("“" + e.title() + "”是本系统发布的稿件，分类随稿件，不能在台账中修改。"), true);
            return;
        }
        if (category.isEmpty()) {
            done(ctx, year, List.of("请为“" + e.title() + "”选择一个分类。"), true);
            return;
        }
        if (!s.site().config().categories().contains(category)) {
            done(ctx, year, List.of("分类“" + category + "”不在配置中（" + String.join("、", s.site().config().categories())
                    + "）。"), true);
            return;
        }
        s.ledger().categorise(id, category);
        LOG.info("{} put ledger row {} into category {}", me.name(), id, category);
        done(ctx, year, List.of("“" + e.title() + "”已归入“" + category + "”。"), false);
    }

    /** Back to the year's 统计 page with the outcome, cut to {@link #MAX_LINES} lines. */
    private static void done(Context ctx, int year, List<String> lines, boolean error) {
        List<String> shown = new ArrayList<>(lines.subList(0, Math.min(lines.size(), MAX_LINES)));
        if (lines.size() > MAX_LINES) {
            shown.add("……另有 " + (lines.size() - MAX_LINES) + " 行未显示。");
        }
        ConsoleAccess.flash(ctx, String.join("\n", shown), error);
        ctx.redirect("/stats?year=" + year + "#ledger");
    }

    /** The upload's own name, as messages show it: no folder part, no control characters, at most 120 characters. */
    static String fileName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        return name.length() > 120 ? name.substring(name.length() - 120) : name;
    }
}

package cn.gongkai.web;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemQuery;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.Watchdog;
import cn.gongkai.render.RenderException;
import cn.gongkai.render.RenderedArticle;
import cn.gongkai.review.AuditAction;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.ChecksFailedException;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.ReviewText;
import cn.gongkai.review.Role;
import cn.gongkai.review.User;
import cn.gongkai.review.checks.CheckReport;
import cn.gongkai.review.checks.Finding;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 待办 ({@code /}), 稿件 ({@code /items}), 审核 ({@code /review}) and one item ({@code /items/{id}}: the WeChat
 * preview, check results, the review steps, the diff against the last approved version, approve / reject, submit,
 * requeue and the audit history), and the item images ({@code /images/{sha256}}).
 */
final class ItemPages {
    static final String CHANNEL = "控制台";
    private static final Set<ItemStatus> EDITABLE = Set.of(ItemStatus.DRAFT, ItemStatus.IN_REVIEW,
            ItemStatus.REJECTED, ItemStatus.APPROVED, ItemStatus.FAILED);
    /** Roles that may publish now and requeue failed items. */
    static final Role[] PUBLISHERS = {Role.OFFICE_DIRECTOR, Role.OFFICE_LEADER};

    private final Console.Services s;
    private final Views views;

    ItemPages(Console.Services services, Views views) {
        this.s = services;
        this.views = views;
    }

    void register(RoutesConfig routes) {
        routes.get("/", this::todo);
        routes.get("/items", this::list);
        routes.get("/review", this::reviewList);
        routes.get("/items/{id}", this::detail);
        routes.post("/items/{id}/approve", this::approve);
        routes.post("/items/{id}/reject", this::reject);
        routes.post("/items/{id}/submit", this::submit);
        routes.post("/items/{id}/requeue", this::requeue);
        routes.get("/images/{sha}", this::image);
    }

    static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("稿件编号应为数字：" + ctx.pathParam("id"));
        }
    }

    DisclosureItem load(long id) {
        return s.items().find(id).orElseThrow(() -> new NotFound("稿件 " + id + " 不存在"));
    }

    /** What lists show of an item. */
    Map<String, Object> summary(DisclosureItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("title", i.title());
        m.put("category", i.content().category());
        m.put("account", s.accountName(i.content().account()));
        m.put("status", i.status().name());
        m.put("statusLabel", i.status().label());
        m.put("waitingFor", s.review().waitingFor(i).map(ReviewService::roleLabel).orElse(""));
        m.put("publishAt", views.time(i.content().publishAt()));
        m.put("updated", views.time(i.updatedAt()));
        m.put("created", views.time(i.createdAt()));
        m.put("due", s.review().dueDate(i).toString());
        m.put("overdue", s.review().overdue(i));
        m.put("important", i.content().important());
        m.put("failure", i.failure());
        return m;
    }

    private void todo(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        List<DisclosureItem> all = s.items().list(null);
        List<Map<String, Object>> reviews = new ArrayList<>();
        List<Map<String, Object>> mine = new ArrayList<>();
        Map<ItemStatus, Integer> counts = new EnumMap<>(ItemStatus.class);
        for (ItemStatus st : ItemStatus.values()) {
            counts.put(st, 0);
        }
        List<Map<String, Object>> failed = new ArrayList<>();
        for (DisclosureItem i : all) {
            counts.merge(i.status(), 1, Integer::sum);
            if (s.review().eligibility(me, i).allowed()) {
                reviews.add(summary(i));
            }
            if (s.review().authors(i).contains(me.name()) && (i.status() == ItemStatus.DRAFT || i.status() == ItemStatus.REJECTED
                    || i.status() == ItemStatus.IN_REVIEW || i.status() == ItemStatus.FAILED)) {
                mine.add(summary(i));
            }
            if (i.status() == ItemStatus.FAILED) {
                failed.add(summary(i));
            }
        }
        List<Map<String, Object>> statuses = new ArrayList<>();
        counts.forEach((st, n) -> statuses.add(Map.of("name", st.name(), "label", st.label(), "count", n)));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("active", "todo");
        model.put("reviews", reviews);
        model.put("mine", mine);
        model.put("failed", failed);
        model.put("statuses", statuses);
        model.put("warnings", warnings());
        model.put("missingRoles", missingRoles());
        model.put("isReviewer", s.review().chain().contains(me.role().id())
                || s.review().policy().importantChain().contains(me.role().id()));
        views.page(ctx, "todo.ftlh", model);
    }

    private List<String> warnings() {
        try {
            return s.watchdog().check().stream().map(Watchdog.Warning::message).toList();
        } catch (RuntimeException e) {
            return List.of("无法检查发布提醒：" + e.getMessage());
        }
    }

    /** Steps of the chain no user can take yet, so an administrator knows whom to add. */
    private List<String> missingRoles() {
        List<String> out = new ArrayList<>();
        for (String role : s.review().chain()) {
            boolean someone = s.users().list().stream().anyMatch(u -> u.role().id().equals(role));
            if (!someone) {
                out.add(ReviewService.roleLabel(role));
            }
        }
        return out;
    }

    private void list(Context ctx) {
        String status = blankToNull(ctx.queryParam("status"));
        String category = blankToNull(ctx.queryParam("category"));
        String month = blankToNull(ctx.queryParam("month"));
        String q = blankToNull(ctx.queryParam("q"));
        ItemStatus st = null;
        if (status != null) {
            try {
                st = ItemStatus.parse(status);
            } catch (IllegalArgumentException e) {
                st = null;
                status = null;
            }
        }
        YearMonth ym = null;
        if (month != null) {
            try {
                ym = YearMonth.parse(month);
            } catch (RuntimeException e) {
                month = null;
            }
        }
        ItemQuery query = ItemQuery.all().status(st).category(category).text(q).byNewestChange();
        if (ym != null) {
            query = query.within(ym.atDay(1).atStartOfDay(views.zone()).toInstant(),
                    ym.plusMonths(1).atDay(1).atStartOfDay(views.zone()).toInstant());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DisclosureItem i : s.items().search(query)) {
            rows.add(summary(i));
        }
        List<Map<String, String>> statuses = new ArrayList<>();
        for (ItemStatus x : ItemStatus.values()) {
            statuses.add(Map.of("name", x.name(), "label", x.label()));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("active", "items");
        model.put("items", rows);
        model.put("statuses", statuses);
        model.put("categories", s.config().categories());
        model.put("filter", Map.of("status", status == null ? "" : status, "category", category == null ? ""
                : category, "month", month == null ? "" : month, "q", q == null ? "" : q));
        views.page(ctx, "items.ftlh", model);
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private void reviewList(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DisclosureItem i : s.items().list(ItemStatus.IN_REVIEW)) {
            Map<String, Object> m = summary(i);
            m.put("mine", s.review().eligibility(me, i).allowed());
            m.put("step", (s.review().currentStep(i) + 1) + "/" + s.review().steps(i).size());
            rows.add(m);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("active", "review");
        model.put("items", rows);
        model.put("chain", s.review().chain().stream().map(ReviewService::roleLabel).toList());
        views.page(ctx, "review.ftlh", model);
    }

    private void detail(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        DisclosureItem item = load(id(ctx));
        ItemContent c = item.content();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("active", item.status() == ItemStatus.IN_REVIEW ? "review" : "items");
        model.put("item", summary(item));
        model.put("contentHash", item.contentHash());
        model.put("content", contentModel(c));
        model.put("preview", "");
        model.put("previewError", "");
        try {
            RenderedArticle a = s.renderer().render(c, s.accountName(c.account()), ItemPages::imageUrl);
            model.put("preview", a.html());
            model.put("digest", a.digest());
        } catch (RenderException e) {
            model.put("previewError", e.getMessage());
        }
        CheckReport report = s.review().queueChecks(c, item.createdAt().atZone(views.zone()).toLocalDate());
        model.put("findings", findings(report));
        List<AuditEntry> history = s.audit().history(item.id());
        model.put("steps", steps(item, history));
        model.put("history", history(history));
        model.putAll(diff(item, history));
        ReviewService.Eligibility eligibility = s.review().eligibility(me, item);
        model.put("canReview", eligibility.allowed());
        model.put("cannotReview", item.status() == ItemStatus.IN_REVIEW ? eligibility.reason() : "");
        model.put("canEdit", EDITABLE.contains(item.status()));
        model.put("canSubmit", item.status() == ItemStatus.DRAFT || item.status() == ItemStatus.REJECTED);
        model.put("canRequeue", item.status() == ItemStatus.FAILED && (me.role() == Role.ADMIN
                || List.of(PUBLISHERS).contains(me.role())));
        views.page(ctx, "item.ftlh", model);
    }

    static String imageUrl(ItemImage img) {
        return "/images/" + img.sha256();
    }

    private Map<String, Object> contentModel(ItemContent c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", c.title());
        m.put("category", c.category());
        m.put("author", c.author());
        m.put("department", c.department());
        m.put("docNo", c.docNo());
        m.put("sourceUrl", c.sourceUrl());
        m.put("publishAt", views.time(c.publishAt()));
        m.put("notes", c.notes().stream().map(n -> Map.of("term", n.term(), "explanation", n.explanation()))
                .toList());
        m.put("images", c.images().stream().map(i -> Map.of("name", i.fileName(), "url", imageUrl(i),
                "caption", i.caption())).toList());
        return m;
    }

    static List<Map<String, Object>> findings(CheckReport report) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Finding f : report.findings()) {
            out.add(Map.of("error", f.severity() == cn.gongkai.review.checks.Severity.ERROR, "label",
                    f.severity().label(), "where", where(f), "message", f.message()));
        }
        return out;
    }

    private static String where(Finding f) {
        String field = switch (f.field()) {
            case "title" -> "标题";
            case "author" -> "作者";
            case "body" -> "正文";
            case "doc_no" -> "文号";
            case "cover" -> "封面";
            case "images" -> "图片";
            case "source_url" -> "原文链接";
            case "digest" -> "摘要";
            case "publish_at" -> "计划发布时间";
            default -> f.field().startsWith("notes") ? "备注" : f.field();
        };
        return f.line() == 0 ? field : field + "第 " + f.line() + " 行";
    }

    /** The review steps with who approved each for the current text. */
    private List<Map<String, Object>> steps(DisclosureItem item, List<AuditEntry> history) {
        List<String> steps = s.review().steps(item);
        int current = s.review().currentStep(item);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int n = 0; n < steps.size(); n++) {
            String by = "";
            for (AuditEntry e : history) {
                if (AuditAction.APPROVE.is(e) && e.step() == n && e.contentHash().equals(item.contentHash())) {
                    by = e.actor() + " " + views.time(e.at());
                }
            }
            String state;
            if (item.status() == ItemStatus.APPROVED || item.status() == ItemStatus.PUBLISHING
                    || item.status() == ItemStatus.PUBLISHED || n < current) {
                state = "done";
            } else if (item.status() == ItemStatus.IN_REVIEW && n == current) {
                state = "current";
            } else {
                state = "todo";
            }
            out.add(Map.of("label", ReviewService.roleLabel(steps.get(n)), "state", state, "by", by));
        }
        return out;
    }

    private List<Map<String, Object>> history(List<AuditEntry> history) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AuditEntry e : history) {
            out.add(Map.of("at", views.time(e.at()), "actor", e.actor(), "role", e.role().isEmpty() ? ""
                            : ReviewService.roleLabel(e.role()), "decision", AuditAction.labelOf(e.decision()),
                    "comment", e.comment(), "hash", e.contentHash().length() > 8 ? e.contentHash().substring(0, 8)
                            : e.contentHash(), "checks", e.checks().equals("检查通过") ? "" : e.checks()));
        }
        return out;
    }


    /** The diff of the current text against the last approved version of an earlier text. */
    private Map<String, Object> diff(DisclosureItem item, List<AuditEntry> history) {
        String now = ReviewText.of(item.content(), views.zone());
        AuditEntry last = null;
        for (AuditEntry e : history) {
            if (AuditAction.APPROVE.is(e) && !e.contentHash().equals(item.contentHash())) {
                last = e;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reviewText", now);
        if (last == null) {
            m.put("diffNote", "这是第一次送审的版本，没有以前审定的版本可比较。");
            m.put("diff", List.of());
            return m;
        }
        var before = s.snapshots().find(item.id(), last.contentHash());
        if (before.isEmpty()) {
            m.put("diffNote", "上次审定的版本（" + views.time(last.at()) + "，" + last.actor() + "）的文字没有保存，无法比较。");
            m.put("diff", List.of());
            return m;
        }
        List<LineDiff.Line> lines = LineDiff.of(before.get(), now);
        m.put("diffNote", LineDiff.changed(lines) ? "与上次审定的版本（" + views.time(last.at()) + " " + last.actor()
                + " 同意）相比的改动：绿色为新增，红色为删除。" : "与上次审定的版本文字相同。");
        m.put("diff", lines.stream().map(l -> Map.of("kind", l.kindName(), "text", l.text())).toList());
        return m;
    }

    private void approve(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        long id = id(ctx);
        DisclosureItem after = s.review().approve(id, me.name(), seenHash(ctx), comment(ctx));
        ConsoleAccess.flash(ctx, after.status() == ItemStatus.APPROVED ? "已同意。稿件《" + after.title()
                + "》已审定，将在发布时段发布。" : "已同意。稿件《" + after.title() + "》转下一步："
                + s.review().waitingFor(after).map(ReviewService::roleLabel).orElse("") + "审核。", false);
        ctx.redirect("/");
    }

    private void reject(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        long id = id(ctx);
        String comment = comment(ctx);
        if (comment.isBlank()) {
            ConsoleAccess.flash(ctx, "退回时请在“审核意见”中写明原因。", true);
            ctx.redirect("/items/" + id);
            return;
        }
        DisclosureItem after = s.review().reject(id, me.name(), seenHash(ctx), comment);
        ConsoleAccess.flash(ctx, "已退回稿件《" + after.title() + "》，起草人会在待办中看到退回原因。", false);
        ctx.redirect("/");
    }

    private void submit(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        long id = id(ctx);
        try {
            DisclosureItem after = s.review().submit(id, me.name());
            ConsoleAccess.flash(ctx, after.status() == ItemStatus.APPROVED ? "已提交，审核链为空，稿件直接进入待发布。"
                    : "已提交审核，等待" + s.review().waitingFor(after).map(ReviewService::roleLabel).orElse("")
                    + "审核。", false);
        } catch (ChecksFailedException e) {
            StringBuilder sb = new StringBuilder("发布前检查发现 " + e.report().errors().size() + " 个错误，未提交：");
            for (Finding f : e.report().errors()) {
                sb.append(' ').append(where(f)).append('：').append(f.message()).append('；');
            }
            ConsoleAccess.flash(ctx, sb.toString(), true);
        }
        ctx.redirect("/items/" + id);
    }

    private void requeue(Context ctx) {
        User me = ConsoleAccess.requireRole(ctx, "重新排队", PUBLISHERS);
        long id = id(ctx);
        DisclosureItem after = s.publishActions().requeue(id, me.name(), comment(ctx));
        ConsoleAccess.flash(ctx, "稿件《" + after.title() + "》已重新排队，将在下一个发布时段发布。", false);
        ctx.redirect("/items/" + id);
    }

    /** The content hash the review form displayed (hidden field {@code contentHash}). */
    private static String seenHash(Context ctx) {
        String h = ctx.formParam("contentHash");
        return h == null ? "" : h.strip();
    }

    private static String comment(Context ctx) {
        String c = ctx.formParam("comment");
        return c == null ? "" : c.strip();
    }

    private void image(Context ctx) {
        String sha = ctx.pathParam("sha");
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new NotFound("图片编号有误");
        }
        byte[] bytes = s.images().get(sha).orElseThrow(() -> new NotFound("图片不存在"));
        ctx.contentType(ImageKinds.mimeOf(bytes)).result(bytes);
    }

    static LocalDate today(Console.Services s) {
        return s.clock().instant().atZone(s.config().timezone()).toLocalDate();
    }
}

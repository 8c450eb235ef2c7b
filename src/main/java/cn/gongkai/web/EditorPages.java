package cn.gongkai.web;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.intake.ImportPreview;
import cn.gongkai.intake.ImportProblem;
import cn.gongkai.intake.ImportResult;
import cn.gongkai.intake.ItemImporter;
import cn.gongkai.item.ContentHash;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ImageStore;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Note;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.render.ImageDecoding;
import cn.gongkai.render.RenderException;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.AuditLog;
import cn.gongkai.review.ChecksFailedException;
import cn.gongkai.review.EditorDrafts;
import cn.gongkai.review.FormTokens;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.Role;
import cn.gongkai.review.User;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * 编辑: create or edit an item in Markdown ({@code /items/new}, {@code /items/{id}/edit}) with a live preview of the
 * WeChat rendering ({@code POST /preview} calls the real renderer and the pre-publish checks), images uploaded by
 * drag-and-drop ({@code POST /uploads}, stored by SHA-256) and a notes editor.
 */
final class EditorPages {
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final String RESUBMITTED = "这份表单已经提交过，稿件已保存，未重复创建";
    private static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp",
            "image/webp", "image/tiff", "image/heic");

    /**
     * What the editor reads and runs; {@code slots} is the publisher's schedule (an account's cron and a time → the
     * next slot after it).
     */
    record Uses(ItemRepository items, ImageStore images, ItemImporter importer, ReviewService review,
               ArticleRenderer renderer, Site site, AuditLog audit, FormTokens tokens, EditorDrafts drafts,
               BiFunction<String, Instant, Instant> slots) {
    }

    private final Uses s;
    private final Views views;
    private final FormTokenGate gate;
    private final EditorAutosave autosave;
    private final PublishSlotText slotText;

    EditorPages(Uses services, Views views) {
        this.s = services;
        this.views = views;
        this.gate = new FormTokenGate(services.tokens(), services.site().clock());
        this.autosave = new EditorAutosave(services.drafts(), services.site().clock(),
                services.site().config().timezone());
        this.slotText = new PublishSlotText(services.site(), services.slots());
    }

    void register(RoutesConfig routes) {
        autosave.register(routes);
        routes.get("/items/new", this::newForm);
        routes.post("/items", this::create);
        routes.get("/items/{id}/edit", this::editForm);
        routes.post("/items/{id}/edit", this::update);
        routes.post("/preview", this::preview);
        routes.post("/uploads", this::upload);
    }

    private void newForm(Context ctx) {
        var mine = s.site().accounts(ConsoleAccess.user(ctx).scope());
        if (mine.isEmpty()) { // a unit added on the 单位 page, before the configuration lists its accounts
            ConsoleAccess.flash(ctx, "本单位还没有公众号，不能新建稿件：请运维人员在配置文件 units: 中为本单位列出公众号。", true);
            ctx.redirect("/");
            return;
        }
        showRestored(ctx, null, EditorView.Values.empty(mine.get(0).id()));
    }

    private void editForm(Context ctx) {
        DisclosureItem item = load(ctx);
        showRestored(ctx, item, values(item.content()));
    }

    /** The form with the user's autosave of it when one is kept, else with {@code saved}. */
    private void showRestored(Context ctx, DisclosureItem item, EditorView.Values saved) {
        String key = item == null ? "new" : Long.toString(item.id());
        var restored = autosave.restore(ConsoleAccess.user(ctx), key);
        if (restored.isPresent()) {
            show(ctx, 200, item, EditorForm.read(restored.get().params(), s.images()).values(), List.of(),
                    restored.get().time());
        } else {
            show(ctx, 200, item, saved, List.of(), "");
        }
    }

    private DisclosureItem load(Context ctx) {
        long id = ItemPages.id(ctx);
        return s.items().find(id, ConsoleAccess.user(ctx).scope())
                .orElseThrow(() -> new NotFound("稿件 " + id + " 不存在"));
    }

    private EditorView.Values values(ItemContent c) {
        List<EditorView.NoteValue> notes = new ArrayList<>();
        for (Note n : c.notes()) {
            notes.add(new EditorView.NoteValue(n.term(), n.explanation()));
        }
        if (notes.isEmpty()) {
            notes.add(new EditorView.NoteValue("", ""));
        }
        List<ItemImage> all = new ArrayList<>(c.images());
        if (c.cover() != null && all.stream().noneMatch(i -> i.fileName().equals(c.cover().fileName()))) {
            all.add(c.cover());
        }
        List<EditorView.ImageValue> images = all.stream()
                .map(i -> new EditorView.ImageValue(i.fileName(), i.sha256(), ItemPages.imageUrl(i))).toList();
        return new EditorView.Values(c.title(), c.category(), c.account(), c.author(), c.department(), c.docNo(),
                c.sourceUrl(), c.digest(), c.cover() == null ? "" : c.cover().fileName(),
                c.publishAt() == null ? "" : LOCAL_INPUT.format(c.publishAt().atZone(views.zone())), c.important(),
                c.headingNumbers() == null ? "" : c.headingNumbers().toString(), String.join(",", c.glossary()),
                c.body(), notes, images, c.signature(), c.signedAt() == null ? "" : c.signedAt().toString());
    }

    private void show(Context ctx, int status, DisclosureItem item, EditorView.Values values,
                      List<EditorView.Problem> problems) {
        show(ctx, status, item, values, problems, "");
    }

    private void show(Context ctx, int status, DisclosureItem item, EditorView.Values values,
                      List<EditorView.Problem> problems, String restoredAt) {
        var cfg = s.site().config();
        User me = ConsoleAccess.user(ctx);
        EditorView.ItemRef ref = item == null ? null : itemRef(me, item);
        String key = item == null ? "new" : Long.toString(item.id());
        EditorView.Session session = new EditorView.Session(gate.issue(me.name(), key), key, restoredAt,
                item == null || item.status() != ItemStatus.REJECTED ? null : rejection(item.id()));
        ctx.header("Cache-Control", "no-store");
        views.page(ctx, status, "edit", "edit.ftlh", new EditorView(values, problems, cfg.categories(),
                s.site().accounts(me.scope()).stream().map(a -> new EditorView.AccountOption(a.id(), a.name()))
                        .toList(),
                List.copyOf(s.renderer().glossary().keys()), ref, cfg.review().imageMaxMb(), unheldSignOff(me),
                session));
    }

    /** The last 退回 of the item: who, when and why. */
    private EditorView.Rejection rejection(long id) {
        List<AuditEntry> history = s.audit().history(id);
        for (int i = history.size() - 1; i >= 0; i--) {
            AuditEntry e = history.get(i);
            if (ItemStatus.REJECTED.name().equals(e.toStatus())) {
                return new EditorView.Rejection(AuditEntry.actorLabel(e.actor()),
                        e.role().isEmpty() ? "" : ReviewService.roleLabel(e.role()),
                        LOCAL_TIME.format(e.at().atZone(views.zone())),
                        e.comment().isBlank() ? "（退回时未写理由）" : e.comment());
            }
        }
        return null;
    }

    private EditorView.ItemRef itemRef(User me, DisclosureItem item) {
        return new EditorView.ItemRef(item.id(), item.status().label(),
                item.status() == ItemStatus.DRAFT || item.status() == ItemStatus.REJECTED,
                item.status() != ItemStatus.DRAFT, s.review().editIsProofreading(me, item),
                item.status() == ItemStatus.APPROVED);
    }

    /** 主要领导 when nobody holds that role (an important item could not be signed off), else empty. */
    private String unheldSignOff(User me) {
        String role = Role.PRINCIPAL_LEADER.id();
        return me.unitId() != null && s.review().unheldRoles(me.unitId()).contains(role) ? ReviewService.roleLabel(role) : "";
    }

    private EditorForm form(Context ctx) {
        return EditorForm.read(ctx.formParamMap(), s.images());
    }

    private void create(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        EditorForm f = form(ctx);
        FormTokenGate.Claim claim = gate.claim(ctx.formParam(FormTokenGate.FIELD), me.name(), "new");
        if (alreadySent(ctx, claim, null, f)) {
            return;
        }
        boolean saved = false;
        try {
            boolean submit = "submit".equals(ctx.formParam("action"));
            ImportResult r = s.importer().create(f.fields(), f.body(), f.images(), me.name(), ItemPages.CHANNEL,
                    submit);
            if (!r.ok()) {
                show(ctx, 422, null, f.values(), problems(r.problems()));
                return;
            }
            long id = r.newIds().get(0);
            gate.complete(claim, id);
            saved = true;
            autosave.clear(me, "new");
            DisclosureItem item = s.items().find(id).orElseThrow();
            String what = submit ? (item.status() == ItemStatus.APPROVED ? "已保存并提交（审核链为空，直接进入待发布）"
                    : "已保存并提交审核，等待" + s.review().waitingFor(item).map(ReviewService::roleLabel).orElse("")
                    + "审核") : "已保存为草稿（尚未提交审核）";
            ConsoleAccess.flash(ctx, what + warnings(r.warnings()), false);
            ctx.redirect("/items/" + id, HttpStatus.SEE_OTHER);
        } finally {
            if (!saved) {
                gate.release(claim);
            }
        }
    }

    /**
     * True when this POST repeats a form already sent (then it is answered: back to the item it saved) or carries a
     * token that is not good for it (then the form is shown again with what was posted).
     */
    private boolean alreadySent(Context ctx, FormTokenGate.Claim claim, DisclosureItem item, EditorForm f) {
        switch (claim.kind()) {
            case DONE -> {
                ConsoleAccess.flash(ctx, RESUBMITTED, false);
                ctx.redirect("/items/" + claim.itemId(), HttpStatus.SEE_OTHER);
                return true;
            }
            case BUSY -> {
                ConsoleAccess.flash(ctx, "这份表单已经提交过，正在保存，未重复创建；请稍后在稿件列表中查看", false);
                ctx.redirect(item == null ? "/items" : "/items/" + item.id(), HttpStatus.SEE_OTHER);
                return true;
            }
            case INVALID -> {
                show(ctx, 422, item, f.values(), List.of(new EditorView.Problem("表单",
                        "这份表单已过期（打开超过 24 小时）或不是为当前登录的用户打开的，未保存；内容保留在下方，请检查后再次提交")));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void update(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        DisclosureItem item = load(ctx);
        EditorForm f = form(ctx);
        String key = Long.toString(item.id());
        FormTokenGate.Claim claim = gate.claim(ctx.formParam(FormTokenGate.FIELD), me.name(), key);
        if (alreadySent(ctx, claim, item, f)) {
            return;
        }
        boolean saved = false;
        try {
            boolean proofreading = s.review().editIsProofreading(me, item);
            ImportResult r = s.importer().update(item.id(), f.fields(), f.body(), f.images(), me.name(),
                    ItemPages.CHANNEL);
            if (!r.ok()) {
                show(ctx, 422, item, f.values(), problems(r.problems()));
                return;
            }
            gate.complete(claim, item.id());
            saved = true;
            autosave.clear(me, key);
            submitAfterSave(ctx, me, item.id(), proofreading, r);
        } finally {
            if (!saved) {
                gate.release(claim);
            }
        }
    }

    /** After a successful update: submits a draft when asked to, and says what happened. */
    private void submitAfterSave(Context ctx, User me, long id, boolean proofreading, ImportResult r) {
        DisclosureItem after = s.items().find(id).orElseThrow();
        String what = saved(after, proofreading);
        if ("submit".equals(ctx.formParam("action")) && after.status() == ItemStatus.DRAFT) {
            try {
                after = s.review().submit(id, me.name());
                what = "已保存并提交审核，等待" + s.review().waitingFor(after).map(ReviewService::roleLabel).orElse("")
                        + "审核";
            } catch (ChecksFailedException e) {
                ConsoleAccess.flash(ctx, "已保存草稿，但发布前检查发现 " + e.report().errors().size()
                        + " 个错误，未提交审核。请按下方检查结果修改。", true);
                ctx.redirect("/items/" + id, HttpStatus.SEE_OTHER);
                return;
            }
        }
        ConsoleAccess.flash(ctx, what + warnings(r.warnings()), false);
        ctx.redirect("/items/" + id, HttpStatus.SEE_OTHER);
    }

    /** What saving did: a draft, a proofreading change (the chain goes on), only a new time, or review restarts. */
    private String saved(DisclosureItem after, boolean proofreading) {
        if (after.status() == ItemStatus.DRAFT) {
            return "已保存草稿";
        }
        if (proofreading) {
            return "已保存为本步骤的校对修改，审核继续，您仍可同意或退回";
        }
        return after.status() == ItemStatus.APPROVED && !s.review().chain().isEmpty() ? "已保存，只调整了计划发布时间，审核意见保持有效"
                : "已保存，稿件重新进入审核";
    }

    private static String warnings(List<ImportProblem> warnings) {
        long n = warnings.size();
        return n == 0 ? "。" : "。检查提示 " + n + " 条，见下方“发布前检查”。";
    }

    static List<EditorView.Problem> problems(List<ImportProblem> problems) {
        return problems.stream().map(p -> new EditorView.Problem(fieldLabel(p.field()), p.message())).toList();
    }

    private static String fieldLabel(String field) {
        return switch (field) {
            case "title" -> "标题";
            case "category" -> "分类";
            case "author" -> "作者";
            case "department" -> "部门";
            case "doc_no" -> "文号";
            case "source_url" -> "原文链接";
            case "publish_at" -> "计划发布时间";
            case "notes" -> "备注";
            case "cover" -> "封面";
            case "digest" -> "摘要";
            case "account" -> "公众号";
            case "glossary" -> "术语库";
            case "important" -> "重要";
            case "signature" -> "落款单位";
            case "signed_at" -> "成文日期";
            case "" -> "稿件";
            default -> field;
        };
    }

    private void preview(Context ctx) {
        EditorForm f = form(ctx);
        User me = ConsoleAccess.user(ctx);
        long id = 0;
        String idText = ctx.formParam("item_id");
        // the stored item whose pictures the preview may use: only one the user's unit has
        if (idText != null && idText.matches("[1-9]\\d{0,17}") && s.items().find(Long.parseLong(idText), me.scope())
                .isPresent()) {
            id = Long.parseLong(idText);
        }
        var mine = s.site().accounts(me.scope());
        String account = mine.stream().map(AccountConfig::id).filter(a -> a.equals(f.values().account())).findFirst()
                .orElse(mine.isEmpty() ? null : mine.get(0).id());
        Map<String, Object> out = new LinkedHashMap<>(account == null ? Map.of("slot", "", "warning", "")
                : slotText.of(f.values().publishAt(), account));
        if (f.body().isBlank() && !f.fields().containsKey("title")) {
            out.put("html", "");
            out.put("problems", List.of());
            out.put("findings", List.of());
            ctx.json(out);
            return;
        }
        // the preview is always drawn: a category not chosen yet (the form has no default) is said, not fatal
        Map<String, JsonNode> fields = f.fields();
        boolean noCategory = !fields.containsKey("category") || fields.get("category").asText("").isBlank();
        if (noCategory) {
            fields = new LinkedHashMap<>(fields);
            fields.put("category", com.fasterxml.jackson.databind.node.TextNode.valueOf(
                    s.site().config().categories().get(0)));
        }
        ImportPreview p = s.importer().preview(id, fields, f.body(), f.images());
        List<EditorView.Problem> problems = new java.util.ArrayList<>(problems(p.problems()));
        if (noCategory) {
            problems.add(0, new EditorView.Problem("分类", "请选择分类（不选不能保存）"));
        }
        out.put("problems", problems);
        out.put("findings", ItemPages.findings(p.checks()));
        out.put("html", "");
        if (p.content() != null) {
            try {
                String accountName = mine.stream().filter(a -> a.id().equals(p.content().account())).findFirst()
                        .or(() -> mine.stream().findFirst()).map(AccountConfig::name).orElse("");
                var article = s.renderer().render(p.content(), accountName, ItemPages::imageUrl);
                out.put("html", article.html());
                // the feed card as followers see it in the chat list: cover (cut 2.35:1), title, digest
                var cover = p.content().effectiveCover();
                out.put("card", Map.of("title", article.title(), "digest", article.digest(),
                        "cover", cover == null ? "" : ItemPages.imageUrl(cover)));
            } catch (RenderException e) {
                out.put("problems", List.of(Map.of("where", "排版", "message", e.getMessage())));
            }
        }
        ctx.json(out);
    }

    private void upload(Context ctx) {
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            ctx.status(400).json(Map.of("error", "没有收到图片文件"));
            return;
        }
        long max = s.site().config().review().imageMaxMb() * 1024L * 1024L;
        if (file.size() > max) {
            ctx.status(413).json(Map.of("error", "图片“" + file.filename() + "”有 " + file.size() / 1024 / 1024
                    + " MB，超过 " + s.site().config().review().imageMaxMb() + " MB 的上限，请压缩后再上传"));
            return;
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            ctx.status(400).json(Map.of("error", "图片无法读取：" + e.getMessage()));
            return;
        }
        String mime = ImageKinds.mimeOf(bytes);
        if (!IMAGE_TYPES.contains(mime)) {
            ctx.status(415).json(Map.of("error", "“" + file.filename()
                    + "”不是可用的图片（支持 JPG、PNG、GIF、BMP、WebP、TIFF、HEIC），请另存为 JPG 后再上传"));
            return;
        }
        var declared = ImageDecoding.headerSize(bytes);
        if (declared.isPresent() && !ImageDecoding.withinBudget(declared.get())) {
            ctx.status(413).json(Map.of("error", ImageDecoding.overBudget(file.filename(), declared.get())));
            return;
        }
        String sha = ContentHash.sha256(bytes);
        s.images().put(sha, bytes);
        ctx.json(Map.of("name", safeName(file.filename(), sha, mime), "sha", sha, "url", "/images/" + sha));
    }

    /** A file name the Markdown image syntax keeps intact: no spaces, brackets or path parts. */
    static String safeName(String original, String sha, String mime) {
        String name = original == null ? "" : original;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1).replaceAll("[\\s()\\[\\]<>\"'#?%&|]+", "-");
        if (name.isBlank() || name.startsWith(".")) {
            name = "image-" + sha.substring(0, 8) + "." + mime.substring(mime.indexOf('/') + 1)
                    .replace("jpeg", "jpg").toLowerCase(Locale.ROOT);
        }
        return name.length() > 80 ? name.substring(name.length() - 80) : name;
    }
}

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
import cn.gongkai.review.ChecksFailedException;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.Role;
import cn.gongkai.review.User;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * 编辑: create or edit an item in Markdown ({@code /items/new}, {@code /items/{id}/edit}) with a live preview of the
 * WeChat rendering ({@code POST /preview} calls the real renderer and the pre-publish checks), images uploaded by
 * drag-and-drop ({@code POST /uploads}, stored by SHA-256) and a notes editor.
 */
final class EditorPages {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp",
            "image/webp", "image/tiff");

    /** What the editor reads and runs. */
    record Uses(ItemRepository items, ImageStore images, ItemImporter importer, ReviewService review,
               ArticleRenderer renderer, Site site) {
    }

    private final Uses s;
    private final Views views;

    EditorPages(Uses services, Views views) {
        this.s = services;
        this.views = views;
    }

    void register(RoutesConfig routes) {
        routes.get("/items/new", this::newForm);
        routes.post("/items", this::create);
        routes.get("/items/{id}/edit", this::editForm);
        routes.post("/items/{id}/edit", this::update);
        routes.post("/preview", this::preview);
        routes.post("/uploads", this::upload);
    }

    /** The form as the user filled it in. */
    private record Form(Map<String, JsonNode> fields, String body, Map<String, byte[]> images,
                        EditorView.Values values) {
    }

    private void newForm(Context ctx) {
        show(ctx, 200, null, EditorView.Values.empty(s.site().config().accounts().get(0).id()), List.of());
    }

    private void editForm(Context ctx) {
        DisclosureItem item = load(ctx);
        show(ctx, 200, item, values(item.content()), List.of());
    }

    private DisclosureItem load(Context ctx) {
        long id = ItemPages.id(ctx);
        return s.items().find(id).orElseThrow(() -> new NotFound("稿件 " + id + " 不存在"));
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
        var cfg = s.site().config();
        EditorView.ItemRef ref = item == null ? null : itemRef(ConsoleAccess.user(ctx), item);
        views.page(ctx, status, "edit", "edit.ftlh", new EditorView(values, problems, cfg.categories(),
                cfg.accounts().stream().map(a -> new EditorView.AccountOption(a.id(), a.name())).toList(),
                List.copyOf(s.renderer().glossary().keys()), ref, cfg.review().imageMaxMb(), unheldSignOff()));
    }

    private EditorView.ItemRef itemRef(User me, DisclosureItem item) {
        return new EditorView.ItemRef(item.id(), item.status().label(),
                item.status() == ItemStatus.DRAFT || item.status() == ItemStatus.REJECTED,
                item.status() != ItemStatus.DRAFT, s.review().editIsProofreading(me, item),
                item.status() == ItemStatus.APPROVED);
    }

    /** 主要领导 when nobody holds that role (an important item could not be signed off), else empty. */
    private String unheldSignOff() {
        String role = Role.PRINCIPAL_LEADER.id();
        return s.review().unheldRoles().contains(role) ? ReviewService.roleLabel(role) : "";
    }

    private Form form(Context ctx) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        Map<String, String> text = readTextFields(ctx, fields);
        boolean important = readImportant(ctx, fields);
        String headingNumbers = readHeadingNumbers(ctx, fields);
        String glossary = readGlossary(ctx, fields);
        List<EditorView.NoteValue> notes = readNotes(ctx, fields);
        List<EditorView.ImageValue> imageValues = new ArrayList<>();
        Map<String, byte[]> images = readImages(ctx, imageValues);
        String body = param(ctx, "body").replace("\r\n", "\n");
        return new Form(fields, body, images, new EditorView.Values(text.get("title"), text.get("category"),
                text.get("account"), text.get("author"), text.get("department"), text.get("docNo"),
                text.get("sourceUrl"), text.get("digest"), text.get("cover"), text.get("publishAt"), important,
                headingNumbers, glossary, body, notes, imageValues, text.get("signature"), text.get("signedAt")));
    }

    /** The text fields as typed, by their names in the form's values. */
    private static Map<String, String> readTextFields(Context ctx, Map<String, JsonNode> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String[] f : new String[][] {{"title", "title"}, {"category", "category"}, {"account", "account"},
                {"author", "author"}, {"department", "department"}, {"doc_no", "docNo"},
                {"source_url", "sourceUrl"}, {"digest", "digest"}, {"cover", "cover"}, {"signature", "signature"},
                {"signed_at", "signedAt"}}) {
            String v = param(ctx, f[0]);
            values.put(f[1], v);
            if (!v.isBlank()) {
                fields.put(f[0], JSON.textNode(v.strip()));
            }
        }
        String publishAt = param(ctx, "publish_at");
        values.put("publishAt", publishAt);
        if (!publishAt.isBlank()) {
            fields.put("publish_at", JSON.textNode(publishAt.strip().replace('T', ' ')));
        }
        return values;
    }

    private static boolean readImportant(Context ctx, Map<String, JsonNode> fields) {
        boolean important = !param(ctx, "important").isBlank();
        if (important) {
            fields.put("important", JSON.booleanNode(true));
        }
        return important;
    }

    private static String readHeadingNumbers(Context ctx, Map<String, JsonNode> fields) {
        String headingNumbers = param(ctx, "heading_numbers");
        if (headingNumbers.equals("true") || headingNumbers.equals("false")) {
            fields.put("heading_numbers", JSON.booleanNode(Boolean.parseBoolean(headingNumbers)));
        }
        return headingNumbers;
    }

    private static String readGlossary(Context ctx, Map<String, JsonNode> fields) {
        String glossary = param(ctx, "glossary");
        if (glossary.isBlank()) {
            return glossary;
        }
        ArrayNode keys = JSON.arrayNode();
        for (String k : glossary.split("[,，、]")) {
            if (!k.isBlank()) {
                keys.add(k.strip());
            }
        }
        fields.put("glossary", keys);
        return glossary;
    }

    private static List<EditorView.NoteValue> readNotes(Context ctx, Map<String, JsonNode> fields) {
        List<String> terms = ctx.formParams("note_term");
        List<String> texts = ctx.formParams("note_text");
        ObjectNode notes = JSON.objectNode();
        List<EditorView.NoteValue> noteValues = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i).strip();
            String text = i < texts.size() ? texts.get(i).strip() : "";
            noteValues.add(new EditorView.NoteValue(term, text));
            if (!term.isEmpty() || !text.isEmpty()) {
                notes.put(term.isEmpty() ? "（未填术语）" : term, text);
            }
        }
        if (noteValues.isEmpty()) {
            noteValues.add(new EditorView.NoteValue("", ""));
        }
        if (!notes.isEmpty()) {
            fields.put("notes", notes);
        }
        return noteValues;
    }

    /** The images the form refers to, by name; what the form shows of them goes to {@code imageValues}. */
    private Map<String, byte[]> readImages(Context ctx, List<EditorView.ImageValue> imageValues) {
        Map<String, byte[]> images = new LinkedHashMap<>();
        for (String ref : ctx.formParams("image")) {
            int bar = ref.lastIndexOf('|');
            if (bar <= 0) {
                continue;
            }
            String name = ref.substring(0, bar);
            String sha = ref.substring(bar + 1);
            if (!sha.matches("[0-9a-f]{64}") || images.containsKey(name)) {
                continue;
            }
            s.images().get(sha).ifPresent(b -> {
                images.put(name, b);
                imageValues.add(new EditorView.ImageValue(name, sha, "/images/" + sha));
            });
        }
        return images;
    }

    private static String param(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v;
    }

    private void create(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        Form f = form(ctx);
        boolean submit = "submit".equals(ctx.formParam("action"));
        ImportResult r = s.importer().create(f.fields(), f.body(), f.images(), me.name(), ItemPages.CHANNEL, submit);
        if (!r.ok()) {
            show(ctx, 422, null, f.values(), problems(r.problems()));
            return;
        }
        long id = r.newIds().get(0);
        DisclosureItem item = s.items().find(id).orElseThrow();
        String what = submit ? (item.status() == ItemStatus.APPROVED ? "已保存并提交（审核链为空，直接进入待发布）"
                : "已保存并提交审核，等待" + s.review().waitingFor(item).map(ReviewService::roleLabel).orElse("") + "审核")
                : "已保存为草稿（尚未提交审核）";
        ConsoleAccess.flash(ctx, what + warnings(r.warnings()), false);
        ctx.redirect("/items/" + id);
    }

    private void update(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        DisclosureItem item = load(ctx);
        Form f = form(ctx);
        boolean proofreading = s.review().editIsProofreading(me, item);
        ImportResult r = s.importer().update(item.id(), f.fields(), f.body(), f.images(), me.name(),
                ItemPages.CHANNEL);
        if (!r.ok()) {
            show(ctx, 422, item, f.values(), problems(r.problems()));
            return;
        }
        DisclosureItem after = s.items().find(item.id()).orElseThrow();
        String what = saved(after, proofreading);
        if ("submit".equals(ctx.formParam("action")) && after.status() == ItemStatus.DRAFT) {
            try {
                after = s.review().submit(item.id(), me.name());
                what = "已保存并提交审核，等待" + s.review().waitingFor(after).map(ReviewService::roleLabel).orElse("")
                        + "审核";
            } catch (ChecksFailedException e) {
                ConsoleAccess.flash(ctx, "已保存草稿，但发布前检查发现 " + e.report().errors().size()
                        + " 个错误，未提交审核。请按下方检查结果修改。", true);
                ctx.redirect("/items/" + item.id());
                return;
            }
        }
        ConsoleAccess.flash(ctx, what + warnings(r.warnings()), false);
        ctx.redirect("/items/" + item.id());
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
            case "signature" -> "落款单位";
            case "signed_at" -> "成文日期";
            case "" -> "稿件";
            default -> field;
        };
    }

    private void preview(Context ctx) {
        Form f = form(ctx);
        long id = 0;
        String idText = ctx.formParam("item_id");
        if (idText != null && idText.matches("\\d+")) {
            id = Long.parseLong(idText);
        }
        Map<String, Object> out = new LinkedHashMap<>();
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
                AccountConfig account = s.site().config().accounts().stream()
                        .filter(a -> a.id().equals(p.content().account())).findFirst()
                        .orElse(s.site().config().accounts().get(0));
                out.put("html", s.renderer().render(p.content(), account.name(), ItemPages::imageUrl).html());
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
                    + "”不是可用的图片（支持 JPG、PNG、GIF、BMP、WebP、TIFF；HEIC 请先在手机或电脑上另存为 JPG）"));
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

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
                        Map<String, Object> values) {
    }

    private void newForm(Context ctx) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("account", s.site().config().accounts().get(0).id());
        values.put("author", "");
        values.put("notes", List.of(Map.of("term", "", "explanation", "")));
        values.put("images", List.of());
        show(ctx, 200, null, values, List.of());
    }

    private void editForm(Context ctx) {
        DisclosureItem item = load(ctx);
        show(ctx, 200, item, values(item.content()), List.of());
    }

    private DisclosureItem load(Context ctx) {
        long id = ItemPages.id(ctx);
        return s.items().find(id).orElseThrow(() -> new NotFound("稿件 " + id + " 不存在"));
    }

    private Map<String, Object> values(ItemContent c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("title", c.title());
        v.put("category", c.category());
        v.put("account", c.account());
        v.put("author", c.author());
        v.put("department", c.department());
        v.put("docNo", c.docNo());
        v.put("sourceUrl", c.sourceUrl());
        v.put("digest", c.digest());
        v.put("publishAt", c.publishAt() == null ? "" : LOCAL_INPUT.format(c.publishAt().atZone(views.zone())));
        v.put("important", c.important());
        v.put("headingNumbers", c.headingNumbers() == null ? "" : c.headingNumbers().toString());
        v.put("glossary", String.join(",", c.glossary()));
        v.put("cover", c.cover() == null ? "" : c.cover().fileName());
        v.put("body", c.body());
        List<Map<String, String>> notes = new ArrayList<>();
        for (Note n : c.notes()) {
            notes.add(Map.of("term", n.term(), "explanation", n.explanation()));
        }
        if (notes.isEmpty()) {
            notes.add(Map.of("term", "", "explanation", ""));
        }
        v.put("notes", notes);
        List<Map<String, String>> images = new ArrayList<>();
        List<ItemImage> all = new ArrayList<>(c.images());
        if (c.cover() != null && all.stream().noneMatch(i -> i.fileName().equals(c.cover().fileName()))) {
            all.add(c.cover());
        }
        for (ItemImage i : all) {
            images.add(Map.of("name", i.fileName(), "sha", i.sha256(), "url", ItemPages.imageUrl(i)));
        }
        v.put("images", images);
        return v;
    }

    private void show(Context ctx, int status, DisclosureItem item, Map<String, Object> values,
                      List<Map<String, Object>> problems) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("active", "edit");
        model.put("v", values);
        model.put("problems", problems);
        model.put("categories", s.site().config().categories());
        model.put("accounts", s.site().config().accounts().stream().map(a -> Map.of("id", a.id(), "name", a.name()))
                .toList());
        model.put("glossaryKeys", List.copyOf(s.renderer().glossary().keys()));
        model.put("item", item == null ? null : Map.of("id", item.id(), "statusLabel", item.status().label(),
                "draft", item.status() == ItemStatus.DRAFT || item.status() == ItemStatus.REJECTED,
                "inChain", item.status() != ItemStatus.DRAFT));
        model.put("maxImageMb", s.site().config().review().imageMaxMb());
        views.page(ctx, status, "edit.ftlh", model);
    }

    private Form form(Context ctx) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        readTextFields(ctx, fields, values);
        readFlags(ctx, fields, values);
        readGlossary(ctx, fields, values);
        readNotes(ctx, fields, values);
        Map<String, byte[]> images = readImages(ctx, values);
        String body = param(ctx, "body").replace("\r\n", "\n");
        values.put("body", body);
        return new Form(fields, body, images, values);
    }

    private static void readTextFields(Context ctx, Map<String, JsonNode> fields, Map<String, Object> values) {
        for (String[] f : new String[][] {{"title", "title"}, {"category", "category"}, {"account", "account"},
                {"author", "author"}, {"department", "department"}, {"doc_no", "docNo"},
                {"source_url", "sourceUrl"}, {"digest", "digest"}, {"cover", "cover"}}) {
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
    }

    private static void readFlags(Context ctx, Map<String, JsonNode> fields, Map<String, Object> values) {
        boolean important = !param(ctx, "important").isBlank();
        values.put("important", important);
        if (important) {
            fields.put("important", JSON.booleanNode(true));
        }
        String headingNumbers = param(ctx, "heading_numbers");
        values.put("headingNumbers", headingNumbers);
        if (headingNumbers.equals("true") || headingNumbers.equals("false")) {
            fields.put("heading_numbers", JSON.booleanNode(Boolean.parseBoolean(headingNumbers)));
        }
    }

    private static void readGlossary(Context ctx, Map<String, JsonNode> fields, Map<String, Object> values) {
        String glossary = param(ctx, "glossary");
        values.put("glossary", glossary);
        if (glossary.isBlank()) {
            return;
        }
        ArrayNode keys = JSON.arrayNode();
        for (String k : glossary.split("[,，、]")) {
            if (!k.isBlank()) {
                keys.add(k.strip());
            }
        }
        fields.put("glossary", keys);
    }

    private static void readNotes(Context ctx, Map<String, JsonNode> fields, Map<String, Object> values) {
        List<String> terms = ctx.formParams("note_term");
        List<String> texts = ctx.formParams("note_text");
        ObjectNode notes = JSON.objectNode();
        List<Map<String, String>> noteValues = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i).strip();
            String text = i < texts.size() ? texts.get(i).strip() : "";
            noteValues.add(Map.of("term", term, "explanation", text));
            if (!term.isEmpty() || !text.isEmpty()) {
                notes.put(term.isEmpty() ? "（未填术语）" : term, text);
            }
        }
        if (noteValues.isEmpty()) {
            noteValues.add(Map.of("term", "", "explanation", ""));
        }
        values.put("notes", noteValues);
        if (!notes.isEmpty()) {
            fields.put("notes", notes);
        }
    }

    private Map<String, byte[]> readImages(Context ctx, Map<String, Object> values) {
        Map<String, byte[]> images = new LinkedHashMap<>();
        List<Map<String, String>> imageValues = new ArrayList<>();
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
                imageValues.add(Map.of("name", name, "sha", sha, "url", "/images/" + sha));
            });
        }
        values.put("images", imageValues);
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
        ImportResult r = s.importer().update(item.id(), f.fields(), f.body(), f.images(), me.name(),
                ItemPages.CHANNEL);
        if (!r.ok()) {
            show(ctx, 422, item, f.values(), problems(r.problems()));
            return;
        }
        DisclosureItem after = s.items().find(item.id()).orElseThrow();
        String what = after.status() == ItemStatus.DRAFT ? "已保存草稿" : "已保存，稿件重新进入审核";
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

    private static String warnings(List<ImportProblem> warnings) {
        long n = warnings.size();
        return n == 0 ? "。" : "。检查提示 " + n + " 条，见下方“发布前检查”。";
    }

    static List<Map<String, Object>> problems(List<ImportProblem> problems) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ImportProblem p : problems) {
            out.add(Map.of("where", fieldLabel(p.field()), "message", p.message()));
        }
        return out;
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
        ImportPreview p = s.importer().preview(id, f.fields(), f.body(), f.images());
        out.put("problems", problems(p.problems()));
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

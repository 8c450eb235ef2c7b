package cn.gongkai.intake;

import cn.gongkai.item.ContentHash;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.Note;
import cn.gongkai.item.WeChatLimits;
import cn.gongkai.render.ImageDecoding;
import cn.gongkai.review.checks.CheckLimits;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads an item file — Markdown with a YAML front matter (design.md §4) — and checks every field and image. A file
 * with any problem yields problems and no item.
 */
final class ItemFileParser {
    static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

    private static final Set<String> FIELDS = Set.of("title", "category", "author", "department", "cover",
            "publish_at", "doc_no", "source_url", "notes", "glossary", "account", "important", "digest",
            "heading_numbers");
    private static final Pattern DANGEROUS_HTML = Pattern.compile(
            "(?i)<\\s*(script|iframe|style|object|embed|form)\\b|javascript:|<[^>]*\\son[a-z]+\\s*=");
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final YAMLFactory YAML = new YAMLFactory();

    private final List<String> categories;
    private final List<String> accounts;
    private final Set<String> glossaryKeys;
    private final ZoneId zone;
    private final CheckLimits limits;

    /**
     * @param limits the configured limits of the pre-publish checks (at most WeChat's, {@link WeChatLimits}), so a
     *               file is refused here exactly where the checks would refuse it
     */
    ItemFileParser(List<String> categories, List<String> accounts, Set<String> glossaryKeys, ZoneId zone,
                   CheckLimits limits) {
        this.limits = limits;
        this.categories = List.copyOf(categories);
        this.accounts = List.copyOf(accounts);
        this.glossaryKeys = Set.copyOf(glossaryKeys);
        this.zone = zone;
    }

    /** A front matter field and the line it starts on. */
    private record Field(JsonNode value, int line) {
    }

    /** The result: an item, or the problems that stop it. */
    record Result(ParsedItem item, List<ImportProblem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    Result parse(Path file) {
        List<ImportProblem> problems = new ArrayList<>();
        Problems p = (line, field, message) -> problems.add(new ImportProblem(file, line, field, message));
        if (!Files.isRegularFile(file)) {
            p.add(0, "", "文件不存在或不是普通文件");
            return new Result(null, problems);
        }
        byte[] raw;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                p.add(0, "", "文件 " + Files.size(file) / 1024 + " KB，超过稿件文件上限 " + MAX_FILE_BYTES / 1024
                        + " KB（图片请作为单独文件引用）");
                return new Result(null, problems);
            }
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            p.add(0, "", "无法读取文件：" + e.getMessage());
            return new Result(null, problems);
        }
        return parseText(file, raw, ImageSource.besideFile(file));
    }

    /**
     * Reads an item from the bytes of an item file (Markdown with front matter), with its images from
     * {@code images}; {@code file} names it in problems.
     */
    Result parseText(Path file, byte[] raw, ImageSource images) {
        List<ImportProblem> problems = new ArrayList<>();
        Problems p = (line, field, message) -> problems.add(new ImportProblem(file, line, field, message));
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            p.add(0, "", "文件不是 UTF-8 编码（可能是 GBK）。请在编辑器中另存为 UTF-8 后重试");
            return new Result(null, problems);
        }
        text = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            p.add(1, "", "文件第一行应为 ---，后接 YAML 头部（标题、分类等）再以 --- 结束");
            return new Result(null, problems);
        }
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            p.add(1, "", "YAML 头部没有结束行 ---");
            return new Result(null, problems);
        }
        String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, close));
        Map<String, Field> fields = readFrontMatter(yaml, p);
        if (fields == null) {
            return new Result(null, problems);
        }
        int start = close + 1;
        while (start < lines.length && lines[start].isBlank()) {
            start++;
        }
        if (start == lines.length) {
            start = close + 1;
        }
        String body = String.join("\n", java.util.Arrays.copyOfRange(lines, start, lines.length)).strip();
        int bodyLine = start + 1;
        return build(file, text, fields, body, bodyLine, p, problems, images);
    }

    /**
     * Reads an item given as fields (as in a JSON request: the front matter names, each a JSON value) and a
     * Markdown body, with its images from {@code images}; {@code label} names it in problems, which carry line 0.
     */
    Result parseFields(Path label, Map<String, JsonNode> given, String body, ImageSource images) {
        List<ImportProblem> problems = new ArrayList<>();
        Problems p = (line, field, message) -> problems.add(new ImportProblem(label, line, field, message));
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : given.entrySet()) {
            if (!FIELDS.contains(e.getKey())) {
                p.add(0, e.getKey(), "未知字段（可用字段：" + String.join(", ", new java.util.TreeSet<>(FIELDS)) + "）");
            } else {
                fields.put(e.getKey(), new Field(e.getValue(), 0));
            }
        }
        String text = body == null ? "" : body.replace("\r\n", "\n").strip();
        String key = given.toString() + "\n" + text;
        return build(label, key, fields, text, 0, p, problems, images);
    }

    private Map<String, Field> readFrontMatter(String yaml, Problems p) {
        Map<String, Field> fields = new LinkedHashMap<>();
        try (JsonParser parser = YAML.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                p.add(2, "", "YAML 头部是空的：至少需要 title 和 category");
                return null;
            }
            if (first != JsonToken.START_OBJECT) {
                p.add(2, "", "YAML 头部应为“字段: 值”形式的多行");
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                int line = parser.currentLocation().getLineNr() + 1;
                parser.nextToken();
                JsonNode value = MAPPER.readTree(parser);
                if (!FIELDS.contains(name)) {
                    p.add(line, name, "未知字段（可用字段：" + String.join(", ", new java.util.TreeSet<>(FIELDS)) + "）");
                    continue;
                }
                if (fields.containsKey(name)) {
                    p.add(line, name, "字段重复出现（第一次在第 " + fields.get(name).line() + " 行）");
                    continue;
                }
                fields.put(name, new Field(value, line));
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr() + 1;
            p.add(line, "", "YAML 头部格式错误：" + e.getOriginalMessage().lines().findFirst().orElse(""));
            return null;
        } catch (IOException e) {
            p.add(0, "", "无法读取 YAML 头部：" + e.getMessage());
            return null;
        }
        return fields;
    }

    private Result build(Path file, String text, Map<String, Field> fields, String body, int bodyLine, Problems p,
                         List<ImportProblem> problems, ImageSource source) {
        String title = string(fields, "title", p, true);
        if (title != null) {
            int n = WeChatLimits.chars(title.strip());
            if (n > limits.titleMax()) {
                p.add(fields.get("title").line(), "title", "标题 " + n + " 字，超过" + ceiling(limits.titleMax(),
                        WeChatLimits.TITLE_CHARS, "checks.title-max") + "（需删去 " + (n - limits.titleMax()) + " 字）");
            }
        }
        String category = string(fields, "category", p, true);
        if (category != null && !categories.contains(category.strip())) {
            p.add(fields.get("category").line(), "category",
                    "分类“" + category + "”不在配置的分类中（可选：" + String.join("、", categories) + "）");
        }
        String author = string(fields, "author", p, false);
        int authorLength = author == null ? 0 : WeChatLimits.chars(author.strip());
        if (authorLength > limits.authorMax()) {
            p.add(fields.get("author").line(), "author", "作者 " + authorLength + " 字，超过"
                    + ceiling(limits.authorMax(), WeChatLimits.AUTHOR_CHARS, "checks.author-max"));
        }
        String department = string(fields, "department", p, false);
        String docNo = string(fields, "doc_no", p, false);
        String account = string(fields, "account", p, false);
        if (account == null) {
            account = accounts.get(0);
        } else if (!accounts.contains(account.strip())) {
            p.add(fields.get("account").line(), "account",
                    "公众号“" + account + "”未配置（已配置：" + String.join("、", accounts) + "）");
        }
        String sourceUrl = sourceUrl(fields, p);
        String digest = digest(fields, p);
        Boolean headingNumbers = headingNumbers(fields, p);
        Instant publishAt = publishAt(fields, p);
        List<Note> notes = notes(fields, p);
        List<String> glossary = glossary(fields, p);
        boolean important = important(fields, p);

        if (body.isBlank()) {
            p.add(bodyLine, "正文", "正文是空的");
        } else if (body.length() > limits.bodyMax()) {
            p.add(bodyLine, "正文", "正文 " + body.length() + " 字，超过" + ceiling(limits.bodyMax(),
                    WeChatLimits.CONTENT_CHARS, "checks.body-max") + "（需删去 " + (body.length() - limits.bodyMax()) + " 字）");
        }
        checkHtml(body, bodyLine, p);

        Map<String, byte[]> bytes = new LinkedHashMap<>();
        List<ItemImage> images = new ArrayList<>();
        Map<String, ItemImage> byName = new LinkedHashMap<>();
        for (ImageRef ref : imageRefs(body, bodyLine)) {
            if (byName.containsKey(ref.src())) {
                continue;
            }
            ItemImage img = loadImage(source, ref.src(), ref.alt(), ref.caption(), ref.line(), "图片", p, bytes);
            if (img != null) {
                byName.put(ref.src(), img);
                images.add(img);
            }
        }
        ItemImage cover = null;
        String coverName = string(fields, "cover", p, false);
        if (coverName != null) {
            cover = loadImage(source, coverName.strip(), "", "", fields.get("cover").line(), "cover", p, bytes);
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        ItemContent content = new ItemContent(account.strip(), category.strip(), title.strip(), author, department,
                body, notes, glossary, images, cover, docNo, sourceUrl, publishAt, digest, headingNumbers, important);
        String key = ContentHash.sha256((account.strip() + "\n" + text).getBytes(StandardCharsets.UTF_8));
        Map<String, Integer> lines = new LinkedHashMap<>();
        fields.forEach((name, f) -> lines.put(name, f.line()));
        return new Result(new ParsedItem(file, content, bytes, key, bodyLine, lines), problems);
    }

    private static String string(Map<String, Field> fields, String name, Problems p, boolean required) {
        Field f = fields.get(name);
        if (f == null || f.value().isNull() || (f.value().isTextual() && f.value().asText().isBlank())) {
            if (required) {
                p.add(f == null ? 1 : f.line(), name, "缺少必填字段 " + name);
            }
            return null;
        }
        if (!f.value().isValueNode()) {
            p.add(f.line(), name, "应为一段文字，而不是列表或映射");
            return null;
        }
        return f.value().asText();
    }

    private static String sourceUrl(Map<String, Field> fields, Problems p) {
        String url = string(fields, "source_url", p, false);
        if (url == null) {
            return "";
        }
        int line = fields.get("source_url").line();
        try {
            URI uri = new URI(url.strip());
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                p.add(line, "source_url", "“阅读原文”链接应以 http:// 或 https:// 开头：" + url);
            } else if (url.strip().getBytes(StandardCharsets.UTF_8).length > 1024) {
                p.add(line, "source_url", "“阅读原文”链接超过微信上限 1 KB");
            }
        } catch (URISyntaxException e) {
            p.add(line, "source_url", "“阅读原文”链接格式错误：" + e.getReason());
        }
        return url.strip();
    }

    /** "微信上限 32 字" at WeChat's own limit, "上限 20 字（配置项 checks.title-max）" when the configuration is stricter. */
    private static String ceiling(int limit, int wechat, String key) {
        return limit == wechat ? "微信上限 " + limit + " 字" : "上限 " + limit + " 字（配置项 " + key + "）";
    }

    private String digest(Map<String, Field> fields, Problems p) {
        String digest = string(fields, "digest", p, false);
        if (digest == null) {
            return "";
        }
        String d = digest.strip();
        int n = WeChatLimits.chars(d);
        if (n > limits.digestMax()) {
            p.add(fields.get("digest").line(), "digest", "摘要 " + n + " 字，超过" + ceiling(limits.digestMax(),
                    WeChatLimits.DIGEST_CHARS, "") + "（需删去 " + (n - limits.digestMax()) + " 字）");
        }
        return d;
    }

    private static Boolean headingNumbers(Map<String, Field> fields, Problems p) {
        Field f = fields.get("heading_numbers");
        if (f == null || f.value().isNull()) {
            return null;
        }
        if (!f.value().isBoolean()) {
            p.add(f.line(), "heading_numbers", "应为 true（标题按公文格式编号：一、（一）1.（1））或 false（不编号）");
            return null;
        }
        return f.value().booleanValue();
    }

    private Instant publishAt(Map<String, Field> fields, Problems p) {
        String raw = string(fields, "publish_at", p, false);
        if (raw == null) {
            return null;
        }
        int line = fields.get("publish_at").line();
        String s = raw.strip();
        try {
            if (s.contains("T")) {
                return OffsetDateTime.parse(s).toInstant();
            }
            DateTimeFormatter f = s.length() > 16 ? SECONDS : MINUTES;
            return LocalDateTime.parse(s, f).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            String hint = s.matches("\\d{4}-\\d{2}-\\d{2}")
                    ? "请同时写明时间，例如 " + s + " 10:00"
                    : "应为“年-月-日 时:分”（" + zone + " 时间），例如 2023-05-12 10:00；该日期或时间不存在或格式不对";
            p.add(line, "publish_at", "计划发布时间“" + s + "”无效：" + hint);
            return null;
        }
    }

    private static boolean important(Map<String, Field> fields, Problems p) {
        Field f = fields.get("important");
        if (f == null || f.value().isNull()) {
            return false;
        }
        if (f.value().isBoolean()) {
            return f.value().booleanValue();
        }
        String t = f.value().isValueNode() ? f.value().asText().strip() : "";
        if (t.equals("是") || t.equals("重要") || t.equalsIgnoreCase("true") || t.equalsIgnoreCase("yes")) {
            return true;
        }
        if (t.equals("否") || t.equalsIgnoreCase("false") || t.equalsIgnoreCase("no") || t.isEmpty() && f.value()
                .isTextual()) {
            return false;
        }
        p.add(f.line(), "important", "应为 true（重要，需主要领导签发）或 false，而不是“" + f.value() + "”");
        return false;
    }

    private static List<Note> notes(Map<String, Field> fields, Problems p) {
        Field f = fields.get("notes");
        List<Note> notes = new ArrayList<>();
        if (f == null || f.value().isNull()) {
            return notes;
        }
        if (!f.value().isObject()) {
            p.add(f.line(), "notes", "备注应写成“术语: 解释”的多行映射");
            return notes;
        }
        f.value().fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode() || e.getValue().isNull() || e.getValue().asText().isBlank()) {
                p.add(f.line(), "notes", "术语“" + e.getKey() + "”缺少解释");
            } else {
                notes.add(new Note(e.getKey(), e.getValue().asText()));
            }
        });
        return notes;
    }

    private List<String> glossary(Map<String, Field> fields, Problems p) {
        Field f = fields.get("glossary");
        List<String> keys = new ArrayList<>();
        if (f == null || f.value().isNull()) {
            return keys;
        }
        if (!f.value().isArray()) {
            p.add(f.line(), "glossary", "应为术语列表，例如 [营商环境]");
            return keys;
        }
        for (JsonNode k : f.value()) {
            String key = k.asText().strip();
            if (!glossaryKeys.contains(key)) {
                p.add(f.line(), "glossary", "术语库 templates/notes/ 中没有“" + key + "”");
            } else if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static void checkHtml(String body, int bodyLine, Problems p) {
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = DANGEROUS_HTML.matcher(lines[i]);
            if (m.find()) {
                p.add(bodyLine + i, "正文", "含有不允许的 HTML 或脚本“" + m.group().strip()
                        + "”：微信会删除脚本，也可能拒收整篇文章。请删去，改用纯 Markdown");
            }
        }
    }

    /** An image reference in the body. */
    private record ImageRef(String src, String alt, String caption, int line) {
    }

    private static List<ImageRef> imageRefs(String body, int bodyLine) {
        Node doc = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build().parse(body);
        List<ImageRef> refs = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                StringBuilder alt = new StringBuilder();
                for (Node n = image.getFirstChild(); n != null; n = n.getNext()) {
                    if (n instanceof org.commonmark.node.Text t) {
                        alt.append(t.getLiteral());
                    }
                }
                List<SourceSpan> spans = image.getSourceSpans();
                int line = spans.isEmpty() ? bodyLine : bodyLine + spans.get(0).getLineIndex();
                String caption = image.getTitle() == null || image.getTitle().isBlank() ? alt.toString()
                        : image.getTitle();
                refs.add(new ImageRef(image.getDestination(), alt.toString(), caption, line));
            }
        });
        return refs;
    }

    private static ItemImage loadImage(ImageSource source, String src, String alt, String caption, int line, String field,
                                       Problems p, Map<String, byte[]> bytes) {
        String decoded = java.net.URLDecoder.decode(src.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (decoded.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
            p.add(line, field, "图片“" + src + "”是网络地址：微信会过滤外部图片，请把图片文件放在稿件旁边并用相对路径引用");
            return null;
        }
        byte[] data;
        try {
            long size = source.size(decoded);
            if (size < 0) {
                p.add(line, field, "图片“" + src + "”不存在或不在稿件所在文件夹内（" + source.whereMissing(decoded) + "）");
                return null;
            }
            if (size > ImageInspector.MAX_BYTES) {
                p.add(line, field, "图片“" + src + "”大小 " + size / (1024 * 1024) + " MB，超过上限 "
                        + ImageInspector.MAX_BYTES / (1024 * 1024) + " MB，请先压缩");
                return null;
            }
            if (size == 0) {
                p.add(line, field, "图片“" + src + "”是空文件");
                return null;
            }
            data = source.read(decoded);
        } catch (IOException e) {
            p.add(line, field, "无法读取图片“" + src + "”：" + e.getMessage());
            return null;
        }
        ImageInspector.Format format = ImageInspector.sniff(data);
        switch (format) {
            case HEIC -> {
                p.add(line, field, "图片“" + src + "”是 HEIC/AVIF 格式（常见于手机照片），无法转换。"
                        + "请在手机或电脑上另存为 JPG 后重试");
                return null;
            }
            case UNKNOWN -> {
                p.add(line, field, "文件“" + src + "”不是可识别的图片（支持 JPG、PNG、GIF、BMP、WebP、TIFF）");
                return null;
            }
            default -> {
            }
        }
        Optional<ImageInspector.Inspected> inspected;
        try {
            inspected = ImageInspector.inspect(src, data, format);
        } catch (ImageDecoding.TooLarge e) {
            p.add(line, field, e.getMessage());
            return null;
        }
        if (inspected.isEmpty()) {
            p.add(line, field, "图片“" + src + "”已损坏或不完整，无法读取，请重新导出");
            return null;
        }
        String sha = ContentHash.sha256(data);
        bytes.put(sha, data);
        String name = source.fileName(decoded);
        return new ItemImage(sha, name, format.mime, inspected.get().width(), inspected.get().height(), data.length,
                caption, alt);
    }

    @FunctionalInterface
    private interface Problems {
        void add(int line, String field, String message);
    }
}

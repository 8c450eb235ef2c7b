package cn.gongkai.intake;

import cn.gongkai.intake.FrontMatter.Field;
import cn.gongkai.item.Note;
import cn.gongkai.item.WeChatLimits;
import cn.gongkai.review.checks.CheckLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks the front matter fields of one item against the configuration (categories, accounts, glossary, zone and
 * the limits of the pre-publish checks) and reads them into {@link Header}.
 */
final class ItemFields {
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private static final int SIGNATURE_MAX = 40;

    private final List<String> categories;
    private final List<String> accounts;
    private final Set<String> glossaryKeys;
    private final ZoneId zone;
    private final CheckLimits limits;

    ItemFields(List<String> categories, List<String> accounts, Set<String> glossaryKeys, ZoneId zone,
               CheckLimits limits) {
        this.categories = List.copyOf(categories);
        this.accounts = List.copyOf(accounts);
        this.glossaryKeys = Set.copyOf(glossaryKeys);
        this.zone = zone;
        this.limits = limits;
    }

    CheckLimits limits() {
        return limits;
    }

    /** The fields of an item as read; title and category are null when missing (then a problem was added). */
    record Header(String title, String category, String author, String department, String docNo, String account,
                  String sourceUrl, String digest, Boolean headingNumbers, Instant publishAt, List<Note> notes,
                  List<String> glossary, boolean important, String signature, LocalDate signedAt) {
    }

    /** Reads every field, adding a problem for each that is missing or wrong, in the order of design.md §4. */
    Header read(Map<String, Field> fields, FileProblems p) {
        String title = title(fields, p);
        String category = category(fields, p);
        String author = author(fields, p);
        String department = string(fields, "department", p, false);
        String docNo = string(fields, "doc_no", p, false);
        String account = account(fields, p);
        return new Header(title, category, author, department, docNo, account, sourceUrl(fields, p),
                digest(fields, p), headingNumbers(fields, p), publishAt(fields, p), notes(fields, p),
                glossary(fields, p), important(fields, p), signature(fields, p), signedAt(fields, p));
    }

    /** The 落款 unit: one line of at most {@value #SIGNATURE_MAX} characters. */
    private static String signature(Map<String, Field> fields, FileProblems p) {
        String s = string(fields, "signature", p, false);
        if (s == null) {
            return "";
        }
        if (s.strip().contains("\n") || WeChatLimits.chars(s.strip()) > SIGNATURE_MAX) {
            p.add(fields.get("signature").line(), "signature", "落款单位应为一行、不超过 " + SIGNATURE_MAX
                    + " 字（如 红旗区商务局）；成文日期另写在 signed_at");
        }
        return s.strip();
    }

    /** The 成文日期: 2023-12-05, 2023年12月5日 or 二〇二三年十二月五日. */
    private static LocalDate signedAt(Map<String, Field> fields, FileProblems p) {
        String s = string(fields, "signed_at", p, false);
        if (s == null) {
            return null;
        }
        Optional<LocalDate> date = SignedDates.parse(s);
        if (date.isEmpty()) {
            p.add(fields.get("signed_at").line(), "signed_at", "成文日期“" + s.strip()
                    + "”无效：应为 年-月-日，例如 2023-12-05 或 2023年12月5日；该日期不存在或格式不对");
        }
        return date.orElse(null);
    }

    /** The text of a field; null when absent, blank or not a single value (then a problem was added). */
    static String string(Map<String, Field> fields, String name, FileProblems p, boolean required) {
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

    /** "微信上限 32 字" at WeChat's own limit, "上限 20 字（配置项 checks.title-max）" when the configuration is stricter. */
    static String ceiling(int limit, int wechat, String key) {
        return limit == wechat ? "微信上限 " + limit + " 字" : "上限 " + limit + " 字（配置项 " + key + "）";
    }

    private String title(Map<String, Field> fields, FileProblems p) {
        String title = string(fields, "title", p, true);
        if (title != null) {
            int n = WeChatLimits.chars(title.strip());
            if (n > limits.titleMax()) {
                p.add(fields.get("title").line(), "title", "标题 " + n + " 字，超过" + ceiling(limits.titleMax(),
                        WeChatLimits.TITLE_CHARS, "checks.title-max") + "（需删去 " + (n - limits.titleMax()) + " 字）");
            }
        }
        return title;
    }

    private String category(Map<String, Field> fields, FileProblems p) {
        String category = string(fields, "category", p, true);
        if (category != null && !categories.contains(category.strip())) {
            p.add(fields.get("category").line(), "category",
                    "分类“" + category + "”不在配置的分类中（可选：" + String.join("、", categories) + "）");
        }
        return category;
    }

    private String author(Map<String, Field> fields, FileProblems p) {
        String author = string(fields, "author", p, false);
        int authorLength = author == null ? 0 : WeChatLimits.chars(author.strip());
        if (authorLength > limits.authorMax()) {
            p.add(fields.get("author").line(), "author", "作者 " + authorLength + " 字，超过"
                    + ceiling(limits.authorMax(), WeChatLimits.AUTHOR_CHARS, "checks.author-max"));
        }
        return author;
    }

    /** The account named, or the first configured one when none is. */
    private String account(Map<String, Field> fields, FileProblems p) {
        String account = string(fields, "account", p, false);
        if (account == null) {
            return accounts.get(0);
        }
        if (!accounts.contains(account.strip())) {
            p.add(fields.get("account").line(), "account",
                    "公众号“" + account + "”未配置（已配置：" + String.join("、", accounts) + "）");
        }
        return account;
    }

    private static String sourceUrl(Map<String, Field> fields, FileProblems p) {
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

    private String digest(Map<String, Field> fields, FileProblems p) {
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

    private static Boolean headingNumbers(Map<String, Field> fields, FileProblems p) {
        return given(fields, "heading_numbers", JsonNode::isBoolean,
                "应为 true（标题按公文格式编号：一、（一）1.（1））或 false（不编号）", p)
                .map(f -> f.value().booleanValue()).orElse(null);
    }

    private Instant publishAt(Map<String, Field> fields, FileProblems p) {
        String raw = string(fields, "publish_at", p, false);
        if (raw == null) {
            return null;
        }
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
            p.add(fields.get("publish_at").line(), "publish_at", "计划发布时间“" + s + "”无效：" + hint);
            return null;
        }
    }

    private static boolean important(Map<String, Field> fields, FileProblems p) {
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

    private static List<Note> notes(Map<String, Field> fields, FileProblems p) {
        List<Note> notes = new ArrayList<>();
        given(fields, "notes", JsonNode::isObject, "备注应写成“术语: 解释”的多行映射", p)
                .ifPresent(f -> f.value().fields().forEachRemaining(e -> {
                    if (!e.getValue().isValueNode() || e.getValue().isNull() || e.getValue().asText().isBlank()) {
                        p.add(f.line(), "notes", "术语“" + e.getKey() + "”缺少解释");
                    } else {
                        notes.add(new Note(e.getKey(), e.getValue().asText()));
                    }
                }));
        return notes;
    }

    private List<String> glossary(Map<String, Field> fields, FileProblems p) {
        List<String> keys = new ArrayList<>();
        given(fields, "glossary", JsonNode::isArray, "应为术语列表，例如 [营商环境]", p).ifPresent(f -> {
            for (JsonNode k : f.value()) {
                String key = k.asText().strip();
                if (!glossaryKeys.contains(key)) {
                    p.add(f.line(), "glossary", "术语库 templates/notes/ 中没有“" + key + "”");
                } else if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
        });
        return keys;
    }

    /**
     * The field when the file gives it (not absent, not null) in the expected {@code kind}; a field of another kind is
     * reported as {@code problem} and treated as absent.
     */
    private static Optional<Field> given(Map<String, Field> fields, String name, Predicate<JsonNode> kind,
                                         String problem, FileProblems p) {
        Field f = fields.get(name);
        if (f == null || f.value().isNull()) {
            return Optional.empty();
        }
        if (!kind.test(f.value())) {
            p.add(f.line(), name, problem);
            return Optional.empty();
        }
        return Optional.of(f);
    }
}

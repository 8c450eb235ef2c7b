package cn.gongkai.web;

import cn.gongkai.intake.ImportProblem;
import cn.gongkai.intake.ImportResult;
import cn.gongkai.intake.ItemImporter;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemQuery;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.AuditLog;
import cn.gongkai.review.ChecksFailedException;
import cn.gongkai.review.ReviewException;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.User;
import cn.gongkai.review.UserException;
import cn.gongkai.review.checks.Finding;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API for items (JSON; every route needs an authenticated user):
 * <pre>
 * GET  /api/me                      who the token belongs to
 * POST /api/items                   create (JSON with Markdown body and base64 images, or multipart); ?submit=true queues
 * GET  /api/items?status=&amp;category=&amp;account=&amp;important=   list
 * GET  /api/items/{id}              the item, where it is in review, and its audit history
 * PUT  /api/items/{id}              replace the content (JSON or multipart); approved or in-review items restart review
 * POST /api/items/{id}/submit       queue a draft or rejected item (pre-publish checks first)
 * POST /api/items/{id}/approve      {"contentHash": "…", "comment": "…"}: contentHash (required) is the hash the
 *                                   reviewer saw; missing or not the current one → 409, nothing recorded
 * POST /api/items/{id}/reject       {"comment": "…"} (required), optional "contentHash" (refused when stale)
 *                                   approve and reject answer the item with "message" and "repeated": a second
 *                                   identical decision by the same user is a success (已同意，无需重复操作)
 * POST /api/items/{id}/reschedule   {"publishAt": "2026-12-08T09:00+08:00" | "now": true, "reason": "…"}: moves the
 *                                   planned time of an approved item, keeping its approvals (drafter or office role)
 * DELETE /api/items/{id}            deletes an item never approved: 204; 409 naming the status; 403 for others
 * </pre>
 * Validation errors are {@code application/problem+json} (RFC 9457) with an {@code errors} list naming each field: 400
 * for a field the request may not have or a value of the wrong JSON type ({@link ItemRequest}), 422 for content the
 * importer refuses.
 */
public final class ItemApi {
    private static final Logger LOG = LoggerFactory.getLogger(ItemApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHANNEL = "接口";
    private static final String USER_ATTRIBUTE = "gongkai.user";
    static final String VALIDATION = "urn:gongkai:problem:validation";
    static final long MAX_REQUEST_BYTES = 40L * 1024 * 1024;
    private static final com.fasterxml.jackson.databind.ObjectReader RESCHEDULE =
            RequestJson.reader(ItemJson.RescheduleRequest.class);

    private final ItemImporter importer;
    private final ReviewService review;
    private final ItemRepository items;
    private final AuditLog audit;
    private final List<Authenticator> authenticators;

    public ItemApi(ItemImporter importer, ReviewService review, ItemRepository items, AuditLog audit,
                   List<Authenticator> authenticators) {
        this.importer = importer;
        this.review = review;
        this.items = items;
        this.audit = audit;
        this.authenticators = List.copyOf(authenticators);
    }

    /** Adds the routes, the authentication filter and the error mapping to a Javalin configuration. */
    void register(RoutesConfig routes) {
        routes.get("/api/me", authed(ctx -> json(ctx, 200, new ItemJson.Me(user(ctx).name(),
                user(ctx).role().id(), user(ctx).role().label()))));
        routes.post("/api/items", authed(this::create));
        routes.get("/api/items", authed(this::list));
        routes.get("/api/items/{id}", authed(ctx -> json(ctx, 200, detail(load(ctx), user(ctx)))));
        routes.put("/api/items/{id}", authed(this::update));
        routes.post("/api/items/{id}/submit", authed(ctx -> {
            DisclosureItem item = load(ctx);
            json(ctx, 200, summary(review.submit(item.id(), user(ctx).name())));
        }));
        routes.post("/api/items/{id}/approve", authed(ctx -> {
            DisclosureItem item = load(ctx);
            ItemJson.DecisionRequest d = decision(ctx);
            if (d.contentHash().isEmpty()) {
                throw new ReviewException(item.id(), "请求没有 contentHash：同意必须注明审核时看到的内容指纹"
                        + "（GET /api/items/" + item.id() + " 返回的 contentHash），未记录同意。当前内容指纹为 "
                        + item.contentHash());
            }
            decided(ctx, review.approval(item.id(), user(ctx).name(), d.contentHash(), d.comment()));
        }));
        routes.post("/api/items/{id}/reject", authed(ctx -> {
            DisclosureItem item = load(ctx);
            ItemJson.DecisionRequest d = decision(ctx);
            decided(ctx, review.rejection(item.id(), user(ctx).name(), d.contentHash(), d.comment()));
        }));
        routes.post("/api/items/{id}/reschedule", authed(this::reschedule));
        routes.delete("/api/items/{id}", authed(ctx -> {
            DisclosureItem item = load(ctx);
            review.delete(item.id(), user(ctx).name(), "经接口删除");
            LOG.info("API: {} deleted item {}", user(ctx).name(), item.id());
            ctx.status(204);
        }));
        registerErrors(routes);
    }

    /** Where a finding is, as staff read it: the paragraph with a short quote, else the line and column. */
    static String located(Finding f) {
        if (f.paragraph() > 0) {
            return f.paragraphLabel() + (f.snippet().isEmpty() ? "" : "（“" + f.snippet() + "”）") + "：";
        }
        return f.line() > 0 ? "第 " + f.line() + " 行第 " + f.column() + " 列：" : "";
    }

    /** Maps the exceptions of the routes to problem answers. */
    private static void registerErrors(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> e.problem.send(ctx));
        routes.exception(ChecksFailedException.class, (e, ctx) -> {
            Problem p = new Problem(422, VALIDATION, "发布前检查未通过", "稿件 " + e.itemId() + " 有 "
                    + e.report().errors().size() + " 个错误，未提交审核");
            for (Finding f : e.report().errors()) {
                p.error(f.field(), f.line(), located(f) + f.message());
            }
            for (Finding f : e.report().warnings()) {
                p.warning(f.field(), f.line(), located(f) + f.message());
            }
            p.send(ctx);
        });
        routes.exception(ReviewException.class, (e, ctx) -> refusal(e).send(ctx));
        routes.exception(UserException.class, (e, ctx) ->
                new Problem(400, "urn:gongkai:problem:user", "用户操作不允许", e.getMessage()).send(ctx));
    }

    /** The handler, run only for an authenticated request. */
    /**
     * How the API answers a refused review action: 403 when the user may not do it at all, 409 when the item's state
     * forbids it. The console answers {@code /api/} paths with this too (its handlers replace the API's).
     */
    static Problem refusal(ReviewException e) {
        return e.forbidden() ? new Problem(403, "urn:gongkai:problem:forbidden", "无权操作", e.getMessage())
                : new Problem(409, "urn:gongkai:problem:review", "审核操作不允许", e.getMessage());
    }

    private Handler authed(Handler handler) {
        return ctx -> {
            authenticate(ctx);
            handler.handle(ctx);
        };
    }

    private void authenticate(Context ctx) {
        for (Authenticator a : authenticators) {
            Optional<User> u = a.authenticate(ctx);
            if (u.isPresent()) {
                ctx.attribute(USER_ATTRIBUTE, u.get());
                return;
            }
        }
        ctx.header("WWW-Authenticate", "Bearer realm=\"gongkai\"");
        throw new ApiException(new Problem(401, "urn:gongkai:problem:unauthorized", "需要登录",
                "请在请求头中带上 Authorization: Bearer 令牌（用 gongkai user token 用户名 创建）"));
    }

    private static User user(Context ctx) {
        User u = ctx.attribute(USER_ATTRIBUTE);
        if (u == null) {
            throw new ApiException(new Problem(401, "urn:gongkai:problem:unauthorized", "需要登录", "请求未通过认证"));
        }
        return u;
    }

    private void create(Context ctx) {
        User user = user(ctx);
        boolean submit = "true".equalsIgnoreCase(ctx.queryParam("submit"));
        ImportResult r;
        if (ctx.isMultipartFormData()) {
            Upload u = upload(ctx);
            submit = submit || "true".equalsIgnoreCase(ctx.formParam("submit"));
            r = importer.createFromUpload(u.fileName, u.bytes, u.images, user.name(), CHANNEL, submit);
        } else {
            ItemRequest req = ItemRequest.read(ctx);
            submit = submit || req.submit();
            r = importer.create(req.fields(), req.body(), req.images(), user.name(), CHANNEL, submit);
        }
        if (!r.ok()) {
            throw invalid(r, "稿件有 " + r.problems().size() + " 个问题，未保存");
        }
        long id = r.newIds().get(0);
        ctx.header("Location", "/api/items/" + id);
        ItemJson.Saved body = ItemJson.Saved.of(summary(items.find(id).orElseThrow()), r.warnings());
        LOG.info("API: {} created item {}{}", user.name(), id, submit ? " and queued it" : " as a draft");
        json(ctx, 201, body);
    }

    private void update(Context ctx) {
        User user = user(ctx);
        DisclosureItem item = load(ctx);
        ImportResult r;
        if (ctx.isMultipartFormData()) {
            Upload u = upload(ctx);
            r = importer.updateFromUpload(item.id(), u.fileName, u.bytes, u.images, user.name(), CHANNEL);
        } else {
            ItemRequest req = ItemRequest.read(ctx);
            r = importer.update(item.id(), req.fields(), req.body(), req.images(), user.name(), CHANNEL);
        }
        if (!r.ok()) {
            throw invalid(r, "稿件 " + item.id() + " 有 " + r.problems().size() + " 个问题，未修改");
        }
        json(ctx, 200, ItemJson.Saved.of(summary(items.find(item.id()).orElseThrow()), r.warnings()));
    }

    private void decided(Context ctx, ReviewService.Decision d) {
        json(ctx, 200, new ItemJson.Decided(summary(d.item()), d.message(), d.repeated()));
    }

    private void reschedule(Context ctx) {
        DisclosureItem item = load(ctx);
        // strict: a misspelt field must not quietly mean "the next slot"
        ItemJson.RescheduleRequest r = RequestJson.read(RESCHEDULE, ctx,
                "{\"publishAt\": \"2026-12-08T09:00+08:00\", \"reason\": \"调整原因\"}");
        if (r.now() && !r.publishAt().isEmpty()) {
            throw new ApiException(new Problem(400, VALIDATION, "请求自相矛盾", "now 与 publishAt 只能给一个："
                    + "立即发布用 \"now\": true，改到某个时间用 publishAt").error("now", 0, "不能与 publishAt 同时给出"));
        }
        Instant at = r.now() ? Instant.now(review.clock()) : time(r.publishAt());
        json(ctx, 200, summary(review.reschedule(item.id(), at, user(ctx).name(), r.reason())));
    }

    /** An ISO time with offset, or a local "yyyy-MM-dd HH:mm" in the review time zone; empty: null. */
    private Instant time(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).atZone(review.policy().zone()).toInstant();
            } catch (DateTimeParseException e2) {
                throw new ApiException(new Problem(400, VALIDATION, "时间格式有误", "publishAt 应为 ISO 时间"
                        + "（如 2026-12-08T09:00+08:00）或 yyyy-MM-dd HH:mm：" + text).error("publishAt", 0, "时间格式有误"));
            }
        }
    }

    private void list(Context ctx) {
        ItemStatus status;
        try {
            status = ctx.queryParam("status") == null ? null : ItemStatus.parse(ctx.queryParam("status"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(new Problem(400, VALIDATION, "查询参数有误", e.getMessage())
                    .error("status", 0, e.getMessage()));
        }
        String important = ctx.queryParam("important");
        ItemQuery query = ItemQuery.all().scope(user(ctx).scope()).status(status).category(ctx.queryParam("category"))
                .account(ctx.queryParam("account"))
                .important(important == null ? null : Boolean.parseBoolean(important));
        json(ctx, 200, new ItemJson.ItemList(items.search(query).stream().map(this::summary).toList()));
    }

    private DisclosureItem load(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ApiException(new Problem(400, VALIDATION, "稿件编号有误", "稿件编号应为整数：" + ctx.pathParam("id"))
                    .error("id", 0, "应为整数"));
        }
        // another unit's item is answered as one that does not exist (issue 19)
        return items.find(id, user(ctx).scope()).orElseThrow(() -> new ApiException(new Problem(404,
                "urn:gongkai:problem:not-found",
                "稿件不存在", "稿件 " + id + " 不存在")));
    }

    private ItemJson.Summary summary(DisclosureItem i) {
        ItemContent c = i.content();
        return new ItemJson.Summary(i.id(), i.title(), i.status().name(), i.status().label(), c.category(),
                c.account(), c.important(), review.waitingFor(i).orElse(null),
                c.publishAt() == null ? null : c.publishAt().toString(), review.dueDate(i).toString(),
                review.overdue(i), i.contentHash(), i.failure());
    }

    /** The item for {@code me}: with whether they may decide its current step, and if not why (ReviewService's words). */
    private ItemJson.Detail detail(DisclosureItem i, User me) {
        ReviewService.Eligibility eligibility = review.eligibility(me, i);
        return ItemJson.Detail.of(summary(i), i, eligibility.allowed(),
                i.status() == ItemStatus.IN_REVIEW ? eligibility.reason() : "", review.steps(i), audit.history(i.id()));
    }

    /** A multipart upload: the item file (part "item" or "file") and image files by their names. */
    private record Upload(String fileName, byte[] bytes, Map<String, byte[]> images) {
    }

    private static Upload upload(Context ctx) {
        UploadedFile item = ctx.uploadedFile("item");
        if (item == null) {
            item = ctx.uploadedFile("file");
        }
        if (item == null) {
            throw new ApiException(new Problem(422, VALIDATION, "缺少稿件文件",
                    "multipart 请求须在 item（或 file）字段中上传 .md 或 .docx 稿件文件")
                    .error("item", 0, "缺少稿件文件（.md 或 .docx）"));
        }
        Map<String, byte[]> images = new LinkedHashMap<>();
        long total = 0;
        byte[] bytes = read(item);
        total += bytes.length;
        for (UploadedFile f : ctx.uploadedFiles()) {
            if (f.filename().equals(item.filename()) && f.size() == bytes.length) {
                continue;
            }
            byte[] b = read(f);
            total += b.length;
            images.put(f.filename(), b);
        }
        if (total > MAX_REQUEST_BYTES) {
            throw new ApiException(new Problem(413, VALIDATION, "请求过大", "上传的文件合计超过 "
                    + MAX_REQUEST_BYTES / (1024 * 1024) + " MB"));
        }
        return new Upload(item.filename(), bytes, images);
    }

    private static byte[] read(UploadedFile f) {
        try (InputStream in = f.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ApiException(new Problem(400, VALIDATION, "上传文件无法读取", f.filename() + "：" + e.getMessage()));
        }
    }

    private static ItemJson.DecisionRequest decision(Context ctx) {
        return body(ctx, ItemJson.DecisionRequest.class, ItemJson.DecisionRequest.EMPTY,
                "{\"contentHash\": \"内容指纹\", \"comment\": \"审核意见\"}");
    }

    /** A small JSON object body as {@code type}; {@code empty} when there is none or it is not an object. */
    private static <T> T body(Context ctx, Class<T> type, T empty, String example) {
        String raw = ctx.body();
        if (raw == null || raw.isBlank()) {
            return empty;
        }
        try {
            JsonNode node = JSON.readTree(raw);
            return node != null && node.isObject() ? JSON.treeToValue(node, type) : empty;
        } catch (JsonProcessingException e) {
            throw new ApiException(new Problem(400, VALIDATION, "请求不是有效的 JSON", e.getOriginalMessage())
                    .error("(body)", 0, "应为 " + example));
        }
    }

    private static ApiException invalid(ImportResult r, String detail) {
        Problem p = new Problem(422, VALIDATION, "稿件有问题，未保存", detail);
        for (ImportProblem ip : r.problems()) {
            p.error(fieldName(ip.field()), ip.line(), ip.message());
        }
        for (ImportProblem w : r.warnings()) {
            p.warning(fieldName(w.field()), w.line(), w.message());
        }
        return new ApiException(p);
    }

    /** The field name as the JSON request spells it. */
    static String fieldName(String field) {
        return switch (field) {
            case "正文" -> "body";
            case "图片" -> "images";
            case "" -> "(item)";
            default -> field;
        };
    }

    private static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json;charset=utf-8").result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }

    /** Ends a request with a problem answer. */
    static final class ApiException extends RuntimeException {
        private final transient Problem problem;

        ApiException(Problem problem) {
            super(null, null, false, false);
            this.problem = problem;
        }
    }
}

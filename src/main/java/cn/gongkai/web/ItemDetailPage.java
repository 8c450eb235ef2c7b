package cn.gongkai.web;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.render.RenderException;
import cn.gongkai.render.RenderedArticle;
import cn.gongkai.review.ApprovedSnapshots;
import cn.gongkai.review.AuditAction;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.AuditLog;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.ReviewText;
import cn.gongkai.review.Role;
import cn.gongkai.review.User;
import cn.gongkai.review.checks.CheckReport;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One item ({@code /items/{id}}): the WeChat preview, check results, the review steps, the diff against the last approved version and the audit history. */
final class ItemDetailPage {
    private static final Set<ItemStatus> EDITABLE = Set.of(ItemStatus.DRAFT, ItemStatus.IN_REVIEW,
            ItemStatus.REJECTED, ItemStatus.APPROVED, ItemStatus.FAILED);

    /** What the item page reads. */
    record Uses(ReviewService review, AuditLog audit, ArticleRenderer renderer, ApprovedSnapshots snapshots,
               Site site) {
    }

    private final Uses s;
    private final Views views;
    private final ItemPages items;

    ItemDetailPage(Uses services, Views views, ItemPages items) {
        this.s = services;
        this.views = views;
        this.items = items;
    }
    void register(RoutesConfig routes) {
        routes.get("/items/{id}", this::detail);
    }

    private void detail(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        DisclosureItem item = items.load(ItemPages.id(ctx));
        ItemContent c = item.content();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("active", item.status() == ItemStatus.IN_REVIEW ? "review" : "items");
        model.put("item", items.summary(item));
        model.put("contentHash", item.contentHash());
        model.put("content", contentModel(c));
        putPreview(c, model);
        CheckReport report = s.review().queueChecks(c, item.createdAt().atZone(views.zone()).toLocalDate());
        model.put("findings", ItemPages.findings(report));
        List<AuditEntry> history = s.audit().history(item.id());
        model.put("steps", steps(item, history));
        model.put("history", history(history));
        model.putAll(diff(item, history));
        putPermissions(me, item, model);
        views.page(ctx, "item.ftlh", model);
    }

    private void putPreview(ItemContent c, Map<String, Object> model) {
        model.put("preview", "");
        model.put("previewError", "");
        try {
            RenderedArticle a = s.renderer().render(c, s.site().accountName(c.account()), ItemPages::imageUrl);
            model.put("preview", a.html());
            model.put("digest", a.digest());
        } catch (RenderException e) {
            model.put("previewError", e.getMessage());
        }
    }

    /** What this user may do to the item here, and why not review when it is in review. */
    private void putPermissions(User me, DisclosureItem item, Map<String, Object> model) {
        ReviewService.Eligibility eligibility = s.review().eligibility(me, item);
        model.put("canReview", eligibility.allowed());
        model.put("cannotReview", item.status() == ItemStatus.IN_REVIEW ? eligibility.reason() : "");
        model.put("canEdit", EDITABLE.contains(item.status()));
        model.put("canSubmit", item.status() == ItemStatus.DRAFT || item.status() == ItemStatus.REJECTED);
        model.put("canRequeue", item.status() == ItemStatus.FAILED && (me.role() == Role.ADMIN
                || List.of(ItemPages.PUBLISHERS).contains(me.role())));
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
        m.put("images", c.images().stream().map(i -> Map.of("name", i.fileName(), "url", ItemPages.imageUrl(i),
                "caption", i.caption())).toList());
        return m;
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
}

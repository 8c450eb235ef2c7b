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
import java.util.List;
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
        s.review().readingAhead(List.of(item), () -> {
            show(ctx, me, item);
            return null;
        });
    }

    private void show(Context ctx, User me, DisclosureItem item) {
        ItemContent c = item.content();
        CheckReport report = s.review().queueChecks(c, item.createdAt().atZone(views.zone()).toLocalDate());
        List<AuditEntry> history = s.audit().history(item.id());
        ItemDetailView view = new ItemDetailView(items.summary(item), item.contentHash(), content(c), preview(c),
                ItemPages.findings(report), steps(item, history), history(history), comparison(item, history),
                permissions(me, item));
        views.page(ctx, item.status() == ItemStatus.IN_REVIEW ? "review" : "items", "item.ftlh", view);
    }

    private ItemDetailView.Preview preview(ItemContent c) {
        try {
            RenderedArticle a = s.renderer().render(c, s.site().accountName(c.account()), ItemPages::imageUrl);
            return new ItemDetailView.Preview(a.html(), "", a.digest());
        } catch (RenderException e) {
            return new ItemDetailView.Preview("", e.getMessage(), null);
        }
    }

    /** What this user may do to the item here, and why not review when it is in review. */
    private ItemDetailView.Permissions permissions(User me, DisclosureItem item) {
        ReviewService.Eligibility eligibility = s.review().eligibility(me, item);
        return new ItemDetailView.Permissions(eligibility.allowed(),
                item.status() == ItemStatus.IN_REVIEW ? eligibility.reason() : "", EDITABLE.contains(item.status()),
                item.status() == ItemStatus.DRAFT || item.status() == ItemStatus.REJECTED,
                item.status() == ItemStatus.FAILED && (me.role() == Role.ADMIN
                        || List.of(ItemPages.PUBLISHERS).contains(me.role())),
                s.review().deletable(me, item), s.review().reschedulable(me, item));
    }

    private ItemDetailView.Content content(ItemContent c) {
        return new ItemDetailView.Content(c.title(), c.category(), c.author(), c.department(), c.docNo(),
                c.sourceUrl(), views.time(c.publishAt()),
                c.notes().stream().map(n -> new ItemDetailView.Note(n.term(), n.explanation())).toList(),
                c.images().stream().map(i -> new ItemDetailView.Image(i.fileName(), ItemPages.imageUrl(i),
                        i.caption())).toList());
    }

    /** The review steps with who approved each for the current text. */
    private List<ItemDetailView.Step> steps(DisclosureItem item, List<AuditEntry> history) {
        List<String> steps = s.review().steps(item);
        int current = s.review().currentStep(item);
        List<ItemDetailView.Step> out = new ArrayList<>();
        for (int n = 0; n < steps.size(); n++) {
            String by = "";
            for (AuditEntry e : history) {
                if (AuditAction.APPROVE.is(e) && e.step() == n && e.contentHash().equals(item.contentHash())) {
                    by = AuditEntry.actorLabel(e.actor()) + " " + views.time(e.at());
                }
            }
            out.add(new ItemDetailView.Step(ReviewService.roleLabel(steps.get(n)), stepState(item, n, current), by));
        }
        return out;
    }

    private static String stepState(DisclosureItem item, int n, int current) {
        if (item.status() == ItemStatus.APPROVED || item.status() == ItemStatus.PUBLISHING
                || item.status() == ItemStatus.PUBLISHED || n < current) {
            return "done";
        }
        return item.status() == ItemStatus.IN_REVIEW && n == current ? "current" : "todo";
    }

    private List<ItemDetailView.HistoryRow> history(List<AuditEntry> history) {
        return history.stream().map(e -> new ItemDetailView.HistoryRow(views.time(e.at()),
                AuditEntry.actorLabel(e.actor()),
                e.role().isEmpty() ? "" : ReviewService.roleLabel(e.role()), AuditAction.labelOf(e.decision()),
                e.comment(), e.contentHash().length() > 8 ? e.contentHash().substring(0, 8) : e.contentHash(),
                e.checks().equals("检查通过") ? "" : e.checks())).toList();
    }

    /** The diff of the current text against the last approved version of an earlier text. */
    private ItemDetailView.Comparison comparison(DisclosureItem item, List<AuditEntry> history) {
        String now = ReviewText.of(item.content(), views.zone());
        AuditEntry last = null;
        for (AuditEntry e : history) {
            if (AuditAction.APPROVE.is(e) && !e.contentHash().equals(item.contentHash())) {
                last = e;
            }
        }
        if (last == null) {
            return new ItemDetailView.Comparison(now, "这是第一次送审的版本，没有以前审定的版本可比较。", List.of());
        }
        var before = s.snapshots().find(item.id(), last.contentHash());
        if (before.isEmpty()) {
            return new ItemDetailView.Comparison(now, "上次审定的版本（" + views.time(last.at()) + "，" + last.actor()
                    + "）的文字没有保存，无法比较。", List.of());
        }
        List<LineDiff.Line> lines = LineDiff.of(before.get(), now);
        return new ItemDetailView.Comparison(now, LineDiff.changed(lines) ? "与上次审定的版本（"
                + views.time(last.at()) + " " + last.actor() + " 同意）相比的改动：绿色为新增，红色为删除。"
                : "与上次审定的版本文字相同。",
                lines.stream().map(l -> new ItemDetailView.DiffLine(l.kindName(), l.text())).toList());
    }
}

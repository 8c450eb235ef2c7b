package cn.gongkai.web;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.LedgerRepository;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.render.RenderException;
import cn.gongkai.render.RenderedArticle;
import cn.gongkai.review.ApprovedSnapshots;
import cn.gongkai.review.AuditAction;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.AuditLog;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.Role;
import cn.gongkai.review.User;
import cn.gongkai.review.checks.CheckReport;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One item ({@code /items/{id}}), also the review page of an item in review: the feed card and the whole WeChat
 * preview, check results, the review steps, the diff against the version last reviewed, where it was published and
 * the audit history.
 */
final class ItemDetailPage {
    private static final Set<ItemStatus> EDITABLE = Set.of(ItemStatus.DRAFT, ItemStatus.IN_REVIEW,
            ItemStatus.REJECTED, ItemStatus.APPROVED, ItemStatus.FAILED);

    /** What the item page reads. */
    record Uses(ReviewService review, AuditLog audit, ArticleRenderer renderer, ApprovedSnapshots snapshots,
               LedgerRepository ledger, Site site) {
    }

    private final Uses s;
    private final Views views;
    private final ItemPages items;
    private final ReviewComparison comparison;
    private final PublishedLinks published;
    private final PortalItemStatus portals;

    ItemDetailPage(Uses services, Views views, ItemPages items, PortalItemStatus portals) {
        this.s = services;
        this.views = views;
        this.items = items;
        this.comparison = new ReviewComparison(services.snapshots(), views);
        this.published = new PublishedLinks(services.ledger(), views);
        this.portals = portals;
    }
    void register(RoutesConfig routes) {
        routes.get("/items/{id}", this::detail);
    }

    private void detail(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        DisclosureItem item = items.load(ItemPages.id(ctx), me.scope());
        s.review().readingAhead(List.of(item), () -> {
            show(ctx, me, item);
            return null;
        });
    }

    private void show(Context ctx, User me, DisclosureItem item) {
        ItemContent c = item.content();
        CheckReport report = s.review().queueChecks(c, item.createdAt().atZone(views.zone()).toLocalDate());
        List<AuditEntry> history = s.audit().history(item.id());
        ItemDetailView.Preview preview = preview(c);
        ItemDetailView view = new ItemDetailView(items.summary(item), item.contentHash(), content(c), preview,
                card(c, preview), ItemPages.findings(report), steps(item, history), history(history),
                comparison.of(item, history), published.of(me, item), phone(me, c), permissions(me, item),
                portals.of(me, item));
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

    private static ItemDetailView.FeedCard card(ItemContent c, ItemDetailView.Preview preview) {
        ItemImage cover = c.effectiveCover();
        return new ItemDetailView.FeedCard(c.title(), preview.digest() == null ? c.digest() : preview.digest(),
                cover == null ? "" : ItemPages.imageUrl(cover));
    }

    private ItemDetailView.PhoneTargets phone(User me, ItemContent c) {
        return s.site().config().account(c.account()).map(a -> new ItemDetailView.PhoneTargets(
                a.previewTo().keySet().stream().sorted().toList(),
                a.previewTo().containsKey(me.name()) ? me.name() : "", a.sandbox()))
                .orElse(new ItemDetailView.PhoneTargets(List.of(), "", false));
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
}

package cn.gongkai.web;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ImageStore;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.portal.DeliveryState;
import cn.gongkai.portal.InternalAdoption;
import cn.gongkai.portal.InternalInbox;
import cn.gongkai.review.Role;
import cn.gongkai.review.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * 报送收件箱 ({@code /inbox}): what other units delivered to this unit inside the instance ({@code delivery:
 * internal}), for its office (office director, office leader, its administrator). One incoming item
 * ({@code /inbox/{portal}/{item}}) shows its text (escaped) and pictures, with 采用 (a new DRAFT item in this unit)
 * and 不采用. Anyone else — another unit's staff, this unit's other roles, the district roles — is answered as for
 * an address that does not exist, and so are rows of portals that deliver elsewhere.
 */
final class PortalInboxPage {
    static final Role[] OFFICE = {Role.OFFICE_DIRECTOR, Role.OFFICE_LEADER};

    /** What the page reads and runs. */
    record Uses(InternalInbox inbox, InternalAdoption adoption, ItemRepository items, ImageStore images) {
    }

    /** What {@code portal-inbox.ftlh} shows. */
    public record View(List<Row> rows) {
    }

    /** One incoming item; {@code adoptedItem} is 0 unless it was adopted here. */
    public record Row(String portalId, long itemId, String sender, String title, String category, String sent,
                      String state, String stateLabel, long adoptedItem) {
        public String href() {
            return "/inbox/" + portalId + "/" + itemId;
        }
    }

    /** What {@code portal-inbox-item.ftlh} shows: the row, the text as written, its pictures and whether to act. */
    public record ItemView(Row row, String body, String author, List<Picture> pictures, boolean open) {
    }

    /** One picture of the incoming item, served by this page. */
    public record Picture(String src, String caption, String alt) {
    }

    private final Uses s;
    private final Views views;

    PortalInboxPage(Uses uses, Views views) {
        this.s = uses;
        this.views = views;
    }

    void register(RoutesConfig routes) {
        routes.get("/inbox", this::list);
        routes.get("/inbox/{portal}/{item}", this::one);
        routes.get("/inbox/{portal}/{item}/images/{sha}", this::image);
        routes.post("/inbox/{portal}/{item}/adopt", this::adopt);
        routes.post("/inbox/{portal}/{item}/decline", this::decline);
    }

    /** The office's unit; anyone else gets 404, as for a page that does not exist. */
    private String officeUnit(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        if (me.unitId() == null || !ConsoleAccess.holds(me, OFFICE) || !s.inbox().receives(me.unitId())) {
            throw new NotFound("找不到这个页面。");
        }
        return me.unitId();
    }

    private void list(Context ctx) {
        String unit = officeUnit(ctx);
        views.page(ctx, Views.INBOX, "portal-inbox.ftlh", new View(s.inbox().list(unit).stream().map(this::row)
                .toList()));
    }

    private void one(Context ctx) {
        InternalInbox.Incoming in = incoming(ctx, officeUnit(ctx));
        DisclosureItem item = source(in);
        Row row = row(in);
        List<Picture> pictures = new ArrayList<>();
        for (ItemImage image : images(item).toList()) {
            pictures.add(new Picture(row.href() + "/images/" + image.sha256(), image.caption(), image.alt()));
        }
        views.page(ctx, Views.INBOX, "portal-inbox-item.ftlh", new ItemView(row, item.content().body(),
                item.content().author(), pictures, in.delivery().state() != DeliveryState.ADOPTED));
    }

    private void image(Context ctx) {
        DisclosureItem item = source(incoming(ctx, officeUnit(ctx)));
        String sha = ctx.pathParam("sha");
        if (images(item).noneMatch(i -> i.sha256().equals(sha))) {
            throw new NotFound("这篇稿件没有这张图片。");
        }
        byte[] bytes = s.images().get(sha).orElseThrow(() -> new NotFound("图片文件已不在图片库中。"));
        ctx.header("Cache-Control", "private, max-age=3600");
        ctx.contentType(ImageKinds.mimeOf(bytes)).result(bytes);
    }

    private void adopt(Context ctx) {
        String unit = officeUnit(ctx);
        InternalInbox.Incoming in = incoming(ctx, unit);
        User me = ConsoleAccess.user(ctx);
        try {
            DisclosureItem made = s.adoption().adopt(unit, in.delivery().portalId(), in.delivery().itemId(), me.name());
            ConsoleAccess.flash(ctx, "已采用：已在本单位起草稿件 " + made.id() + "（草稿），请修改后提交审核。"
                    + in.sendingUnitName() + "的报送统计已记为采用。", false);
            ctx.redirect("/items/" + made.id());
        } catch (IllegalArgumentException e) {
            back(ctx, row(in), e.getMessage(), true);
        }
    }

    private void decline(Context ctx) {
        String unit = officeUnit(ctx);
        InternalInbox.Incoming in = incoming(ctx, unit);
        try {
            s.adoption().decline(unit, in.delivery().portalId(), in.delivery().itemId(),
                    ConsoleAccess.user(ctx).name());
            back(ctx, row(in), "已登记：不采用这篇报送。", false);
        } catch (IllegalArgumentException e) {
            back(ctx, row(in), e.getMessage(), true);
        }
    }

    private static void back(Context ctx, Row row, String message, boolean error) {
        ConsoleAccess.flash(ctx, message, error);
        ctx.redirect(row.href());
    }

    private InternalInbox.Incoming incoming(Context ctx, String unit) {
        long itemId;
        try {
            itemId = Long.parseLong(ctx.pathParam("item"));
        } catch (NumberFormatException e) {
            throw new NotFound("稿件编号应为数字。");
        }
        return s.inbox().find(unit, ctx.pathParam("portal"), itemId)
                .orElseThrow(() -> new NotFound("报送收件箱中没有这篇稿件。"));
    }

    private DisclosureItem source(InternalInbox.Incoming in) {
        return s.items().find(in.delivery().itemId()).orElseThrow(() -> new NotFound("报送的原稿件已不存在。"));
    }

    private static Stream<ItemImage> images(DisclosureItem item) {
        ItemImage cover = item.content().cover();
        return Stream.concat(item.content().images().stream(), cover == null ? Stream.empty() : Stream.of(cover))
                .distinct();
    }

    private Row row(InternalInbox.Incoming in) {
        var d = in.delivery();
        return new Row(d.portalId(), d.itemId(), in.sendingUnitName(), d.title(), d.category(),
                views.time(d.sentAt()), d.state().name(), label(d.state()), in.adoptedItemId().orElse(0L));
    }

    /** The state as the receiving office says it. */
    static String label(DeliveryState state) {
        return switch (state) {
            case ADOPTED -> "已采用";
            case NOT_ADOPTED -> "不采用";
            default -> "待处理";
        };
    }
}

package cn.gongkai.web;

import cn.gongkai.item.ItemRepository;
import cn.gongkai.review.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Before every console route under {@code /items/{id}} (the page, the editor, every action on the item): an item
 * outside the user's scope (another unit's) is not found — 404 with the words of an id that never existed — before
 * the route reads or changes anything, so that no route answers 403, a redirect or a message naming it. The REST
 * API's item routes ask within the token's scope themselves ({@link ItemApi}).
 *
 * <p>The guard reads the raw path, the routes their decoded path parameter. So that both always mean the same
 * item, a segment after {@code /items/} is either one of the fixed pages ({@code new}, {@code autosave}) or a
 * canonical id — digits without a sign, leading zero or escape; anything else ({@code +1}, {@code 0001},
 * {@code %31}) is not found here, before a route could read it as an id the guard did not check.
 */
final class ItemScopeGuard {
    private static final Pattern ITEM_PATH = Pattern.compile("/items/([^/]+)(?:/.*)?");
    private static final Pattern CANONICAL_ID = Pattern.compile("[1-9]\\d{0,17}");
    private static final java.util.Set<String> FIXED_PAGES = java.util.Set.of("new", "autosave");

    private final ItemRepository items;

    ItemScopeGuard(ItemRepository items) {
        this.items = items;
    }

    /** Registers the guard; it must come after the login guard, which sets the user. */
    void register(RoutesConfig routes) {
        routes.before(this::guard);
    }

    private void guard(Context ctx) {
        Matcher m = ITEM_PATH.matcher(ctx.path());
        User user = ConsoleAccess.currentUser(ctx);
        if (!m.matches() || user == null || FIXED_PAGES.contains(m.group(1))) {
            return;
        }
        if (!CANONICAL_ID.matcher(m.group(1)).matches()) {
            throw new NotFound("稿件编号应为数字");
        }
        long id = Long.parseLong(m.group(1));
        if (items.find(id, user.scope()).isEmpty()) {
            throw new NotFound("稿件 " + id + " 不存在");
        }
    }
}

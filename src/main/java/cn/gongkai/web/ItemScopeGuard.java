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
 */
final class ItemScopeGuard {
    private static final Pattern ITEM_PATH = Pattern.compile("/items/(\\d{1,18})(?:/.*)?");

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
        if (!m.matches() || user == null) {
            return;
        }
        long id = Long.parseLong(m.group(1));
        if (items.find(id, user.scope()).isEmpty()) {
            throw new NotFound("稿件 " + id + " 不存在");
        }
    }
}

package cn.gongkai.web;

import cn.gongkai.review.User;
import cn.gongkai.review.UserException;
import cn.gongkai.review.Users;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.function.BiFunction;

/**
 * The staff forms 系统 and 单位 share: adding a user with the first password typed twice (the administrator tells it
 * to the person; it is wiped from memory once used), and disabling or enabling an account.
 */
final class StaffForms {
    private StaffForms() {
    }

    /** Adds the user of the form's {@code name}, {@code password} and {@code password2} through {@code adding}. */
    static User addUser(Context ctx, BiFunction<String, char[], User> adding) {
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        char[] pw = password(ctx);
        try {
            return adding.apply(name, pw);
        } finally {
            Arrays.fill(pw, ' ');
        }
    }

    /** What the administrator is told after adding {@code user}. */
    static String added(User user) {
        return "已添加用户“" + user.name() + "”（" + user.role().label() + "）。请把用户名和初始密码告诉本人。";
    }

    /** The form's new password, typed twice ({@code password}, {@code password2}). */
    static char[] password(Context ctx) {
        String p1 = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        String p2 = ctx.formParam("password2") == null ? "" : ctx.formParam("password2");
        if (!p1.equals(p2)) {
            throw new UserException("两次输入的密码不一致");
        }
        return p1.toCharArray();
    }

    /**
     * Disables or enables {@code name}; disabling ends their sessions (and, in the store, their API tokens) at once.
     *
     * @return what the administrator is told
     */
    static String setDisabled(Users users, ConsoleAccess access, String name, boolean disable) {
        boolean changed = users.setDisabled(name, disable);
        if (disable) {
            access.endSessionsOf(name);
        }
        return !changed ? "用户“" + name + "”本来就" + (disable ? "已停用" : "处于启用状态") + "。"
                : disable ? "已停用用户“" + name + "”：不能再登录，已登录的会话和接口令牌已全部失效。"
                : "已启用用户“" + name + "”：可以重新登录；接口令牌需要重新创建。";
    }
}

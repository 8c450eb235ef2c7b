package cn.gongkai.review;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.Reviewable;
import cn.gongkai.item.ItemStatus;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may act on an item: the acting user must exist and be enabled; the one home of the rules on whether a user
 * may decide the step an item waits on.
 */
final class Reviewers {
    /** The roles that may manage any item outside the chain. */
    private static final Set<Role> OFFICE = EnumSet.of(Role.OFFICE_DIRECTOR, Role.OFFICE_LEADER, Role.ADMIN);

    private final UserRepository users;
    private final ChainProgress progress;

    Reviewers(UserRepository users, ChainProgress progress) {
        this.users = users;
        this.progress = progress;
    }

    /** The enabled user named {@code actor}; refused with a message that says how to fix it otherwise. */
    User require(long itemId, String actor) {
        if (actor == null || actor.isBlank()) {
            throw new ReviewException(itemId, "没有指明操作人（--as 用户名）");
        }
        User user = users.find(actor.strip()).orElseThrow(() -> new ReviewException(itemId, "用户“" + actor
                + "”不存在，请先用 gongkai user add " + actor.strip() + " --role 角色 创建"));
        if (user.disabled()) {
            throw new ReviewException(itemId, disabled(user));
        }
        if (user.role().district()) {
            throw ReviewException.forbidden(itemId, user.name() + " 是" + user.role().label()
                    + "：区政府办的角色只能查看稿件，不能提交、修改、审核或删除");
        }
        return user;
    }

    /**
     * Refuses an item just stored by {@code actor} when the actor is a user who may not make it: one of the district
     * office (they act on no item) or of another unit than the item's (its account belongs to another unit). An actor
     * that is no user (a channel such as the inbox or the OA source) is not checked here.
     */
    void requireAuthor(DisclosureItem item, String actor) {
        Optional<User> user = actor == null ? Optional.empty() : users.find(actor.strip());
        if (user.isEmpty()) {
            return;
        }
        if (user.get().role().district()) {
            throw ReviewException.forbidden(item.id(), user.get().name() + " 是" + user.get().role().label()
                    + "：区政府办的角色只能查看稿件，不能写稿件");
        }
        if (!user.get().unitId().equals(item.unitId())) {
            throw ReviewException.forbidden(item.id(), "公众号 " + item.content().account() + " 不属于 "
                    + user.get().name() + " 所在的单位，不能为它写稿件");
        }
    }

    /**
     * Whether {@code user} may approve the current step: the item is in review, the user is enabled and holds the
     * step's role, did not submit or edit the item, and approved no earlier step of this text.
     */
    ReviewService.Eligibility toApprove(User user, Reviewable item) {
        ReviewService.Eligibility step = toReject(user, item);
        if (!step.allowed()) {
            return step;
        }
        if (progress.authors(item).contains(user.name())) {
            return ReviewService.Eligibility.no("不能审核自己提交或修改的稿件（" + user.name() + " 提交或修改过本稿件）");
        }
        return progress.earlierApprovalBy(user.name(), item)
                .map(e -> ReviewService.Eligibility.no(user.name() + " 已审核过第 " + (e.step() + 1)
                        + " 步，同一人不能审核两步"))
                .orElse(ReviewService.Eligibility.YES);
    }

    /**
     * Whether an edit by {@code user} now is a proofreading change within the current step (the chain does not
     * restart): the item is in review and the user may decide the step it waits on.
     */
    boolean proofreads(User user, Reviewable item) {
        return item.status() == ItemStatus.IN_REVIEW && toApprove(user, item).allowed();
    }

    /** The part of {@link #toApprove} a rejection needs: in review, user enabled and holding the step's role. */
    ReviewService.Eligibility toReject(User user, Reviewable item) {
        if (!sameUnit(user, item)) {
            // another unit's item is one that does not exist, for review as everywhere (issue 19)
            return ReviewService.Eligibility.no("稿件 " + item.id() + " 不存在");
        }
        Optional<String> waiting = progress.waitingFor(item);
        if (waiting.isEmpty()) {
            return ReviewService.Eligibility.no("当前状态为“" + item.status().label() + "”，不在审核中");
        }
        if (user.disabled()) {
            return ReviewService.Eligibility.no(disabled(user));
        }
        String role = waiting.get();
        if (!user.role().id().equals(role)) {
            return ReviewService.Eligibility.no("当前步骤需要" + ReviewService.roleLabel(role) + "审核，"
                    + user.name() + " 的角色是" + user.role().label());
        }
        return ReviewService.Eligibility.YES;
    }

    /**
     * Of {@code roles}, those no enabled user of {@code unit} holds, in their order, each once: review rights never
     * cross units, so another unit's 主要领导 signs nothing here.
     */
    List<String> unheld(String unit, Collection<String> roles) {
        Set<String> held = new HashSet<>();
        for (User u : users.list()) {
            if (u.active() && unit.equals(u.unitId())) {
                held.add(u.role().id());
            }
        }
        return roles.stream().distinct().filter(r -> !held.contains(r)).toList();
    }

    /**
     * Whether {@code user} may manage the item outside the chain (delete it, move its planned time): one of its
     * authors, or an office role ({@link #OFFICE}); refused, naming who may, otherwise.
     */
    void requireManager(User user, Reviewable item, String what) {
        if (!mayManage(user, item)) {
            throw ReviewException.forbidden(item.id(), user.name() + "（" + user.role().label() + "）不能" + what
                    + "：只有起草人或办公室主任、办公室分管领导、管理员可以");
        }
    }

    /** See {@link #requireManager}. */
    boolean mayManage(User user, Reviewable item) {
        return user.active() && sameUnit(user, item)
                && (OFFICE.contains(user.role()) || progress.authors(item).contains(user.name()));
    }

    /** Whether the user works in the item's unit (the district office's people work in none). */
    private static boolean sameUnit(User user, Reviewable item) {
        return user.unitId() != null && user.unitId().equals(item.unitId());
    }

    private static String disabled(User user) {
        return "用户“" + user.name() + "”已停用，不能审核或提交稿件；如需恢复请管理员运行 gongkai user enable " + user.name();
    }
}

package cn.gongkai.review;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * How review works here, from configuration.
 *
 * @param chain           role id of each step after drafting; empty: items arrive approved (approved in the OA)
 * @param importantChain  role ids of the extra steps an item marked 重要 needs after the chain (主要领导签发)
 * @param dueWorkingDays  working days from creation within which an item should be published (条例 art. 26: 20)
 * @param zone            the time zone dates are counted in
 * @param calendar        which days are working days: the State Council's holiday notices with their 调休 weekends
 */
public record ReviewPolicy(List<String> chain, List<String> importantChain, int dueWorkingDays, ZoneId zone,
                           HolidayCalendar calendar) {
    public ReviewPolicy {
        chain = roles(chain, "chain");
        importantChain = roles(importantChain, "importantChain");
        if (dueWorkingDays < 1) {
            throw new IllegalArgumentException("dueWorkingDays must be at least 1: " + dueWorkingDays);
        }
        if (zone == null) {
            throw new IllegalArgumentException("zone must not be null");
        }
        if (calendar == null) {
            throw new IllegalArgumentException("calendar must not be null");
        }
    }

    /** A policy whose working days are Monday to Friday (no holiday calendar). */
    public ReviewPolicy(List<String> chain, List<String> importantChain, int dueWorkingDays, ZoneId zone) {
        this(chain, importantChain, dueWorkingDays, zone, HolidayCalendar.weekendsOnly());
    }

    /** The seed's three steps, 主要领导签发 for important items, 20 working days, Asia/Shanghai. */
    public static ReviewPolicy of(List<String> chain) {
        return new ReviewPolicy(chain, List.of(Role.PRINCIPAL_LEADER.id()), 20, ZoneId.of("Asia/Shanghai"));
    }

    /** The steps an item goes through: the chain, plus the important steps when it is marked 重要. */
    public List<String> stepsFor(boolean important) {
        if (chain.isEmpty() || !important) {
            return chain;
        }
        List<String> all = new ArrayList<>(chain);
        all.addAll(importantChain);
        return List.copyOf(all);
    }

    private static List<String> roles(List<String> ids, String field) {
        if (ids == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            Role role = Role.parse(id);
            if (role == Role.DRAFTER || role == Role.ADMIN || role.district()) {
                throw new IllegalArgumentException(field + " may not hold the role " + role.id()
                        + ": drafters, admins and the district office do not review");
            }
            out.add(role.id());
        }
        return List.copyOf(out);
    }
}

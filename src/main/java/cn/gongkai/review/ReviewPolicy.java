package cn.gongkai.review;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
                           HolidayCalendar calendar, Map<String, Chains> units, Map<String, String> accountUnits) {

    /** A unit's own chain and important-item steps (a district's units may review differently, issue 19). */
    public record Chains(List<String> chain, List<String> importantChain) {
        public Chains {
            chain = roles(chain, "chain");
            importantChain = roles(importantChain, "importantChain");
        }
    }

    public ReviewPolicy {
        chain = roles(chain, "chain");
        importantChain = roles(importantChain, "importantChain");
        units = Map.copyOf(units);
        accountUnits = Map.copyOf(accountUnits);
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

    /** One chain for everything (a single bureau, or a district whose units all review alike). */
    public ReviewPolicy(List<String> chain, List<String> importantChain, int dueWorkingDays, ZoneId zone,
                        HolidayCalendar calendar) {
        this(chain, importantChain, dueWorkingDays, zone, calendar, Map.of(), Map.of());
    }

    /** The chain of {@code unit}: its own when it has one, else the configured one. */
    public List<String> chain(String unit) {
        Chains own = unit == null ? null : units.get(unit);
        return own == null ? chain : own.chain();
    }

    /** The extra steps of an important item of {@code unit}. */
    public List<String> importantChain(String unit) {
        Chains own = unit == null ? null : units.get(unit);
        return own == null ? importantChain : own.importantChain();
    }

    /** The chain of the unit an account belongs to (what a new item on that account goes through). */
    public List<String> chainOfAccount(String account) {
        return chain(account == null ? null : accountUnits.get(account));
    }

    /** The steps of an item of {@code unit}: its unit's chain, and for an important one the extra steps too. */
    public List<String> stepsFor(String unit, boolean important) {
        List<String> base = chain(unit);
        if (base.isEmpty() || !important) {
            return base;
        }
        List<String> all = new ArrayList<>(base);
        all.addAll(importantChain(unit));
        return List.copyOf(all);
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

package cn.gongkai.item;

import java.util.Objects;
import java.util.Optional;

/**
 * Whose items a question may see and change: one unit (单位) of the district, or the whole district (the district
 * office's roles, and the program's own jobs such as the publisher). Decided once at the edge from who asks (the
 * console session's user, an API token, the CLI's unit) and passed to every repository method that answers a person:
 * outside the scope an item does not exist.
 */
public final class Scope {
    /** The unit of a single bureau's instance (no {@code units:} configured), and of every row written before it. */
    public static final String DEFAULT_UNIT = "default";
    private static final Scope DISTRICT = new Scope(null, true);
    private static final Scope INSPECTOR = new Scope(null, false);

    /** The unit, or null for the whole district. */
    private final String unitId;
    private final boolean canChange;

    private Scope(String unitId, boolean canChange) {
        this.unitId = unitId;
        this.canChange = canChange;
    }

    /** The items of one unit, which its staff may change (as their roles allow). */
    public static Scope unit(String unitId) {
        if (unitId == null || unitId.isBlank()) {
            throw new IllegalArgumentException("a unit scope needs a unit id");
        }
        return new Scope(unitId, true);
    }

    /** Every unit's items: the district administrator and the program's own jobs. */
    public static Scope district() {
        return DISTRICT;
    }

    /** Every unit's items, read only: the district inspector (区政府办巡查员). */
    public static Scope inspector() {
        return INSPECTOR;
    }

    /** Whether anything may be changed in this scope (the inspector's never). */
    public boolean canChange() {
        return canChange;
    }

    /** Whether this scope sees the rows of {@code unit}. */
    public boolean includes(String unit) {
        return unitId == null || unitId.equals(unit);
    }

    /** The one unit this scope is limited to; empty for the district. */
    public Optional<String> unitId() {
        return Optional.ofNullable(unitId);
    }

    /** True when it covers every unit. */
    public boolean isDistrict() {
        return unitId == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scope other && Objects.equals(unitId, other.unitId) && canChange == other.canChange;
    }

    @Override
    public int hashCode() {
        return Objects.hash(unitId, canChange);
    }

    @Override
    public String toString() {
        return unitId == null ? (canChange ? "Scope[district]" : "Scope[district, read-only]")
                : "Scope[unit " + unitId + "]";
    }
}

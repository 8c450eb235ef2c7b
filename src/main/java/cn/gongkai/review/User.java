package cn.gongkai.review;

import cn.gongkai.item.Scope;
import java.time.Instant;

/**
 * A staff member. The password hash is not part of this value: it stays in the {@link UserRepository}.
 *
 * @param name     the login name, also the name written in the audit trail (Chinese names are fine)
 * @param disabled true when an administrator disabled the account: no login, no session, no token, no review
 * @param unitId   the unit (单位) the user works in; null for the district office's roles ({@link Role#district()})
 */
public record User(String name, Role role, Instant createdAt, boolean disabled, String unitId) {
    public static final int MAX_NAME = 64;

    /** An enabled user of the single bureau's unit (none for a district role). */
    public User(String name, Role role, Instant createdAt) {
        this(name, role, createdAt, false);
    }

    /** A user of the single bureau's unit (none for a district role). */
    public User(String name, Role role, Instant createdAt, boolean disabled) {
        this(name, role, createdAt, disabled, role != null && role.district() ? null : Scope.DEFAULT_UNIT);
    }

    public User {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("user name must not be blank");
        }
        name = name.strip();
        if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("user name must be at most " + MAX_NAME
                    + " characters without spaces: " + name);
        }
        if (role == null) {
            throw new IllegalArgumentException("user role must not be null");
        }
        if (createdAt == null) {
            throw new IllegalArgumentException("user createdAt must not be null");
        }
        if (role.district() != (unitId == null)) {
            throw new IllegalArgumentException(role.district() ? "a district role belongs to no unit: " + unitId
                    : "a user of role " + role.id() + " belongs to a unit");
        }
    }

    /**
     * Whose items the user sees: their unit's; the district office's roles see every unit's and change none (the
     * district administrator manages units and people, not items).
     */
    public Scope scope() {
        return role.district() ? Scope.inspector() : Scope.unit(unitId);
    }

    /** True unless the account is disabled. */
    public boolean active() {
        return !disabled;
    }
}

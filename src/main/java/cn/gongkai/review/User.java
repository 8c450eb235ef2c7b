package cn.gongkai.review;

import java.time.Instant;

/**
 * A staff member. The password hash is not part of this value: it stays in the {@link UserRepository}.
 *
 * @param name     the login name, also the name written in the audit trail (Chinese names are fine)
 * @param disabled true when an administrator disabled the account: no login, no session, no token, no review
 */
public record User(String name, Role role, Instant createdAt, boolean disabled) {
    public static final int MAX_NAME = 64;

    /** An enabled user. */
    public User(String name, Role role, Instant createdAt) {
        this(name, role, createdAt, false);
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
    }

    /** True unless the account is disabled. */
    public boolean active() {
        return !disabled;
    }
}

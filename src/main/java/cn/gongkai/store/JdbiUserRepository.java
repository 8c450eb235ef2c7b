package cn.gongkai.store;

import cn.gongkai.review.ApiToken;
import cn.gongkai.review.Role;
import cn.gongkai.review.User;
import cn.gongkai.review.UserRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Staff accounts and API token hashes. Password and token hashes never appear in a message. */
final class JdbiUserRepository implements UserRepository {

    private final JdbiTransactions tx;

    JdbiUserRepository(JdbiTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(User user, String passwordHash) {
        try {
            tx.call("cannot store user " + user.name(), h -> h.createUpdate(
                            "INSERT INTO app_user (name, role, password_hash, created_at, unit_id)"
                                    + " VALUES (:name, :role, :hash, :at, :unit)")
                    .bind("name", user.name()).bind("role", user.role().id()).bind("hash", passwordHash)
                    .bind("at", user.createdAt()).bindByType("unit", user.unitId(), String.class).execute());
        } catch (StoreException e) {
            if (e.isUniqueViolation()) {
                throw new IllegalArgumentException("user " + user.name() + " exists", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<User> find(String name) {
        return tx.call("cannot read user " + name, h -> h.createQuery(
                        "SELECT name, role, created_at, disabled, unit_id FROM app_user WHERE name = :name")
                .bind("name", name).map((rs, ctx) -> user(rs)).findOne());
    }

    @Override
    public List<User> list() {
        return tx.call("cannot list users", h -> h.createQuery(
                        "SELECT name, role, created_at, disabled, unit_id FROM app_user ORDER BY name")
                .map((rs, ctx) -> user(rs)).list());
    }

    @Override
    public Optional<String> passwordHash(String name) {
        return tx.call("cannot read the password hash of user " + name, h -> h.createQuery(
                        "SELECT password_hash FROM app_user WHERE name = :name")
                .bind("name", name).mapTo(String.class).findOne());
    }

    @Override
    public boolean changePasswordHash(String name, String passwordHash) {
        return tx.call("cannot change the password of user " + name, h -> {
            boolean changed = h.createUpdate("UPDATE app_user SET password_hash = :hash WHERE name = :name")
                    .bind("hash", passwordHash).bind("name", name).execute() == 1;
            if (changed) {
                endCredentials(h, name);
            }
            return changed;
        });
    }

    @Override
    public boolean setDisabled(String name, boolean disabled) {
        return tx.call("cannot " + (disabled ? "disable" : "enable") + " user " + name, h -> {
            boolean changed = h.createUpdate("UPDATE app_user SET disabled = :disabled WHERE name = :name")
                    .bind("disabled", disabled).bind("name", name).execute() == 1;
            if (changed && disabled) {
                endCredentials(h, name);
            }
            return changed;
        });
    }

    /** Ends the user's console sessions and removes their API tokens. */
    private static void endCredentials(Handle h, String name) {
        h.createUpdate("DELETE FROM console_session WHERE user_name = :name").bind("name", name).execute();
        h.createUpdate("DELETE FROM api_token WHERE user_name = :name").bind("name", name).execute();
    }

    @Override
    public void addToken(String name, String tokenSha256, Instant now) {
        tx.call("cannot store an API token for user " + name, h -> h.createUpdate(
                        "INSERT INTO api_token (token_hash, user_name, created_at, unit_id) VALUES (:hash, :name, :at,"
                                + " (SELECT unit_id FROM app_user WHERE name = :name))")
                .bind("hash", tokenSha256).bind("name", name).bind("at", now).execute());
    }

    @Override
    public Optional<User> userOfToken(String tokenSha256) {
        return tx.call("cannot look up an API token", h -> h.createQuery(
                        "SELECT u.name, u.role, u.created_at, u.disabled, u.unit_id FROM api_token t"
                                + " JOIN app_user u ON u.name = t.user_name"
                                + " WHERE t.token_hash = :hash AND u.disabled = FALSE")
                .bind("hash", tokenSha256).map((rs, ctx) -> user(rs)).findOne());
    }

    @Override
    public void touchToken(String tokenSha256, Instant now, Instant since) {
        tx.call("cannot record the use of an API token", h -> h.createUpdate(
                        "UPDATE api_token SET last_used = :now WHERE token_hash = :hash"
                                + " AND (last_used IS NULL OR last_used < :since)")
                .bind("now", now).bind("hash", tokenSha256).bind("since", since).execute());
    }

    @Override
    public List<ApiToken> tokens(String name) {
        return tx.call("cannot list API tokens", h -> {
            var query = h.createQuery("SELECT token_hash, user_name, created_at, last_used FROM api_token"
                    + (name == null ? "" : " WHERE user_name = :name") + " ORDER BY created_at DESC, token_hash");
            if (name != null) {
                query.bind("name", name);
            }
            return query.map((rs, ctx) -> new ApiToken(rs.getString("token_hash"), rs.getString("user_name"),
                    Sql.instant(rs, "created_at"), Sql.instant(rs, "last_used"))).list();
        });
    }

    @Override
    public boolean revokeToken(String tokenSha256) {
        return tx.call("cannot revoke an API token", h -> h.createUpdate(
                "DELETE FROM api_token WHERE token_hash = :hash").bind("hash", tokenSha256).execute() == 1);
    }

    @Override
    public int revokeTokens(String name) {
        return tx.call("cannot revoke the API tokens of user " + name, h -> h.createUpdate(
                "DELETE FROM api_token WHERE user_name = :name").bind("name", name).execute());
    }

    private static User user(ResultSet rs) throws SQLException {
        Role role = Role.parse(rs.getString("role"));
        String unit = rs.getString("unit_id");
        return new User(rs.getString("name"), role, Sql.instant(rs, "created_at"), rs.getBoolean("disabled"),
                role.district() ? null : unit == null ? cn.gongkai.item.Scope.DEFAULT_UNIT : unit);
    }
}

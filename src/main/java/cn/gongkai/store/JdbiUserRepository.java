package cn.gongkai.store;

import cn.gongkai.review.Role;
import cn.gongkai.review.User;
import cn.gongkai.review.UserRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
                            "INSERT INTO app_user (name, role, password_hash, created_at)"
                                    + " VALUES (:name, :role, :hash, :at)")
                    .bind("name", user.name()).bind("role", user.role().id()).bind("hash", passwordHash)
                    .bind("at", user.createdAt()).execute());
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
                        "SELECT name, role, created_at FROM app_user WHERE name = :name")
                .bind("name", name).map((rs, ctx) -> user(rs)).findOne());
    }

    @Override
    public List<User> list() {
        return tx.call("cannot list users", h -> h.createQuery(
                        "SELECT name, role, created_at FROM app_user ORDER BY name")
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
        return tx.call("cannot change the password of user " + name, h -> h.createUpdate(
                        "UPDATE app_user SET password_hash = :hash WHERE name = :name")
                .bind("hash", passwordHash).bind("name", name).execute() == 1);
    }

    @Override
    public void addToken(String name, String tokenSha256, Instant now) {
        tx.call("cannot store an API token for user " + name, h -> h.createUpdate(
                        "INSERT INTO api_token (token_hash, user_name, created_at) VALUES (:hash, :name, :at)")
                .bind("hash", tokenSha256).bind("name", name).bind("at", now).execute());
    }

    @Override
    public Optional<User> userOfToken(String tokenSha256) {
        return tx.call("cannot look up an API token", h -> h.createQuery(
                        "SELECT u.name, u.role, u.created_at FROM api_token t JOIN app_user u ON u.name = t.user_name"
                                + " WHERE t.token_hash = :hash")
                .bind("hash", tokenSha256).map((rs, ctx) -> user(rs)).findOne());
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getString("name"), Role.parse(rs.getString("role")), Sql.instant(rs, "created_at"));
    }
}

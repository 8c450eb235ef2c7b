package cn.gongkai.review;

import cn.gongkai.item.ContentHash;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Staff accounts: adding users with a hashed password (bcrypt) that meets the {@link PasswordPolicy}, checking
 * passwords, disabling accounts, and API tokens for the REST API. A token is 32 random bytes shown once; only its
 * SHA-256 is stored, with when it was made and last used. A password change or disabling an account ends all of the
 * user's sessions and tokens. No password or token is ever logged or put in a message.
 *
 * <p>Checking a password costs one hash verification whether or not the user exists or is enabled (a dummy hash of
 * the same cost stands in), so the time a login takes does not tell whether a name exists.
 */
public final class Users {
    /** bcrypt cost of new hashes (2^10 rounds). */
    public static final int DEFAULT_COST = 10;
    /** How stale a token's recorded last use may get before a request writes it again. */
    public static final Duration TOKEN_TOUCH_EVERY = Duration.ofMinutes(5);
    /** The fewest hex digits that name a token to revoke. */
    public static final int MIN_TOKEN_ID = 6;
    private static final String TOKEN_PREFIX = "gk_";

    private final UserRepository repository;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final SecureRandom random = new SecureRandom();
    private volatile String dummyHash;

    public Users(UserRepository repository, Clock clock, int cost) {
        this(repository, clock, PasswordHasher.bcrypt(cost), PasswordPolicy.standard());
    }

    public Users(UserRepository repository, Clock clock, PasswordHasher hasher, PasswordPolicy policy) {
        this.repository = repository;
        this.clock = clock;
        this.hasher = hasher;
        this.policy = policy;
    }

    /**
     * Adds a user of the single bureau's unit whose password meets the {@link PasswordPolicy}. The district office's
     * roles are refused here (a unit's administrator must not make them): they are added with
     * {@link #add(String, Role, String, char[])} from the command line.
     *
     * @throws UserException naming the problem
     */
    public User add(String name, Role role, char[] password) {
        refuseDistrictRole(name, role);
        return add(name, role, cn.gongkai.item.Scope.DEFAULT_UNIT, password);
    }

    /**
     * Adds a user to the unit of {@code admin}, the administrator adding them (the console's 系统 page). The district
     * office's roles are refused, as by {@link #add(String, Role, char[])}.
     *
     * @throws UserException naming the problem
     */
    public User addBy(User admin, String name, Role role, char[] password) {
        refuseDistrictRole(name, role);
        return add(name, role, admin.unitId(), password);
    }

    private static void refuseDistrictRole(String name, Role role) {
        if (role.district()) {
            throw new UserException(role.label() + "只能在服务器上用命令行添加：gongkai user add " + name + " --role "
                    + role.id());
        }
    }

    /**
     * Adds a user of {@code unitId} (null for the district office's roles, which belong to no unit) whose password
     * meets the {@link PasswordPolicy}. Whether the unit exists is the caller's to check.
     *
     * @throws UserException naming the problem
     */
    public User add(String name, Role role, String unitId, char[] password) {
        if (role.district() && unitId != null) {
            throw new UserException(role.label() + "属于区政府办，不属于任何单位，请不要指定单位");
        }
        if (!role.district() && unitId == null) {
            throw new UserException(role.label() + "须属于一个单位");
        }
        User user;
        try {
            user = new User(name, role, clock.instant(), false, unitId);
        } catch (IllegalArgumentException e) {
            throw new UserException("用户名不能为空、不能含空格，且不超过 " + User.MAX_NAME + " 个字符");
        }
        if (repository.find(user.name()).isPresent()) {
            throw new UserException("用户“" + user.name() + "”已存在");
        }
        policy.check(user.name(), password);
        repository.add(user, hasher.hash(password));
        return user;
    }

    /**
     * Sets a new password for an existing user (an administrator's reset: the old password is not asked). Every
     * session and API token of the user ends.
     */
    public void changePassword(String name, char[] password) {
        User user = require(name);
        policy.check(user.name(), password);
        if (!repository.changePasswordHash(user.name(), hasher.hash(password))) {
            throw new UserException("用户“" + name + "”不存在");
        }
    }

    /**
     * A user's change of their own password: {@code current} must be their password now. Every session and API
     * token of the user ends (the caller may start a new session for the one making the change).
     */
    public void changeOwnPassword(String name, char[] current, char[] password) {
        if (!checkPassword(name, current)) {
            throw new UserException("当前密码不正确，密码未修改");
        }
        changePassword(name, password);
    }

    /**
     * True when the user exists, is enabled and the password is theirs. Costs one hash verification in every case.
     */
    public boolean checkPassword(String name, char[] password) {
        String n = name == null ? "" : name.strip();
        String dummy = dummyHash(); // made on the first check of any name, so that one is not slower for unknowns
        Optional<User> user = n.isEmpty() ? Optional.empty() : repository.find(n);
        Optional<String> hash = n.isEmpty() ? Optional.empty() : repository.passwordHash(n);
        boolean real = user.filter(User::active).isPresent() && hash.isPresent();
        boolean verified;
        try {
            verified = hasher.verify(password == null ? new char[0] : password, real ? hash.get() : dummy);
        } catch (IllegalArgumentException e) {
            verified = false;
        }
        return real && verified;
    }

    /** A hash of a random password with the same cost as real ones, made once. */
    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            byte[] b = new byte[18];
            random.nextBytes(b);
            char[] pw = Base64.getEncoder().encodeToString(b).toCharArray();
            h = hasher.hash(pw);
            Arrays.fill(pw, ' ');
            dummyHash = h;
        }
        return h;
    }

    public Optional<User> find(String name) {
        return name == null ? Optional.empty() : repository.find(name.strip());
    }

    /** The user of that name when the account is enabled. */
    public Optional<User> findActive(String name) {
        return find(name).filter(User::active);
    }

    public List<User> list() {
        return repository.list();
    }

    /** The user of that name; a {@link UserException} when there is none. */
    public User require(String name) {
        return find(name).orElseThrow(() -> new UserException("用户“" + name
                + "”不存在，请先用 gongkai user add " + name + " --role 角色 创建"));
    }

    /**
     * Disables or enables an account. A disabled user cannot log in, and all their sessions and API tokens end at
     * once; enabling does not bring the tokens back.
     *
     * @return false when the account already was in that state
     */
    public boolean setDisabled(String name, boolean disabled) {
        User user = require(name);
        if (user.disabled() == disabled) {
            return false;
        }
        if (!repository.setDisabled(user.name(), disabled)) {
            throw new UserException("用户“" + name + "”不存在");
        }
        return true;
    }

    /** Creates a new API token for the user and returns it; it cannot be shown again. */
    public String createToken(String name) {
        User user = require(name);
        if (user.disabled()) {
            throw new UserException("用户“" + user.name() + "”已停用，不能创建接口令牌；先用 gongkai user enable "
                    + user.name() + " 启用");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Arrays.fill(bytes, (byte) 0);
        repository.addToken(user.name(), tokenHash(token), clock.instant());
        return token;
    }

    /** The public id of a token (the start of its hash), to tell the user which one it is in lists. */
    public static String tokenId(String token) {
        return tokenHash(token).substring(0, ApiToken.ID_LENGTH);
    }

    /** The user an API token belongs to, if it is a valid token of an enabled user; records the use. */
    public Optional<User> authenticate(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = tokenHash(token);
        Optional<User> user = repository.userOfToken(hash);
        if (user.isPresent()) {
            Instant now = clock.instant();
            repository.touchToken(hash, now, now.minus(TOKEN_TOUCH_EVERY));
        }
        return user;
    }

    /** Every user's tokens (for administrators), newest first. */
    public List<ApiToken> tokens() {
        return repository.tokens(null);
    }

    /** The tokens of one user, newest first. */
    public List<ApiToken> tokens(String name) {
        return repository.tokens(require(name).name());
    }

    /** Revokes every API token of the user; returns how many there were. */
    public int revokeTokens(String name) {
        return repository.revokeTokens(require(name).name());
    }

    /**
     * Revokes the user's token whose id starts with {@code id} (at least {@link #MIN_TOKEN_ID} hex digits).
     *
     * @return the token revoked
     * @throws UserException when no token or more than one of the user's tokens matches
     */
    public ApiToken revokeToken(String name, String id) {
        User user = require(name);
        String prefix = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        if (!prefix.matches("[0-9a-f]{" + MIN_TOKEN_ID + ",64}")) {
            throw new UserException("令牌编号应为至少 " + MIN_TOKEN_ID + " 位十六进制数字（见 gongkai user token "
                    + user.name() + " --list 或控制台“系统”页）");
        }
        List<ApiToken> matches = repository.tokens(user.name()).stream()
                .filter(t -> t.hash().startsWith(prefix)).toList();
        if (matches.isEmpty()) {
            throw new UserException("用户“" + user.name() + "”没有编号为 " + prefix + " 的接口令牌");
        }
        if (matches.size() > 1) {
            throw new UserException("用户“" + user.name() + "”有 " + matches.size() + " 个接口令牌的编号以 " + prefix
                    + " 开头，请写完整的 " + ApiToken.ID_LENGTH + " 位编号");
        }
        repository.revokeToken(matches.get(0).hash());
        return matches.get(0);
    }

    static String tokenHash(String token) {
        return ContentHash.sha256(token.getBytes(StandardCharsets.UTF_8));
    }
}

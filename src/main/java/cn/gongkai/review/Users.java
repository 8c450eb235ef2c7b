package cn.gongkai.review;

import at.favre.lib.crypto.bcrypt.BCrypt;
import cn.gongkai.item.ContentHash;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Staff accounts: adding users with a bcrypt-hashed password, checking passwords, and API tokens for the REST API.
 * A token is 32 random bytes shown once; only its SHA-256 is stored. No password or token is ever logged or put in
 * a message.
 */
public final class Users {
    /** bcrypt cost of new hashes (2^10 rounds). */
    public static final int DEFAULT_COST = 10;
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD_BYTES = 72;
    private static final String TOKEN_PREFIX = "gk_";

    private final UserRepository repository;
    private final Clock clock;
    private final int cost;
    private final SecureRandom random = new SecureRandom();

    public Users(UserRepository repository, Clock clock, int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4..31: " + cost);
        }
        this.repository = repository;
        this.clock = clock;
        this.cost = cost;
    }

    /**
     * Adds a user. The password must have at least 8 characters and at most 72 bytes in UTF-8 (bcrypt's limit).
     *
     * @throws UserException naming the problem
     */
    public User add(String name, Role role, char[] password) {
        User user;
        try {
            user = new User(name, role, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new UserException("用户名不能为空、不能含空格，且不超过 " + User.MAX_NAME + " 个字符");
        }
        if (repository.find(user.name()).isPresent()) {
            throw new UserException("用户“" + user.name() + "”已存在");
        }
        String hash = hash(password);
        repository.add(user, hash);
        return user;
    }

    /** Sets a new password for an existing user. */
    public void changePassword(String name, char[] password) {
        String hash = hash(password);
        if (!repository.changePasswordHash(name, hash)) {
            throw new UserException("用户“" + name + "”不存在");
        }
    }

    private String hash(char[] password) {
        if (password == null || password.length < MIN_PASSWORD) {
            throw new UserException("密码至少 " + MIN_PASSWORD + " 个字符");
        }
        int bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)).remaining();
        if (bytes > MAX_PASSWORD_BYTES) {
            throw new UserException("密码过长：最多 " + MAX_PASSWORD_BYTES + " 字节（约 24 个汉字或 72 个英文字符）");
        }
        return BCrypt.withDefaults().hashToString(cost, password);
    }

    /** True when the user exists and the password is theirs. */
    public boolean checkPassword(String name, char[] password) {
        Optional<String> hash = repository.passwordHash(name);
        if (hash.isEmpty() || password == null) {
            return false;
        }
        return BCrypt.verifyer().verify(password, hash.get().toCharArray()).verified;
    }

    public Optional<User> find(String name) {
        return name == null ? Optional.empty() : repository.find(name.strip());
    }

    public List<User> list() {
        return repository.list();
    }

    /** The user of that name; a {@link UserException} when there is none. */
    public User require(String name) {
        return find(name).orElseThrow(() -> new UserException("用户“" + name
                + "”不存在，请先用 gongkai user add " + name + " --role 角色 创建"));
    }

    /** Creates a new API token for the user and returns it; it cannot be shown again. */
    public String createToken(String name) {
        User user = require(name);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Arrays.fill(bytes, (byte) 0);
        repository.addToken(user.name(), tokenHash(token), clock.instant());
        return token;
    }

    /** The user an API token belongs to, if it is a valid token. */
    public Optional<User> authenticate(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return repository.userOfToken(tokenHash(token));
    }

    static String tokenHash(String token) {
        return ContentHash.sha256(token.getBytes(StandardCharsets.UTF_8));
    }
}

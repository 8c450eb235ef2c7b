package cn.gongkai.config;

import java.util.regex.Pattern;

/**
 * Masks the credentials a JDBC URL can carry, wherever a URL is shown or logged: a password parameter in any of its
 * forms ({@code ?password=…}, {@code &password=…}, H2's {@code ;PASSWORD=…}, {@code pwd}, {@code passwd},
 * {@code sslpassword}, any case) and the user-info part {@code //user:pass@host} of any URL. The one masking
 * function of the product: configuration, doctor, serve, the 系统 page and the store's messages use it.
 */
public final class JdbcUrls {
    /** What a masked value reads as. */
    public static final String MASK = "***";

    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)((?:password|pwd|passwd|sslpassword|sslkeypassword)\\s*=\\s*)[^;&\\s\"'<>]*");
    /** {@code //user:pass@} or {@code //user@}: everything between {@code //} and the last {@code @} before a path. */
    private static final Pattern USER_INFO = Pattern.compile("//[^/\\s@\"'<>]*:[^/\\s\"'<>]*@");

    private JdbcUrls() {
    }

    /** The URL (or any text holding URLs) with every password parameter and user-info part masked; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = SECRET_PARAMETER.matcher(text).replaceAll("$1" + MASK);
        return USER_INFO.matcher(masked).replaceAll("//" + MASK + "@");
    }

    /** Whether the URL carries a {@code user:pass@} part. */
    public static boolean hasUserInfo(String url) {
        return url != null && USER_INFO.matcher(url).find();
    }

    /**
     * As {@link #mask(String)}, and also every occurrence of {@code password} itself (a driver may echo the password
     * it was given in a message); a password shorter than 3 characters is left alone, as masking it would garble the
     * text.
     */
    public static String mask(String text, String password) {
        String masked = mask(text);
        if (masked == null || password == null || password.length() < 3) {
            return masked;
        }
        return masked.replace(password, MASK);
    }
}

package cn.gongkai.wechat;

import cn.gongkai.config.JdbcUrls;
import java.util.regex.Pattern;

/**
 * Masks WeChat credentials in free text: access tokens and AppSecrets in query strings, key=value dumps and JSON.
 * WxJava logs request URLs with {@code access_token=} and its config beans print the secret; the logging layer runs
 * every line through {@link #scrub(String)}, and this package scrubs every message it puts into an exception.
 * Credentials written into a URL ({@code //user:pass@host}, see {@link JdbcUrls}) are masked too.
 */
public final class LogScrubber {

    private static final String MASK = "***";
    private static final String KEYS = "(?:app_?secret|secret|access_?token|accessToken|aes_?key|aesKey|password)";

    /** {@code "secret":"..."}, {@code "access_token" : "..."} */
    private static final Pattern JSON = Pattern.compile("(?i)(\"" + KEYS + "\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

    /** {@code access_token=...} in URLs, {@code secret=...} in toString dumps, {@code secret: ...} in plain text. */
    private static final Pattern KEY_VALUE = Pattern.compile("(?i)(?<![\\w\"])(" + KEYS + ")(\\s*[=:]\\s*)(?!\\*\\*\\*)(?:\"[^\"]*\"|'[^']*'|[^&\\s\"',;}\\])]+)");

    private LogScrubber() {
    }

    /** The text with every token and secret value replaced by {@code ***}; null stays null. */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = JSON.matcher(text).replaceAll("$1\"" + MASK + "\"");
        return JdbcUrls.mask(KEY_VALUE.matcher(masked).replaceAll("$1$2" + MASK));
    }
}

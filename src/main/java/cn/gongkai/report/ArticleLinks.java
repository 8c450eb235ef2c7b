package cn.gongkai.report;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What identifies the article a link points to, so that two copies of one link count as one article. */
final class ArticleLinks {
    private static final String WECHAT_HOST = "mp.weixin.qq.com";

    private ArticleLinks() {
    }

    /**
     * For a WeChat article link with {@code __biz}, {@code mid} and {@code idx} those three (other parameters vary
     * between copies of the same link); otherwise the address without its fragment, scheme and trailing slash, host
     * in lower case. Empty for a blank address.
     */
    static String articleLink(String url) {
        String u = url == null ? "" : url.strip();
        if (u.isEmpty()) {
            return "";
        }
        int hash = u.indexOf('#');
        if (hash >= 0) {
            u = u.substring(0, hash);
        }
        u = u.replaceFirst("(?i)^https?://", "");
        int slash = u.indexOf('/');
        String host = (slash < 0 ? u : u.substring(0, slash)).toLowerCase(Locale.ROOT);
        String rest = slash < 0 ? "" : u.substring(slash);
        int q = rest.indexOf('?');
        if (host.equals(WECHAT_HOST) && q >= 0) {
            Map<String, String> params = query(rest.substring(q + 1));
            if (params.containsKey("__biz") && params.containsKey("mid") && params.containsKey("idx")) {
                return host + "/s?__biz=" + params.get("__biz") + "&mid=" + params.get("mid") + "&idx="
                        + params.get("idx");
            }
        }
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return host + rest;
    }

    /** The parameters of a query string, the first value of each name. */
    private static Map<String, String> query(String query) {
        Map<String, String> params = new HashMap<>();
        for (String kv : query.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return params;
    }
}

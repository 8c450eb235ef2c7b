package cn.gongkai.delivery;

import cn.gongkai.portal.DeliveryException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** Checks a webhook URL (https, or http to this machine) and shows it without path or query. */
final class WebhookUrl {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private WebhookUrl() {
    }

    static URI check(String portalId, String url) throws DeliveryException {
        String key = "portals[" + portalId + "].webhook.url";
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw bad(key, "不是有效的网址", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw bad(key, "不是有效的 https 网址（如 https://xxbs.hq.gov.cn/api/receive）", null);
        }
        if (scheme.equals("http") && !LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw bad(key, "必须用 https（报送内容不能明文经过网络；只有本机的接收程序可以用 http）", null);
        }
        return uri;
    }

    /** {@code https://host[:port]} of the URL, or a placeholder when it cannot be read. */
    static String origin(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "（无效的地址）";
            }
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return "（无效的地址）";
        }
    }

    private static DeliveryException bad(String key, String what, Throwable cause) {
        return new DeliveryException(DeliveryException.Kind.PERMANENT, "bad webhook url in " + key,
                "配置项 " + key + " " + what + "。", cause);
    }
}

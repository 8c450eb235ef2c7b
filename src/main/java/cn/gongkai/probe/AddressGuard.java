package cn.gongkai.probe;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which URLs the link probe may visit: http and https only, and only hosts whose every resolved address is public —
 * never loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local, carrier-grade NAT (100.64/10),
 * multicast or the wildcard address — unless the allow rule names the URL (the sandbox's simulator, a test server).
 */
final class AddressGuard {
    private final Predicate<URI> allow;

    /** @param allow URLs visited whatever their address (e.g. the simulator's host and port) */
    AddressGuard(Predicate<URI> allow) {
        this.allow = allow;
    }

    /** Why {@code uri} must not be visited, or null when it may. */
    String refusal(URI uri) throws UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "只检查 http 和 https 链接";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "链接没有主机名";
        }
        if (allow.test(uri)) {
            return null;
        }
        for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
            if (internal(a)) {
                return "链接指向内网或本机地址，按安全规定不访问";
            }
        }
        return null;
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isMulticastAddress()
                || a.isAnyLocalAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first == 100 && second >= 64 && second < 128 || first == 169 && second == 254;
        }
        return (b[0] & 0xfe) == 0xfc;
    }
}

package cn.gongkai.delivery;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.config.Secret;

/**
 * Where a mail goes and how: the server, its TLS mode and the login. The password is a {@link Secret} and never
 * printed; {@link #toString()} names only host, port and TLS.
 *
 * @param port 0 = the usual port of the TLS mode (587 STARTTLS, 465 SSL, 25 none)
 */
record SmtpEndpoint(String host, int port, PortalConfig.Tls tls, String user, Secret password) {
    SmtpEndpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("SMTP host must not be blank");
        }
        tls = tls == null ? PortalConfig.Tls.STARTTLS : tls;
        user = user == null ? "" : user;
        password = password == null ? Secret.empty() : password;
        if (port == 0) {
            port = switch (tls) {
                case STARTTLS -> 587;
                case SSL -> 465;
                case NONE -> 25;
            };
        }
    }

    /** The configured server of a portal's {@code email:} section. */
    static SmtpEndpoint of(PortalConfig.Email email) {
        return new SmtpEndpoint(email.host(), email.port(), email.tls(), email.user(), email.password());
    }

    boolean login() {
        return !user.isEmpty();
    }

    /** E.g. {@code smtp.hq.gov.cn:465（SSL）} — no user, no password. */
    String where() {
        String mode = switch (tls) {
            case STARTTLS -> "STARTTLS";
            case SSL -> "SSL";
            case NONE -> "不加密";
        };
        return host + ":" + port + "（" + mode + "）";
    }

    @Override
    public String toString() {
        return "SmtpEndpoint[" + host + ":" + port + ", " + tls + ", user=" + (login() ? user : "-") + "]";
    }
}

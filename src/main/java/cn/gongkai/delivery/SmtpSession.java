package cn.gongkai.delivery;

import cn.gongkai.config.PortalConfig;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;

/** The Jakarta Mail session for one endpoint: TLS mode, login, timeouts and envelope sender. */
final class SmtpSession {
    private SmtpSession() {
    }

    /**
     * A session speaking {@code smtp} to the endpoint. STARTTLS is required (never silently plain), SSL is implicit
     * TLS (SMTPS); the server's certificate is checked, including its name, against the JDK's trust store or, in
     * tests only, the given socket factory.
     *
     * @param trust null for the JDK's trust store
     */
    static Session open(SmtpEndpoint endpoint, Duration timeout, String envelopeFrom, SSLSocketFactory trust) {
        Properties p = new Properties();
        String ms = Long.toString(Math.max(1, timeout.toMillis()));
        p.setProperty("mail.smtp.host", endpoint.host());
        p.setProperty("mail.smtp.port", Integer.toString(endpoint.port()));
        p.setProperty("mail.smtp.connectiontimeout", ms);
        p.setProperty("mail.smtp.timeout", ms);
        p.setProperty("mail.smtp.writetimeout", ms);
        p.setProperty("mail.smtp.auth", Boolean.toString(endpoint.login()));
        if (!envelopeFrom.isEmpty()) {
            p.setProperty("mail.smtp.from", envelopeFrom);
        }
        tls(p, endpoint.tls(), trust);
        return Session.getInstance(p);
    }

    /** STARTTLS required, or implicit TLS; the certificate and its name checked. */
    private static void tls(Properties p, PortalConfig.Tls tls, SSLSocketFactory trust) {
        if (tls == PortalConfig.Tls.NONE) {
            return;
        }
        if (tls == PortalConfig.Tls.STARTTLS) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        } else {
            p.setProperty("mail.smtp.ssl.enable", "true");
        }
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        p.setProperty("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
        if (trust != null) {
            p.put("mail.smtp.ssl.socketFactory", trust);
        }
    }
}

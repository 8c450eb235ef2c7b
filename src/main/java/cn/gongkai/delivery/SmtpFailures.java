package cn.gongkai.delivery;

import cn.gongkai.portal.DeliveryException;
import cn.gongkai.portal.DeliveryException.Kind;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Turns what Jakarta Mail threw into a {@link DeliveryException}: whether the next attempt may succeed, and a Chinese
 * message naming the cause and the configuration key to fix. The server's own words are quoted (short, control
 * characters removed, the password masked should a server ever echo it).
 */
final class SmtpFailures {
    private static final int MAX_QUOTE = 160;

    private final String key;
    private final SmtpEndpoint endpoint;

    /** For the portal's {@code portals[id].email} section sending to the endpoint. */
    SmtpFailures(String portalId, SmtpEndpoint endpoint) {
        this.key = "portals[" + portalId + "].email";
        this.endpoint = endpoint;
    }

    /**
     * Classifies one failed send.
     *
     * @param written whether the whole mail had been written during DATA before the failure
     */
    DeliveryException classify(MessagingException e, boolean written) {
        int code = replyCode(e);
        if (e instanceof AuthenticationFailedException) {
            return loginRefused(e, code);
        }
        if (code >= 400 && code < 600) {
            return refused(e, code);
        }
        if (written) {
            return failure(Kind.MAYBE_DELIVERED, e, "邮件已完整交给邮件服务器 " + endpoint.where()
                    + "，但在服务器确认收到（250）之前连接断开或超时：对方可能已经收到。再次发送时使用同一个 Message-ID，"
                    + "对方可以认出是同一篇。");
        }
        if (causedBy(e, SSLException.class)) {
            return failure(Kind.PERMANENT, e, "与邮件服务器 " + endpoint.where() + " 建立加密连接失败（证书不受信任、"
                    + "证书上的名称与主机名不符或加密方式不兼容）：请确认 " + key + ".host 写的是证书上的服务器名称、"
                    + key + ".tls 与端口相符（465 用 ssl，587 用 starttls），必要时把单位的根证书导入 Java 信任库。");
        }
        if (String.valueOf(e.getMessage()).contains("STARTTLS is required")) {
            return failure(Kind.PERMANENT, e, "邮件服务器 " + endpoint.where() + " 不支持 STARTTLS 加密：请确认 "
                    + key + ".port 和 " + key + ".tls（465 端口用 ssl；同一台机器或内网的转发服务器才用 none）。");
        }
        return failure(Kind.TRANSIENT, e, "连不上邮件服务器 " + endpoint.where() + "（" + causeText(e)
                + "），邮件没有发出，稍后会重试：请确认服务器地址 " + key + ".host、端口 " + key
                + ".port 正确，且本机网络可以访问它。");
    }

    /** 535 and other 5xx (or no code): the login is wrong; 4xx: the server cannot check it now. */
    private DeliveryException loginRefused(MessagingException e, int code) {
        if (code >= 400 && code < 500) {
            return failure(Kind.TRANSIENT, e, "邮件服务器 " + endpoint.where() + " 暂时不能登录（" + quote(e)
                    + "）。这是暂时性错误，稍后会重试。");
        }
        return failure(Kind.PERMANENT, e, "邮件服务器 " + endpoint.where() + " 拒绝登录（" + (code > 0 ? code : 535)
                + "）：" + quote(e) + "。请检查 " + key + ".user 和密码 " + key
                + ".password（密码只从环境变量读取；有的邮箱要用“客户端授权码”代替登录密码）。");
    }

    private DeliveryException refused(MessagingException e, int code) {
        Kind kind = code < 500 ? Kind.TRANSIENT : Kind.PERMANENT;
        String then = kind == Kind.TRANSIENT ? "这是暂时性错误，稍后会重试。" : "";
        SMTPAddressFailedException address = find(e, SMTPAddressFailedException.class);
        if (address != null) {
            return failure(kind, e, "邮件服务器 " + endpoint.where() + " 拒绝了收件人 " + address.getAddress() + "（"
                    + quote(address) + "）。" + then + (kind == Kind.PERMANENT ? "请检查 " + key + ".to 和 " + key
                    + ".cc 中的地址。" : ""));
        }
        SMTPSenderFailedException sender = find(e, SMTPSenderFailedException.class);
        if (sender != null) {
            return failure(kind, e, "邮件服务器 " + endpoint.where() + " 拒绝了发件人 " + sender.getAddress() + "（"
                    + quote(sender) + "）。" + then + (kind == Kind.PERMANENT ? "请检查 " + key
                    + ".from：很多服务器只允许用登录的邮箱作发件人。" : ""));
        }
        return failure(kind, e, "邮件服务器 " + endpoint.where() + " 拒收了这封邮件（" + quote(e) + "）。" + then
                + (kind == Kind.PERMANENT ? "请按服务器的说明处理（如附件过大、内容被拦截），改正后再重新发送。" : ""));
    }

    /** The first SMTP reply code found in the exception chain, or -1. */
    static int replyCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            int code = -1;
            if (t instanceof SMTPAddressFailedException a) {
                code = a.getReturnCode();
            } else if (t instanceof SMTPSenderFailedException s) {
                code = s.getReturnCode();
            } else if (t instanceof SMTPSendFailedException s) {
                code = s.getReturnCode();
            } else if (t instanceof AuthenticationFailedException a) {
                code = leadingCode(a.getMessage());
            }
            if (code > 0) {
                return code;
            }
        }
        return -1;
    }

    private static int leadingCode(String message) {
        if (message != null && message.length() >= 3 && message.substring(0, 3).chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(message.substring(0, 3));
        }
        return -1;
    }

    private DeliveryException failure(Kind kind, MessagingException e, String staff) {
        return new DeliveryException(kind, "SMTP send to " + endpoint + " failed: " + kind + ": " + causeText(e),
                staff, e);
    }

    /** The server's reply, short and clean. */
    private String quote(Throwable e) {
        String text = String.valueOf(e.getMessage()).replaceAll("\\p{Cntrl}+", " ").strip();
        String password = endpoint.password().reveal();
        if (!password.isEmpty()) {
            text = text.replace(password, "******");
        }
        return text.length() > MAX_QUOTE ? text.substring(0, MAX_QUOTE) + "…" : text;
    }

    /** The innermost cause's type and message, for the log and the transient message. */
    private String causeText(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + quote(root));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return find(e, type) != null;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}

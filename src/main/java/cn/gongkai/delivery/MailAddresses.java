package cn.gongkai.delivery;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.portal.DeliveryException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;

/** Parses a portal's {@code from}, {@code to} and {@code cc}; a bad address names its configuration key. */
final class MailAddresses {
    private MailAddresses() {
    }

    static OutgoingMail.Addresses parse(String portalId, PortalConfig.Email email) throws DeliveryException {
        String key = "portals[" + portalId + "].email.";
        if (email.to().isEmpty()) {
            throw bad(key + "to", "", "没有收件人");
        }
        InternetAddress from = one(key + "from", email.from());
        return new OutgoingMail.Addresses(from, all(key + "to", email.to()), all(key + "cc", email.cc()));
    }

    private static List<InternetAddress> all(String key, List<String> texts) throws DeliveryException {
        List<InternetAddress> out = new ArrayList<>();
        for (String text : texts) {
            out.add(one(key, text));
        }
        return out;
    }

    /** One address, strictly parsed; a display name (e.g. 红旗区商务局) is encoded in UTF-8. */
    static InternetAddress one(String key, String text) throws DeliveryException {
        if (text == null || text.isBlank()) {
            throw bad(key, "", "没有填写");
        }
        try {
            InternetAddress address = new InternetAddress(text.strip(), true);
            if (!address.getAddress().contains("@")) {
                throw bad(key, text, "缺少 @ 和域名");
            }
            if (address.getPersonal() != null) {
                address.setPersonal(address.getPersonal(), "UTF-8");
            }
            return address;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw bad(key, text, "不是有效的邮件地址");
        }
    }

    private static DeliveryException bad(String key, String value, String what) {
        return new DeliveryException(DeliveryException.Kind.PERMANENT, "bad mail address in " + key,
                "邮件地址" + (value.isBlank() ? "" : " " + value.strip()) + " " + what + "：请改正配置项 " + key
                        + "（如 office@hq.gov.cn 或 红旗区政府办 <office@hq.gov.cn>）。", null);
    }
}

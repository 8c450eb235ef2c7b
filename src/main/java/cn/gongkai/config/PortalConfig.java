package cn.gongkai.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One portal of the 报区政府办 channel ({@code portals:}): the district government office (or another receiver)
 * that gets approved items beside WeChat, by e-mail, webhook or folder.
 *
 * @param id         1–32 of lowercase letters, digits, - and _
 * @param name       e.g. 红旗区人民政府办公室
 * @param categories which items go (their category); empty = every approved item
 * @param delivery   which of {@code email}, {@code webhook}, {@code folder}, {@code internal} is used
 * @param email      the mailbox settings (used when {@code delivery: email}); a blank host means the sandbox mailbox
 * @param webhook    the webhook settings (used when {@code delivery: webhook})
 * @param folder     the folder settings (used when {@code delivery: folder})
 * @param subject    the e-mail subject template; {@code {unit}} and {@code {title}} are replaced
 *                   (default {@code 【信息报送】{unit}：{title}})
 * @param unit       报送单位, printed in the package (e.g. 红旗区商务局)
 * @param contact    联系人 printed in the package, or empty
 * @param phone      联系电话 printed in the package, or empty
 * @param internal   the receiving unit in this instance (used when {@code delivery: internal}), else null
 */
public record PortalConfig(String id, String name, List<String> categories, Delivery delivery, Email email,
                           Webhook webhook, Folder folder, String subject, String unit, String contact,
                           String phone, Internal internal) {
    private static final Pattern ID = Pattern.compile("[a-z0-9_-]{1,32}");

    /** How a portal receives its packages. */
    public enum Delivery { EMAIL, WEBHOOK, FOLDER, INTERNAL }

    /** STARTTLS on the submission port, implicit TLS (SMTPS), or plain for a relay on the same host or network. */
    public enum Tls { STARTTLS, SSL, NONE }

    /**
     * E-mail delivery (Jakarta Mail). {@code password} comes from the environment only.
     *
     * @param host blank: the sandbox mailbox inside the process (GreenMail), allowed only in sandbox mode
     */
    public record Email(String host, int port, Tls tls, String user, Secret password, String from, List<String> to,
                        List<String> cc, Duration timeout) {
        public Email {
            host = host == null ? "" : host.strip();
            tls = tls == null ? Tls.STARTTLS : tls;
            user = user == null ? "" : user.strip();
            password = password == null ? Secret.empty() : password;
            from = from == null ? "" : from.strip();
            to = to == null ? List.of() : List.copyOf(to);
            cc = cc == null ? List.of() : List.copyOf(cc);
            timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        }

        /** True when the mail goes to the sandbox mailbox in this process rather than a real server. */
        public boolean sandbox() {
            return host.isEmpty();
        }
    }

    /** Webhook delivery: an HTTPS POST of the package as JSON, signed with HMAC-SHA256 over the body. */
    public record Webhook(String url, Secret secret, Duration timeout) {
        public Webhook {
            url = url == null ? "" : url.strip();
            secret = secret == null ? Secret.empty() : secret;
            timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        }
    }

    /** Folder delivery: one package folder per item, written atomically into {@code dir}. */
    public record Folder(Path dir) {
        public Folder {
            dir = dir == null ? Path.of("") : dir;
        }
    }

    /**
     * Delivery inside the district ({@code internal: {unit: qzfb}}): the item is recorded for the receiving unit of
     * this same instance, whose office sees it in its 报送 inbox and may adopt it as a new item. No mail, no I/O.
     *
     * @param unit the id of the receiving unit (one of {@code units:}, not the unit sending through this portal)
     */
    public record Internal(String unit) {
        public Internal {
            unit = unit == null ? "" : unit.strip();
        }
    }

    /** A portal reached by e-mail, webhook or folder (no receiving unit in this instance). */
    public PortalConfig(String id, String name, List<String> categories, Delivery delivery, Email email,
                        Webhook webhook, Folder folder, String subject, String unit, String contact, String phone) {
        this(id, name, categories, delivery, email, webhook, folder, subject, unit, contact, phone, null);
    }

    public PortalConfig {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ConfigException("portals[].id", String.valueOf(id),
                    "门户编号只能用 1–32 个小写字母、数字、- 或 _");
        }
        if (name == null || name.isBlank()) {
            throw new ConfigException("portals[" + id + "].name", "", "请写上接收单位的名称，如 红旗区人民政府办公室");
        }
        if (delivery == null) {
            throw new ConfigException("portals[" + id + "].delivery", "", "请写明报送方式：email、webhook、folder 或 internal（本实例内的单位）");
        }
        categories = categories == null ? List.of() : List.copyOf(categories);
        subject = subject == null || subject.isBlank() ? "【信息报送】{unit}：{title}" : subject;
        unit = unit == null ? "" : unit.strip();
        contact = contact == null ? "" : contact.strip();
        phone = phone == null ? "" : phone.strip();
    }

    /** The same portal writing into another folder (the loader resolves a relative {@code folder.dir}). */
    PortalConfig withFolder(Folder other) {
        return new PortalConfig(id, name, categories, delivery, email, webhook, other, subject, unit, contact, phone,
                internal);
    }

    /** Whether this portal delivers to a unit of this same instance ({@code delivery: internal}). */
    public boolean isInternal() {
        return delivery == Delivery.INTERNAL;
    }

    /** The receiving unit's id of an internal portal; empty for the others. */
    public java.util.Optional<String> receivingUnit() {
        return isInternal() && internal != null && !internal.unit().isEmpty()
                ? java.util.Optional.of(internal.unit()) : java.util.Optional.empty();
    }

    /** Whether an item of this category goes to this portal. */
    public boolean takes(String category) {
        return categories.isEmpty() || categories.contains(category);
    }
}

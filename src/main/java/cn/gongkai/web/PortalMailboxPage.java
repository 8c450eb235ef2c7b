package cn.gongkai.web;

import cn.gongkai.item.Scope;
import cn.gongkai.portal.Attachment;
import cn.gongkai.portal.DeliveryStore;
import cn.gongkai.portal.OfficeMailbox;
import cn.gongkai.portal.ReceivedMail;
import cn.gongkai.review.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * 区政府办邮箱 ({@code /portal/mailbox}): in sandbox mode the office's mailbox is kept in this process, and the office
 * looks here at what it received — the list, one mail ({@code /portal/mailbox/{n}}: headers and the plain text, never
 * the mail's HTML), its attachments ({@code /portal/mailbox/{n}/attachment?name=…}) and the mail as an .eml file
 * ({@code /portal/mailbox/{n}/mail.eml}). Everything in a mail is the sender's text: the pages escape it and files
 * are only ever downloaded. For the roles that publish, who see the mails their unit's deliveries sent (the mail's
 * Message-ID is that of a delivery row of their unit), and the district roles, who see every mail; any other mail
 * number is not found (404), before the role is checked.
 */
final class PortalMailboxPage {
    private final OfficeMailbox mailbox;
    private final DeliveryStore deliveries;
    private final Site site;
    private final Views views;

    PortalMailboxPage(OfficeMailbox mailbox, DeliveryStore deliveries, Site site, Views views) {
        this.mailbox = mailbox;
        this.deliveries = deliveries;
        this.site = site;
        this.views = views;
    }

    void register(RoutesConfig routes) {
        routes.get("/portal/mailbox", this::list);
        routes.get("/portal/mailbox/{n}", this::mail);
        routes.get("/portal/mailbox/{n}/mail.eml", this::raw);
        routes.get("/portal/mailbox/{n}/attachment", this::attachment);
    }

    /** What {@code portal-mailbox.ftlh} shows: the mails received, newest first. */
    public record ListView(List<Mail> mails) {
    }

    /** What {@code portal-mail.ftlh} shows: one mail with its text. */
    public record MailView(Mail mail, String body) {
    }

    /** A mail's headers as text, and its attachments. */
    public record Mail(int number, String at, String messageId, String from, String to, String subject, String size,
                       List<File> files) {
    }

    /** An attachment: its name, type, size in words and the query that downloads it. */
    public record File(String name, String type, String size, String href) {
    }

    private void list(Context ctx) {
        User me = reader(ctx);
        List<Mail> mails = new ArrayList<>();
        for (ReceivedMail m : visible(mailbox.received(), site.recordsScope(me))) {
            mails.add(0, mail(m));
        }
        views.page(ctx, Views.MAILBOX, "portal-mailbox.ftlh", new ListView(mails));
    }

    private void mail(Context ctx) {
        ReceivedMail m = find(ctx);
        reader(ctx);
        views.page(ctx, Views.MAILBOX, "portal-mail.ftlh", new MailView(mail(m), m.plainBody()));
    }

    private void raw(Context ctx) {
        int n = find(ctx).number();
        reader(ctx);
        byte[] eml = mailbox.raw(n).orElseThrow(() -> gone(n));
        download(ctx, eml, "mail-" + n + ".eml", "message/rfc822");
    }

    private void attachment(Context ctx) {
        int n = find(ctx).number();
        reader(ctx);
        String name = ctx.queryParam("name");
        Attachment a = name == null ? null : mailbox.attachment(n, name).orElse(null);
        if (a == null) {
            throw new NotFound("邮件 " + n + " 没有名为“" + (name == null ? "" : name) + "”的附件");
        }
        download(ctx, a.content(), a.fileName(), "application/octet-stream");
    }

    /** The roles that publish, and the district roles (who read every unit's mails and change nothing). */
    private static User reader(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        return me.role().district() ? me : ConsoleAccess.requireRole(ctx, "查看区政府办邮箱", ItemPages.PUBLISHERS);
    }

    /** The mails {@code scope} sees: every one for the district, else those sent by a delivery of its unit. */
    private List<ReceivedMail> visible(List<ReceivedMail> mails, Scope scope) {
        if (scope.isDistrict()) {
            return mails;
        }
        Set<String> own = deliveries.messageIds(mails.stream().map(ReceivedMail::messageId)
                .filter(id -> !id.isEmpty()).toList(), scope);
        return mails.stream().filter(m -> own.contains(m.messageId())).toList();
    }

    /** The mail numbered in the path, when the user's scope sees it; else 404 as for a number never received. */
    private ReceivedMail find(Context ctx) {
        int n = number(ctx);
        List<ReceivedMail> match = mailbox.received().stream().filter(m -> m.number() == n).toList();
        return visible(match, site.recordsScope(ConsoleAccess.user(ctx))).stream().findFirst()
                .orElseThrow(() -> gone(n));
    }

    private static int number(Context ctx) {
        String n = ctx.pathParam("n");
        if (!n.matches("\\d{1,9}")) {
            throw new NotFound("邮件编号应为数字：" + n);
        }
        return Integer.parseInt(n);
    }

    private static NotFound gone(int n) {
        return new NotFound("邮箱中没有第 " + n + " 封邮件（沙箱邮箱只保留最近收到的邮件，服务重启后清空）");
    }

    private Mail mail(ReceivedMail m) {
        List<File> files = m.attachments().stream().map(f -> new File(f.name(), f.mediaType(), size(f.size()),
                "/portal/mailbox/" + m.number() + "/attachment?name=" + URLEncoder.encode(f.name(),
                        StandardCharsets.UTF_8).replace("+", "%20"))).toList();
        return new Mail(m.number(), m.sentAt().map(views::time).orElse(""), m.messageId(), m.from(),
                String.join("，", m.to()), m.subject(), size(m.size()), files);
    }

    /** A size as staff read it: 812 字节, 35.2 KB, 1.4 MB. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " 字节";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /**
     * Sends a file to be saved, never shown: an ASCII name for old browsers and the real one as RFC 5987
     * {@code filename*}.
     */
    static void download(Context ctx, byte[] bytes, String fileName, String type) {
        String fallback = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        ctx.header("Content-Disposition", "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded);
        ctx.contentType(type).result(bytes);
    }
}

/**
 * Edge package of the 报区政府办 channel: the senders that carry a finished {@link cn.gongkai.portal.PortalPackage} to
 * the district office — {@link cn.gongkai.delivery.SmtpSender} (Jakarta Mail / Eclipse Angus),
 * {@link cn.gongkai.delivery.WebhookSender} (the JDK's HTTP client, HMAC-SHA256 signature),
 * {@link cn.gongkai.delivery.FolderSender} (atomic package folders) — the in-process sandbox mail server
 * {@link cn.gongkai.delivery.SandboxMailbox} (GreenMail), the factory {@link cn.gongkai.delivery.Senders} and the
 * {@code doctor} checks {@link cn.gongkai.delivery.PortalProbe}. The only package that uses Jakarta Mail, Angus or
 * GreenMail. Every failure becomes a {@link cn.gongkai.portal.DeliveryException} with a Chinese message naming the
 * cause and the configuration key to fix; no password or secret ever appears in a message or a log line.
 */
package cn.gongkai.delivery;

package cn.gongkai.portal;

/**
 * Sends one 报送 package to one portal: by e-mail, webhook or folder (implementations in
 * {@code cn.gongkai.delivery}). A sender never retries a send on its own; the caller decides, and every attempt for
 * the same item and portal carries the same {@link DeliveryIdentity}.
 */
public interface PortalSender {

    /**
     * Sends the package under the given identity.
     *
     * @throws DeliveryException naming, in Chinese, what failed and what to do
     */
    SendReceipt send(PortalPackage pkg, DeliveryIdentity identity) throws DeliveryException;

    /** One line for {@code doctor}: what this sender would reach, without secrets (host:port, URL host, folder). */
    String describe();
}

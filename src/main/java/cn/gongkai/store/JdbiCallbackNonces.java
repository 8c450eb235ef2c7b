package cn.gongkai.store;

import cn.gongkai.publish.CallbackNonces;
import java.time.Instant;

/** Callback nonces in {@code callback_nonce}, unique per account and nonce, so one node wins a race. */
final class JdbiCallbackNonces implements CallbackNonces {

    private final JdbiTransactions tx;

    JdbiCallbackNonces(JdbiTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean firstUse(String account, String nonce, Instant sentAt, Instant receivedAt) {
        try {
            return tx.call("cannot remember a callback nonce of account " + account, h -> h.createUpdate(
                            "INSERT INTO callback_nonce (account, nonce, sent_at, received_at)"
                                    + " VALUES (:account, :nonce, :sentAt, :receivedAt)")
                    .bind("account", account).bind("nonce", nonce).bind("sentAt", sentAt)
                    .bind("receivedAt", receivedAt).execute() == 1);
        } catch (StoreException e) {
            if (e.isUniqueViolation()) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public int purge(Instant before) {
        return tx.call("cannot purge old callback nonces", h -> h.createUpdate(
                "DELETE FROM callback_nonce WHERE sent_at < :before").bind("before", before).execute());
    }
}

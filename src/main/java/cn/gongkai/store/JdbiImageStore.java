package cn.gongkai.store;

import cn.gongkai.item.ContentHash;
import cn.gongkai.item.ImageStore;
import cn.gongkai.item.Scope;
import java.util.Optional;

/** Image bytes keyed by their SHA-256; the key is checked against the bytes before anything is stored. */
final class JdbiImageStore implements ImageStore {

    private final JdbiTransactions tx;

    JdbiImageStore(JdbiTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void put(String sha256, byte[] bytes) {
        String actual = ContentHash.sha256(bytes);
        if (!actual.equals(sha256)) {
            throw new IllegalArgumentException("image bytes hash to " + actual + ", not to the key " + sha256);
        }
        try {
            tx.call("cannot store image " + sha256, h -> {
                boolean present = h.createQuery("SELECT COUNT(*) FROM image_blob WHERE sha256 = :sha")
                        .bind("sha", sha256).mapTo(Long.class).one() > 0;
                if (!present) {
                    h.createUpdate("INSERT INTO image_blob (sha256, bytes, size_bytes) VALUES (:sha, :bytes, :size)")
                            .bind("sha", sha256).bind("bytes", bytes).bind("size", (long) bytes.length).execute();
                }
                return null;
            });
        } catch (StoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
        }
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        return tx.call("cannot read image " + sha256,
                h -> h.createQuery("SELECT bytes FROM image_blob WHERE sha256 = :sha").bind("sha", sha256)
                        .mapTo(byte[].class).findOne());
    }

    @Override
    public Optional<byte[]> get(String sha256, Scope scope) {
        if (scope.isDistrict()) {
            return get(sha256);
        }
        boolean hidden = tx.call("cannot read image " + sha256, h -> h.createQuery("SELECT COUNT(*) AS users,"
                        + " COUNT(CASE WHEN item.unit_id = :unit THEN 1 END) AS own FROM item_image"
                        + " JOIN item ON item.id = item_image.item_id WHERE item_image.sha256 = :sha")
                .bind("sha", sha256).bind("unit", scope.unitId().orElseThrow())
                .map((rs, ctx) -> rs.getLong("users") > 0 && rs.getLong("own") == 0).one());
        return hidden ? Optional.empty() : get(sha256);
    }
}

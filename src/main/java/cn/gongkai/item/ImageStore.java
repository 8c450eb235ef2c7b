package cn.gongkai.item;

import java.util.Optional;

/** Content-addressed storage of image bytes. Storing the same bytes twice is a no-op. */
public interface ImageStore {

    void put(String sha256, byte[] bytes);

    Optional<byte[]> get(String sha256);

    /**
     * The bytes when {@code scope} may see them: an image that only items outside the scope use (another unit's) is
     * not found; one no item uses yet (a fresh upload in the editor) is found by its key alone.
     */
    Optional<byte[]> get(String sha256, Scope scope);
}

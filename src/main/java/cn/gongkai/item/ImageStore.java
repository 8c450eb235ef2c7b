package cn.gongkai.item;

import java.util.Optional;

/** Content-addressed storage of image bytes. Storing the same bytes twice is a no-op. */
public interface ImageStore {

    void put(String sha256, byte[] bytes);

    Optional<byte[]> get(String sha256);
}

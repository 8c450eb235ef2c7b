package cn.gongkai.item;

/**
 * An image of an item, stored by content hash. The bytes live in the {@link ImageStore}.
 *
 * @param sha256   hex SHA-256 of the image bytes
 * @param fileName the name staff gave the file (kept for messages and uploads)
 * @param mimeType what the bytes are: image/jpeg, image/png, image/gif, image/bmp, image/webp or image/tiff; all but
 *                 JPEG and PNG are converted before upload
 * @param caption  text shown under the image; may be empty
 * @param alt      alternative text; may be empty
 */
public record ItemImage(String sha256, String fileName, String mimeType, int width, int height, long size,
                        String caption, String alt) {
    public ItemImage {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("image sha256 must be 64 lowercase hex digits: " + sha256);
        }
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("image fileName must not be blank");
        }
        if (mimeType == null || !mimeType.startsWith("image/")) {
            throw new IllegalArgumentException("image mimeType must be image/*: " + mimeType);
        }
        if (width <= 0 || height <= 0 || size <= 0) {
            throw new IllegalArgumentException("image " + fileName + " has no size");
        }
        caption = caption == null ? "" : caption.strip();
        alt = alt == null ? "" : alt.strip();
    }
}

package cn.gongkai.portal;

import java.util.Objects;

/**
 * One file of a 报送 package: the article as .docx, a picture, or the metadata JSON.
 *
 * @param fileName  a plain file name without folders (checked), as the receiver will see it
 * @param mediaType e.g. {@code application/vnd.openxmlformats-officedocument.wordprocessingml.document}
 */
public record Attachment(String fileName, String mediaType, byte[] content) {
    public Attachment {
        Objects.requireNonNull(content, "content");
        if (fileName == null || fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")
                || fileName.equals(".") || fileName.equals("..")) {
            throw new IllegalArgumentException("attachment file name must be a plain name: " + fileName);
        }
        if (mediaType == null || mediaType.isBlank()) {
            throw new IllegalArgumentException("attachment media type must not be blank");
        }
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + mediaType + ", " + content.length + " bytes]";
    }
}

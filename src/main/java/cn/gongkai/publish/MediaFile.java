package cn.gongkai.publish;

/** An image to upload: a file name with a real extension (.jpg/.png), its MIME type and bytes. */
public record MediaFile(String fileName, String mimeType, byte[] bytes) {
    public MediaFile {
        if (fileName == null || !fileName.matches("(?i).+\\.(jpg|jpeg|png|gif|bmp)")) {
            throw new IllegalArgumentException("media fileName needs an image extension: " + fileName);
        }
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("media " + fileName + " is empty");
        }
    }

    @Override
    public String toString() {
        return "MediaFile[" + fileName + ", " + mimeType + ", " + bytes.length + " bytes]";
    }
}

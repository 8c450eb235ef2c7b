package cn.gongkai.intake;

import cn.gongkai.item.WeChatLimits;
import cn.gongkai.render.ImageDecoding;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;

/**
 * Recognises an image by its bytes (never by its file name) and reads its dimensions. JPEG and PNG go to WeChat as
 * they are (when small enough); GIF, BMP, WebP and TIFF are accepted because the renderer converts them before upload.
 * HEIC/HEIF photos are converted to JPEG at import ({@link cn.gongkai.render.HeicConverter}), so only the JPEG is kept.
 */
final class ImageInspector {
    /** Largest image file accepted at import; images are re-encoded below WeChat's limits before upload. */
    static final long MAX_BYTES = WeChatLimits.IMAGE_MATERIAL_BYTES;
    /** Pixels decoded to prove a file readable: large images are read every n-th pixel, which needs far less memory. */
    private static final long CHECK_PIXELS = 4_000_000L;

    /** What the bytes are. */
    enum Format {
        JPEG("image/jpeg"), PNG("image/png"), GIF("image/gif"), BMP("image/bmp"), WEBP("image/webp"),
        TIFF("image/tiff"), HEIC("image/heic"), UNKNOWN("application/octet-stream");

        final String mime;

        Format(String mime) {
            this.mime = mime;
        }
    }

    /** A readable image. */
    record Inspected(Format format, int width, int height) {
    }

    static Format sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Format.JPEG;
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Format.PNG;
        }
        if (b.length >= 4 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return Format.GIF;
        }
        if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
            return Format.BMP;
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Format.WEBP;
        }
        if (b.length >= 4 && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0)
                || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42))) {
            return Format.TIFF;
        }
        if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            String brand = new String(b, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.equals("msf1")
                    || brand.startsWith("avi")) {
                return Format.HEIC;
            }
        }
        return Format.UNKNOWN;
    }

    /**
     * Reads the size from the image's header and decodes it (every few pixels, through the bounded pool of
     * {@link ImageDecoding}) to know the whole file is readable.
     *
     * @return empty when the bytes cannot be decoded (corrupt or truncated file)
     * @throws ImageDecoding.TooLarge when the header declares more than {@link ImageDecoding#MAX_PIXELS}; the pixel
     *                                data is not read then
     */
    static Optional<Inspected> inspect(String name, byte[] bytes, Format format) {
        try {
            BufferedImage img = ImageDecoding.decode(name, bytes, CHECK_PIXELS);
            if (img == null || img.getWidth() <= 0 || img.getHeight() <= 0) {
                return Optional.empty();
            }
            ImageDecoding.Size size = ImageDecoding.headerSize(bytes).orElse(null);
            if (size == null) {
                return Optional.empty();
            }
            return Optional.of(new Inspected(format, size.width(), size.height()));
        } catch (ImageDecoding.TooLarge e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

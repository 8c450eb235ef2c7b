package cn.gongkai.intake;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Real image bytes (and a few fake ones) drawn in memory for intake tests. */
final class Images {
    private Images() {
    }

    static byte[] jpeg(int w, int h) {
        return write(draw(w, h, BufferedImage.TYPE_INT_RGB), "jpg");
    }

    static byte[] png(int w, int h) {
        return write(draw(w, h, BufferedImage.TYPE_INT_ARGB), "png");
    }

    static byte[] gif(int w, int h) {
        return write(draw(w, h, BufferedImage.TYPE_INT_RGB), "gif");
    }

    static byte[] bmp(int w, int h) {
        return write(draw(w, h, BufferedImage.TYPE_INT_RGB), "bmp");
    }

    /** The WebP magic (RIFF, a size, WEBP, a VP8 chunk header) and zeros. */
    static byte[] webp() {
        byte[] b = new byte[64];
        byte[] head = "RIFF\u0038\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    /** The start of an HEIC file from a phone: an ISO-BMFF ftyp box with the heic brand. */
    static byte[] heic() {
        byte[] b = new byte[64];
        byte[] head = "\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000mif1heic"
                .getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    /** The JPEG magic followed by bytes no decoder can read. */
    static byte[] corruptJpeg() {
        byte[] b = new byte[256];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        for (int i = 3; i < b.length; i++) {
            b[i] = (byte) (i * 37 + 11);
        }
        return b;
    }

    static Path writeTo(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage draw(int w, int h, int type) {
        BufferedImage img = new BufferedImage(w, h, type);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xB2, 0x22, 0x22));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        return img;
    }

    private static byte[] write(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

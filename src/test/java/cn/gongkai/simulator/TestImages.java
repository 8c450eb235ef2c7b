package cn.gongkai.simulator;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.ImageIO;

/** Real image bytes for upload tests. */
final class TestImages {
    private TestImages() {
    }

    static byte[] png(int w, int h) {
        return write(image(w, h, false), "png");
    }

    static byte[] jpeg(int w, int h) {
        return write(image(w, h, false), "jpg");
    }

    static byte[] gif(int w, int h) {
        return write(image(w, h, false), "gif");
    }

    static byte[] bmp(int w, int h) {
        return write(image(w, h, false), "bmp");
    }

    /** A PNG of random noise, so it does not compress: roughly 3 bytes per pixel. */
    static byte[] noisyPng(int w, int h) {
        return write(image(w, h, true), "png");
    }

    static byte[] noisyJpeg(int w, int h) {
        return write(image(w, h, true), "jpg");
    }

    /** Just the WebP magic: RIFF, a size, WEBP, VP8 chunk header. */
    static byte[] webp() {
        byte[] b = new byte[64];
        byte[] head = "RIFF\u0038\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    private static BufferedImage image(int w, int h, boolean noise) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, noise ? random.nextInt(0xFFFFFF) : new Color(x % 256, y % 256, 120).getRGB());
            }
        }
        return img;
    }

    private static byte[] write(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

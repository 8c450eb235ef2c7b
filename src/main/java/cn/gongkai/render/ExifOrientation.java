package cn.gongkai.render;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

/**
 * The EXIF orientation tag (0x0112) of JPEG, TIFF, WebP and PNG files, and turning decoded pixels upright by it.
 * Cameras and phones store photos sideways and set this tag; ImageIO ignores it, WeChat does not apply it to
 * uploaded images either, so a phone photo would appear lying on its side.
 */
final class ExifOrientation {
    /** No tag, or the tag says the pixels are already upright. */
    static final int NORMAL = 1;

    private ExifOrientation() {
    }

    /** The orientation 1–8 stored in the image, or {@link #NORMAL} when there is none or it cannot be read. */
    static int read(byte[] b) {
        try {
            int o = find(b);
            return o >= 1 && o <= 8 ? o : NORMAL;
        } catch (IndexOutOfBoundsException e) {
            return NORMAL;
        }
    }

    /** Whether the orientation swaps width and height (5–8: a quarter turn). */
    static boolean swapsAxes(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    private static int find(byte[] b) {
        if (b.length > 4 && u8(b, 0) == 0xFF && u8(b, 1) == 0xD8) {
            return jpeg(b);
        }
        if (b.length > 8 && ((b[0] == 'I' && b[1] == 'I') || (b[0] == 'M' && b[1] == 'M'))) {
            return tiff(b, 0, b.length);
        }
        if (b.length > 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
            return webp(b);
        }
        if (b.length > 8 && u8(b, 0) == 0x89 && ascii(b, 1, 3).equals("PNG")) {
            return png(b);
        }
        return NORMAL;
    }

    private static int jpeg(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length && u8(b, i) == 0xFF) {
            int marker = u8(b, i + 1);
            if (marker == 0xD9 || marker == 0xDA) {
                break;
            }
            int length = (u8(b, i + 2) << 8) | u8(b, i + 3);
            if (marker == 0xE1 && length > 8 && ascii(b, i + 4, 6).equals("Exif\0\0")) {
                return tiff(b, i + 10, length - 8);
            }
            i += 2 + length;
        }
        return NORMAL;
    }

    private static int webp(byte[] b) {
        int i = 12;
        while (i + 8 <= b.length) {
            String chunk = ascii(b, i, 4);
            int size = u8(b, i + 4) | (u8(b, i + 5) << 8) | (u8(b, i + 6) << 16) | (u8(b, i + 7) << 24);
            if (size < 0) {
                break;
            }
            if (chunk.equals("EXIF")) {
                int start = i + 8;
                if (size > 6 && ascii(b, start, 6).equals("Exif\0\0")) {
                    start += 6;
                }
                return tiff(b, start, size);
            }
            i += 8 + size + (size & 1);
        }
        return NORMAL;
    }

    private static int png(byte[] b) {
        int i = 8;
        while (i + 8 <= b.length) {
            int length = (u8(b, i) << 24) | (u8(b, i + 1) << 16) | (u8(b, i + 2) << 8) | u8(b, i + 3);
            String type = ascii(b, i + 4, 4);
            if (length < 0 || type.equals("IDAT") || type.equals("IEND")) {
                break;
            }
            if (type.equals("eXIf")) {
                return tiff(b, i + 8, length);
            }
            i += 12 + length;
        }
        return NORMAL;
    }

    /** Reads tag 0x0112 from IFD0 of the TIFF structure at {@code start}. */
    private static int tiff(byte[] b, int start, int length) {
        boolean little = b[start] == 'I';
        int ifd = int32(b, start + 4, little);
        int at = start + ifd;
        int entries = int16(b, at, little);
        for (int e = 0; e < entries; e++) {
            int entry = at + 2 + e * 12;
            if (entry + 12 > start + length) {
                break;
            }
            if (int16(b, entry, little) == 0x0112) {
                return int16(b, entry + 8, little);
            }
        }
        return NORMAL;
    }

    /** The pixels turned upright; the same image when the orientation is normal. */
    static BufferedImage apply(BufferedImage img, int orientation) {
        if (orientation <= NORMAL || orientation > 8) {
            return img;
        }
        int w = img.getWidth();
        int h = img.getHeight();
        // x' = m00·x + m01·y + m02, y' = m10·x + m11·y + m12, from stored pixels to upright ones.
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            default -> new AffineTransform(0, -1, 1, 0, 0, w);
        };
        boolean swap = swapsAxes(orientation);
        int type = img.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, type);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, t, null);
        g.dispose();
        return out;
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int int16(byte[] b, int i, boolean little) {
        return little ? u8(b, i) | (u8(b, i + 1) << 8) : (u8(b, i) << 8) | u8(b, i + 1);
    }

    private static int int32(byte[] b, int i, boolean little) {
        return little
                ? u8(b, i) | (u8(b, i + 1) << 8) | (u8(b, i + 2) << 16) | (u8(b, i + 3) << 24)
                : (u8(b, i) << 24) | (u8(b, i + 1) << 16) | (u8(b, i + 2) << 8) | u8(b, i + 3);
    }

    private static String ascii(byte[] b, int from, int length) {
        return new String(b, from, length, StandardCharsets.ISO_8859_1);
    }
}

package cn.gongkai.render;

/**
 * What a JPEG's or PNG's header says about its colours, read without decoding a pixel: whether a JPEG holds four
 * colour channels (CMYK or YCCK, as scanners and print workflows write them; phones and browsers show them with wrong
 * colours or not at all), and whether a PNG can be transparent (an alpha channel or a tRNS chunk). Such files are
 * never uploaded as they are.
 */
final class ColourHeaders {
    private static final int PNG_SIGNATURE = 8;

    private ColourHeaders() {
    }

    /** Whether the JPEG's frame header declares four components (CMYK or YCCK); false for anything else. */
    static boolean fourChannelJpeg(byte[] b) {
        try {
            return jpegComponents(b) == 4;
        } catch (IndexOutOfBoundsException e) {
            return false;
        }
    }

    /** Whether the PNG has an alpha channel (colour type 4 or 6) or a transparency chunk (tRNS) before its pixels. */
    static boolean transparentPng(byte[] b) {
        try {
            return pngTransparency(b);
        } catch (IndexOutOfBoundsException e) {
            return false;
        }
    }

    private static int jpegComponents(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length && u8(b, i) == 0xFF) {
            int marker = u8(b, i + 1);
            if (marker == 0xD9 || marker == 0xDA) {
                return 0;
            }
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                return u8(b, i + 9);
            }
            i += 2 + ((u8(b, i + 2) << 8) | u8(b, i + 3));
        }
        return 0;
    }

    private static boolean pngTransparency(byte[] b) {
        int colourType = u8(b, PNG_SIGNATURE + 8 + 9);
        if (colourType == 4 || colourType == 6) {
            return true;
        }
        int i = PNG_SIGNATURE;
        while (i + 8 <= b.length) {
            long length = ((long) u8(b, i) << 24) | (u8(b, i + 1) << 16) | (u8(b, i + 2) << 8) | u8(b, i + 3);
            String type = new String(b, i + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (type.equals("tRNS")) {
                return true;
            }
            if (type.equals("IDAT") || type.equals("IEND") || length > b.length) {
                return false;
            }
            i += 12 + (int) length;
        }
        return false;
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }
}

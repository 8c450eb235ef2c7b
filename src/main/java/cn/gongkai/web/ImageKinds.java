package cn.gongkai.web;

/**
 * The MIME type of image bytes by their magic numbers, for serving stored images and checking uploads. An HEIC/HEIF
 * photo (ISO-BMFF {@code ftyp} box with brand heic, heix, hevc, hevx, mif1 or msf1) is accepted at upload; saving the
 * item converts it to JPEG or refuses it (see {@code ItemImages}).
 */
final class ImageKinds {
    private ImageKinds() {
    }

    static String mimeOf(byte[] b) {
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (starts(b, 'B', 'M')) {
            return "image/bmp";
        }
        if (b.length > 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P') {
            return "image/webp";
        }
        if (starts(b, 'I', 'I', 42, 0) || starts(b, 'M', 'M', 0, 42)) {
            return "image/tiff";
        }
        if (heic(b)) {
            return "image/heic";
        }
        return "application/octet-stream";
    }

    private static boolean heic(byte[] b) {
        if (b.length < 12 || b[4] != 'f' || b[5] != 't' || b[6] != 'y' || b[7] != 'p') {
            return false;
        }
        String brand = new String(b, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        return java.util.Set.of("heic", "heix", "hevc", "hevx", "mif1", "msf1").contains(brand);
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != (prefix[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}

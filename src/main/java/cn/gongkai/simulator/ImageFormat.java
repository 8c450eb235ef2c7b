package cn.gongkai.simulator;

/** Image formats recognised by their magic bytes, never by file name or declared content type. */
enum ImageFormat {
    JPEG("jpeg", "jpg"), PNG("png", "png"), GIF("gif", "gif"), BMP("bmp", "bmp"), WEBP("webp", "webp"), UNKNOWN("", "");

    private final String wxFmt;
    private final String folder;

    ImageFormat(String wxFmt, String folder) {
        this.wxFmt = wxFmt;
        this.folder = folder;
    }

    /** The {@code wx_fmt} query value of mmbiz URLs. */
    String wxFmt() {
        return wxFmt;
    }

    /** The {@code sz_mmbiz_*} path segment of mmbiz URLs. */
    String folder() {
        return folder;
    }

    static ImageFormat sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return PNG;
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return GIF;
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return WEBP;
        }
        if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
            return BMP;
        }
        return UNKNOWN;
    }
}

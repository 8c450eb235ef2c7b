package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Stored and uploaded images are told apart by their first bytes, HEIC photos from phones included. */
class ImageKindsTest {

    private static byte[] ftyp(String brand) {
        byte[] b = new byte[32];
        byte[] head = ("\u0000\u0000\u0000\u0018ftyp" + brand).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    @Test
    void anIphoneHeicIsAnImageAndOtherIsoMediaFilesAreNot() throws IOException {
        byte[] photo = Files.readAllBytes(Path.of("src/test/resources/intake/corpus/images/IMG_0042.heic"));

        assertThat(ImageKinds.mimeOf(photo)).isEqualTo("image/heic");
        assertThat(ImageKinds.mimeOf(ftyp("heix"))).isEqualTo("image/heic");
        assertThat(ImageKinds.mimeOf(ftyp("mif1"))).isEqualTo("image/heic");
        assertThat(ImageKinds.mimeOf(ftyp("isom"))).as("an MP4 video").isEqualTo("application/octet-stream");
        assertThat(ImageKinds.mimeOf(ftyp("qt  "))).as("a QuickTime video").isEqualTo("application/octet-stream");
    }

    @Test
    void theOtherFormatsKeepTheirTypes() throws IOException {
        byte[] cmyk = Files.readAllBytes(Path.of("src/test/resources/intake/corpus/images/cmyk.jpg"));
        byte[] palette = Files.readAllBytes(Path.of("src/test/resources/intake/corpus/images/palette.png"));

        assertThat(ImageKinds.mimeOf(cmyk)).isEqualTo("image/jpeg");
        assertThat(ImageKinds.mimeOf(palette)).isEqualTo("image/png");
        assertThat(ImageKinds.mimeOf(new byte[] {'G', 'I', 'F', '8', '9', 'a'})).isEqualTo("image/gif");
        assertThat(ImageKinds.mimeOf(new byte[3])).isEqualTo("application/octet-stream");
    }
}

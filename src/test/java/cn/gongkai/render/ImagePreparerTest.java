package cn.gongkai.render;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ContentHash;
import cn.gongkai.item.ItemImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Images made acceptable to WeChat before upload. */
class ImagePreparerTest {
    private final ImagePreparer preparer = new ImagePreparer();

    private static BufferedImage picture(int w, int h, boolean noise) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xB2, 0x22, 0x22));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        if (noise) {
            Random r = new Random(7);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    img.setRGB(x, y, r.nextInt(0x1000000));
                }
            }
        }
        return img;
    }

    private static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    private static ItemImage describe(String name, String mime, byte[] bytes, int w, int h) {
        return new ItemImage(ContentHash.sha256(bytes), name, mime, w, h, bytes.length, "", "");
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void aSmallJpegPassesThroughUnchanged() throws IOException {
        byte[] jpeg = encode(picture(640, 480, false), "jpg");

        ImagePreparer.Prepared p = preparer.prepare(describe("photo.jpg", "image/jpeg", jpeg, 640, 480), jpeg);

        assertThat(p.bytes()).isEqualTo(jpeg);
        assertThat(p.mimeType()).isEqualTo("image/jpeg");
        assertThat(p.fileName()).endsWith(".jpg");
    }

    @Test
    void aSmallPngPassesThroughUnchanged() throws IOException {
        byte[] png = encode(picture(300, 200, false), "png");

        ImagePreparer.Prepared p = preparer.prepare(describe("chart.png", "image/png", png, 300, 200), png);

        assertThat(p.bytes()).isEqualTo(png);
        assertThat(p.mimeType()).isEqualTo("image/png");
        assertThat(p.fileName()).endsWith(".png");
    }

    @Test
    void aWidePngIsReencodedAsAJpegAtMost1080WideAndUnder1Mb() throws IOException {
        byte[] png = encode(picture(3000, 1200, true), "png");
        assertThat(png.length).isGreaterThan(1024 * 1024);

        ImagePreparer.Prepared p = preparer.prepare(describe("wide.png", "image/png", png, 3000, 1200), png);

        assertThat(p.mimeType()).isEqualTo("image/jpeg");
        assertThat(p.fileName()).endsWith(".jpg");
        assertThat(p.bytes().length).isLessThan(1024 * 1024);
        BufferedImage out = decode(p.bytes());
        assertThat(out.getWidth()).isLessThanOrEqualTo(1080).isGreaterThan(0);
        assertThat(out.getHeight() * 1.0 / out.getWidth()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aGifIsConvertedToJpeg() throws IOException {
        byte[] gif = encode(picture(200, 100, false), "gif");

        ImagePreparer.Prepared p = preparer.prepare(describe("anim.gif", "image/gif", gif, 200, 100), gif);

        assertThat(p.mimeType()).isEqualTo("image/jpeg");
        assertThat(decode(p.bytes()).getWidth()).isEqualTo(200);
    }

    @Test
    void aBmpIsConvertedToJpeg() throws IOException {
        byte[] bmp = encode(picture(200, 100, false), "bmp");

        ImagePreparer.Prepared p = preparer.prepare(describe("scan.bmp", "image/bmp", bmp, 200, 100), bmp);

        assertThat(p.mimeType()).isEqualTo("image/jpeg");
        assertThat(p.bytes()[0] & 0xff).isEqualTo(0xFF);
        assertThat(p.bytes()[1] & 0xff).isEqualTo(0xD8);
        assertThat(decode(p.bytes()).getHeight()).isEqualTo(100);
    }

    @Test
    void theDefaultCoverIsTheSameBytesEveryTime() throws IOException {
        ImagePreparer.Prepared first = preparer.defaultCover();
        ImagePreparer.Prepared second = new ImagePreparer().defaultCover();

        assertThat(first.bytes()).isEqualTo(second.bytes());
        assertThat(first.fileName()).isEqualTo(second.fileName());
        assertThat(first.mimeType()).isEqualTo("image/png");
        BufferedImage img = decode(first.bytes());
        assertThat(img.getWidth()).isEqualTo(900);
        assertThat(img.getHeight()).isEqualTo(383);
    }
}

package cn.gongkai.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.item.ContentHash;
import cn.gongkai.item.ItemImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Images made acceptable to WeChat before upload. */
class ImagePreparerTest {
    private static final Path IMAGES = Path.of("src/test/resources/render/golden/images");
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

    private static boolean blue(int rgb) {
        return (rgb & 0xFF) > 150 && ((rgb >> 16) & 0xFF) < 100;
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
    void aGifIsConvertedToPngBecauseItIsAGraphic() throws IOException {
        byte[] gif = encode(picture(200, 100, false), "gif");

        ImagePreparer.Prepared p = preparer.prepare(describe("anim.gif", "image/gif", gif, 200, 100), gif);

        assertThat(p.mimeType()).isEqualTo("image/png");
        assertThat(p.fileName()).endsWith(".png");
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

    private static byte[] file(String name) throws IOException {
        return Files.readAllBytes(IMAGES.resolve(name));
    }

    private static ItemImage describeFile(String name, String mime) throws IOException {
        byte[] bytes = file(name);
        BufferedImage img = decode(bytes);
        return describe(name, mime, bytes, img.getWidth(), img.getHeight());
    }

    @Test
    void aLossyWebpPhotoBecomesAJpegOfTheSameSize() throws IOException {
        ImagePreparer.Prepared p = preparer.prepare(describeFile("photo.webp", "image/webp"), file("photo.webp"));

        assertThat(p.mimeType()).isEqualTo("image/jpeg");
        assertThat(p.fileName()).endsWith(".jpg");
        BufferedImage out = decode(p.bytes());
        assertThat(out.getWidth()).isEqualTo(480);
        assertThat(out.getHeight()).isEqualTo(320);
    }

    @Test
    void aLosslessWebpWithTransparencyBecomesAPngLaidOnWhite() throws IOException {
        ImagePreparer.Prepared p = preparer.prepare(describeFile("badge.webp", "image/webp"), file("badge.webp"));

        assertThat(p.mimeType()).isEqualTo("image/png");
        BufferedImage out = decode(p.bytes());
        assertThat(out.getColorModel().hasAlpha()).isFalse();
        assertThat(out.getRGB(599, 299)).as("a transparent corner is white, not black").isEqualTo(0xFFFFFFFF);
    }

    @Test
    void aTiffScanIsConvertedToJpeg() throws IOException {
        ImagePreparer.Prepared p = preparer.prepare(describeFile("scan.tif", "image/tiff"), file("scan.tif"));

        assertThat(p.mimeType()).isEqualTo("image/jpeg");
        assertThat(decode(p.bytes()).getWidth()).isEqualTo(320);
    }

    @Test
    void aPhotoStoredSidewaysIsTurnedUprightByItsExifOrientation() throws IOException {
        byte[] sideways = file("rotated.jpg");
        ItemImage image = describe("rotated.jpg", "image/jpeg", sideways, 400, 300);

        ImagePreparer.Prepared p = preparer.prepare(image, sideways);

        assertThat(p.bytes()).isNotEqualTo(sideways);
        BufferedImage out = decode(p.bytes());
        assertThat(out.getWidth()).isEqualTo(300);
        assertThat(out.getHeight()).isEqualTo(400);
        // The blue mark drawn in the stored top-left corner is at the top right once turned clockwise.
        assertThat(blue(out.getRGB(out.getWidth() - 10, 10))).isTrue();
        assertThat(blue(out.getRGB(10, 10))).isFalse();
    }

    @Test
    void everyExifOrientationPutsTheStoredTopLeftCornerWhereItBelongs() {
        BufferedImage stored = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        stored.setRGB(0, 0, 0x0000FF);
        // orientation → where the stored pixel (0,0) ends up, as (right?, bottom?)
        boolean[][] expected = {{false, false}, {true, false}, {true, true}, {false, true}, {false, false},
                {true, false}, {true, true}, {false, true}};
        for (int o = 1; o <= 8; o++) {
            BufferedImage out = ExifOrientation.apply(stored, o);
            boolean swap = o >= 5;
            assertThat(out.getWidth()).as("width for %d", o).isEqualTo(swap ? 20 : 40);
            int x = expected[o - 1][0] ? out.getWidth() - 1 : 0;
            int y = expected[o - 1][1] ? out.getHeight() - 1 : 0;
            assertThat(out.getRGB(x, y) & 0xFFFFFF).as("corner for orientation %d", o).isEqualTo(0x0000FF);
        }
    }

    @Test
    void theOrientationIsReadFromJpegTiffAndFilesWithoutOneAreNormal() throws IOException {
        assertThat(ExifOrientation.read(file("rotated.jpg"))).isEqualTo(6);
        assertThat(ExifOrientation.read(file("photo.jpg"))).isEqualTo(ExifOrientation.NORMAL);
        assertThat(ExifOrientation.read(file("scan.tif"))).isEqualTo(ExifOrientation.NORMAL);
        assertThat(ExifOrientation.read(file("photo.webp"))).isEqualTo(ExifOrientation.NORMAL);
        assertThat(ExifOrientation.read(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x7F}))
                .as("a truncated segment").isEqualTo(ExifOrientation.NORMAL);
    }

    @Test
    void aNoisyPhotoTooBigForUploadimgIsShrunkUntilItFits() throws IOException {
        byte[] png = encode(picture(2000, 1500, true), "png");
        ItemImage image = new ItemImage(ContentHash.sha256(png), "noise.png", "image/png", 2000, 1500, png.length,
                "", "");

        ImagePreparer.Prepared p = preparer.prepare(image, png);

        assertThat(p.mimeType()).isEqualTo("image/jpeg");
        assertThat(p.bytes().length).isLessThanOrEqualTo(ImagePreparer.MAX_BYTES);
        assertThat(decode(p.bytes()).getWidth()).isLessThanOrEqualTo(1080);
    }

    @Test
    void bytesThatAreNoImageGiveAClearError() {
        byte[] junk = "这不是图片".getBytes(StandardCharsets.UTF_8);
        ItemImage image = new ItemImage(ContentHash.sha256(junk), "假图.jpg", "image/webp", 10, 10, junk.length, "",
                "");

        assertThatThrownBy(() -> preparer.prepare(image, junk)).isInstanceOf(RenderException.class)
                .hasMessageContaining("图片“假图.jpg”无法读取");
    }

    @Test
    void coverCropsAreCentredAndNormalisedToSixDecimals() {
        assertThat(ImagePreparer.CoverCrops.centred(1080, 720))
                .isEqualTo(new ImagePreparer.CoverCrops("0_0.180851_1_0.819149", "0.166667_0_0.833333_1"));
        assertThat(ImagePreparer.CoverCrops.centred(2350, 1000))
                .isEqualTo(new ImagePreparer.CoverCrops("0_0_1_1", "0.287234_0_0.712766_1"));
        assertThat(ImagePreparer.CoverCrops.centred(3000, 1000).picCrop2351()).isEqualTo("0.108333_0_0.891667_1");
        assertThat(ImagePreparer.CoverCrops.centred(500, 800).picCrop11()).isEqualTo("0_0.1875_1_0.8125");
    }

    @Test
    void theCropsOfASidewaysCoverAreComputedOnTheUprightImage() throws IOException {
        byte[] sideways = file("rotated.jpg");

        ImagePreparer.CoverCrops crops = preparer.coverCrops(describe("rotated.jpg", "image/jpeg", sideways, 400,
                300), sideways);

        assertThat(crops).isEqualTo(ImagePreparer.CoverCrops.centred(300, 400));
    }

    @Test
    void aCropOutsideTheImageIsRefused() {
        assertThatThrownBy(() -> new ImagePreparer.CoverCrops("0_0_1.2_1", "0_0_1_1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("picCrop2351");
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

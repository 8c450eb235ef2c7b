package cn.gongkai.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemImage;
import cn.gongkai.render.HeicConverter;
import cn.gongkai.render.ImageDecoding;
import cn.gongkai.render.ImagePreparer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Pictures as phones, scanners and office software make them, imported and then prepared for WeChat. The small files
 * in {@code intake/corpus/images} were made once: {@code cmyk.jpg} (Adobe CMYK, no colour transform) with the JDK's
 * JPEG writer from a four-band raster, {@code ycck.jpg} (Adobe YCCK), {@code rgb16.png} (16 bits a channel) and
 * {@code palette.png} (indexed) with ImageMagick 6.9, {@code IMG_0042.heic} with heif-enc (libheif 1.15) from a
 * 640×240 red | blue picture. The rest is drawn here.
 */
class ImageCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/intake/corpus/images");
    private static final int LINE = 7;

    private final ImagePreparer preparer = new ImagePreparer();

    /** One picture loaded as the body of an item: the image, its kept bytes, and the problems. */
    private record Loaded(ItemImage image, byte[] bytes, List<ImportProblem> problems) {
    }

    private static Loaded load(ImageSource source, String name, HeicConverter heic) {
        FileProblems p = new FileProblems(Path.of("item.md"));
        ItemImages images = new ItemImages(source, p, heic);
        List<ItemImage> loaded = images.body(List.of(new ItemBody.ImageRef(name, "现场", "", LINE)));
        ItemImage image = loaded.isEmpty() ? null : loaded.get(0);
        return new Loaded(image, image == null ? null : images.bytes().get(image.sha256()), p.list());
    }

    private static Loaded fromCorpus(String name) {
        return load(ImageSource.besideFile(CORPUS.resolve("item.md")), name, HeicConverter.system());
    }

    private static Loaded given(String name, byte[] bytes) {
        return load(ImageSource.inMemory(Map.of(name, bytes)), name, HeicConverter.system());
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    private static void assertColour(BufferedImage img, int x, int y, int r, int g, int b, int tolerance) {
        Color c = new Color(img.getRGB(x, y), true);
        assertThat(c.getAlpha()).as("alpha at %d,%d", x, y).isEqualTo(255);
        assertThat(new int[] {c.getRed(), c.getGreen(), c.getBlue()}).as("colour at %d,%d: %s", x, y, c)
                .satisfies(rgb -> {
                    assertThat(rgb[0]).isBetween(r - tolerance, r + tolerance);
                    assertThat(rgb[1]).isBetween(g - tolerance, g + tolerance);
                    assertThat(rgb[2]).isBetween(b - tolerance, b + tolerance);
                });
    }

    private static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, "png", out)).isTrue();
        return out.toByteArray();
    }

    private static byte[] gif(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, "gif", out)).isTrue();
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage img, boolean progressive) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.setOutput(stream);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Red on the left half, blue on the right, in an image of {@code type}. */
    private static BufferedImage halves(int w, int h, int type) {
        BufferedImage img = new BufferedImage(w, h, type);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(200, 30, 30));
        g.fillRect(0, 0, w / 2, h);
        g.setColor(new Color(30, 30, 200));
        g.fillRect(w / 2, 0, w - w / 2, h);
        g.dispose();
        return img;
    }

    @Test
    void aCmykJpegFromAPrintShopImportsAndIsUploadedAsRgbWithItsColours() throws IOException {
        Loaded l = fromCorpus("cmyk.jpg");

        assertThat(l.problems()).isEmpty();
        assertThat(l.image().mimeType()).isEqualTo("image/jpeg");
        assertThat(l.image().width()).isEqualTo(64);
        ImagePreparer.Prepared p = preparer.prepare(l.image(), l.bytes());
        assertThat(p.bytes()).as("a CMYK JPEG is never uploaded as it is").isNotEqualTo(l.bytes());
        BufferedImage out = decode(p.bytes());
        assertThat(out.getColorModel().getNumComponents()).isEqualTo(3);
        assertColour(out, 10, 16, 255, 0, 0, 24);
        assertColour(out, 54, 16, 0, 102, 204, 24);
    }

    @Test
    void aYcckJpegImportsAndIsUploadedAsRgbWithItsColours() throws IOException {
        Loaded l = fromCorpus("ycck.jpg");

        assertThat(l.problems()).isEmpty();
        assertThat(l.image().width()).isEqualTo(128);
        ImagePreparer.Prepared p = preparer.prepare(l.image(), l.bytes());
        assertThat(p.bytes()).isNotEqualTo(l.bytes());
        BufferedImage out = decode(p.bytes());
        assertColour(out, 10, 16, 255, 0, 0, 24);
        assertColour(out, 110, 16, 0, 102, 204, 24);
    }

    @Test
    void aWideProgressiveJpegIsReadAndScaledTo1080() throws IOException {
        byte[] progressive = jpeg(halves(2400, 1200, BufferedImage.TYPE_INT_RGB), true);
        Loaded l = given("progressive.jpg", progressive);

        assertThat(l.problems()).isEmpty();
        assertThat(l.image().width()).isEqualTo(2400);
        BufferedImage out = decode(preparer.prepare(l.image(), l.bytes()).bytes());
        assertThat(out.getWidth()).isEqualTo(1080);
        assertThat(out.getHeight()).isEqualTo(540);
        assertColour(out, 100, 270, 200, 30, 30, 16);
        assertColour(out, 980, 270, 30, 30, 200, 16);
    }

    @Test
    void aSixteenBitPngImportsAndItsPixelsReadRight() throws IOException {
        Loaded l = fromCorpus("rgb16.png");

        assertThat(l.problems()).isEmpty();
        assertThat(l.image().mimeType()).isEqualTo("image/png");
        assertThat(l.image().width()).isEqualTo(256);
        assertThat(l.image().height()).isEqualTo(64);
        BufferedImage out = decode(preparer.prepare(l.image(), l.bytes()).bytes());
        assertColour(out, 10, 32, 255, 0, 0, 2);
        assertColour(out, 200, 32, 0, 102, 204, 2);
    }

    @Test
    void aPalettePngImportsAndItsPixelsReadRight() throws IOException {
        Loaded l = fromCorpus("palette.png");

        assertThat(l.problems()).isEmpty();
        assertThat(l.image().width()).isEqualTo(128);
        BufferedImage out = decode(preparer.prepare(l.image(), l.bytes()).bytes());
        assertColour(out, 10, 16, 0, 128, 0, 2);
        assertColour(out, 100, 16, 255, 204, 0, 2);
    }

    @Test
    void aTransparentPngIsLaidOnWhiteNotBlack() throws IOException {
        BufferedImage logo = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = logo.createGraphics();
        g.setColor(new Color(178, 34, 34));
        g.fillOval(50, 10, 100, 80);
        g.dispose();
        Loaded l = given("logo.png", png(logo));

        ImagePreparer.Prepared p = preparer.prepare(l.image(), l.bytes());

        assertThat(p.mimeType()).isEqualTo("image/png");
        BufferedImage out = decode(p.bytes());
        assertThat(out.getColorModel().hasAlpha()).isFalse();
        assertColour(out, 0, 0, 255, 255, 255, 0);
        assertColour(out, 199, 99, 255, 255, 255, 0);
        assertColour(out, 100, 50, 178, 34, 34, 0);
    }

    @Test
    void aTransparentPalettePngAndGifAreLaidOnWhite() throws IOException {
        byte[] r = {(byte) 255, (byte) 178};
        byte[] gb = {0, 34};
        IndexColorModel palette = new IndexColorModel(8, 2, r, gb, gb, 0);
        BufferedImage img = new BufferedImage(120, 60, BufferedImage.TYPE_BYTE_INDEXED, palette);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(178, 34, 34));
        g.fillRect(40, 20, 40, 20);
        g.dispose();

        for (Loaded l : List.of(given("badge.png", png(img)), given("badge.gif", gif(img)))) {
            assertThat(l.problems()).isEmpty();
            BufferedImage out = decode(preparer.prepare(l.image(), l.bytes()).bytes());
            assertThat(out.getColorModel().hasAlpha()).as(l.image().fileName()).isFalse();
            assertColour(out, 0, 0, 255, 255, 255, 0);
            assertColour(out, 60, 30, 178, 34, 34, 0);
        }
    }

    @Test
    void anIphoneHeicPhotoIsConvertedToJpegByHeifConvertAtImport() throws IOException {
        assertThat(HeicConverter.system().program()).as("heif-convert is installed (apt-get install libheif-examples)")
                .isPresent();

        Loaded l = fromCorpus("IMG_0042.heic");

        assertThat(l.problems()).isEmpty();
        assertThat(l.image().mimeType()).isEqualTo("image/jpeg");
        assertThat(l.image().fileName()).isEqualTo("IMG_0042.jpg");
        assertThat(l.image().width()).isEqualTo(640);
        assertThat(l.image().height()).isEqualTo(240);
        assertThat(l.bytes()[0] & 0xFF).isEqualTo(0xFF);
        assertThat(l.bytes()[1] & 0xFF).isEqualTo(0xD8);
        BufferedImage out = decode(preparer.prepare(l.image(), l.bytes()).bytes());
        assertColour(out, 100, 120, 220, 20, 20, 30);
        assertColour(out, 540, 120, 20, 60, 200, 30);
    }

    @Test
    void withoutHeifConvertAnHeicPhotoIsRefusedWithThePhoneSetting() {
        Loaded l = load(ImageSource.besideFile(CORPUS.resolve("item.md")), "IMG_0042.heic", HeicConverter.absent());

        assertThat(l.image()).isNull();
        assertThat(l.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(LINE);
            assertThat(p.field()).isEqualTo("图片");
            assertThat(p.message()).contains("图片“IMG_0042.heic”是 HEIC/AVIF 格式", "另存为 JPG",
                    "设置 → 相机 → 格式 → 兼容性最佳", "没有安装 HEIC 转换程序 heif-convert", "libheif-examples");
        });
    }

    @Test
    void aDamagedHeicIsRefusedNamingTheFileAndTheFix() {
        assertThat(HeicConverter.system().program()).as("heif-convert is installed").isPresent();
        byte[] cut = java.util.Arrays.copyOf(Images.heic(), 64);

        Loaded l = given("IMG_0099.HEIC", cut);

        assertThat(l.image()).isNull();
        assertThat(l.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("图片“IMG_0099.HEIC”是 HEIC/AVIF 格式", "文件已损坏或不完整", "另存为 JPG"));
    }

    @Test
    void aSidewaysPhotoIsSubsampledByTheSideThatBecomesItsWidth() throws IOException {
        byte[] photo = jpeg(halves(4320, 2160, BufferedImage.TYPE_3BYTE_BGR), false);

        ImageDecoding.Decoded flat = ImageDecoding.decodeAtLeast("a.jpg", photo, 1080, false);
        ImageDecoding.Decoded turned = ImageDecoding.decodeAtLeast("a.jpg", photo, 1080, true);

        assertThat(flat.step()).isEqualTo(4);
        assertThat(flat.image().getWidth()).isEqualTo(1080);
        assertThat(turned.step()).as("upright, the stored height 2160 is the width").isEqualTo(2);
        assertThat(turned.image().getHeight()).isEqualTo(1080);
    }

    /**
     * A 48-megapixel phone photo (8000×6000) is read every 7th pixel (about 1143×858, the smallest reading at least
     * 1080 wide) and then scaled to 1080: the decode needs a few MB instead of the 144 MB of the whole picture. The
     * heap used by both ways of decoding is printed for docs/benchmarks.md, not asserted.
     */
    @Test
    void a48MegapixelPhotoIsDecodedSubsampledAndPreparedAt1080() throws IOException {
        byte[] photo = jpeg(halves(8000, 6000, BufferedImage.TYPE_3BYTE_BGR), false);
        Loaded l = given("IMG_4800.jpg", photo);
        assertThat(l.problems()).isEmpty();
        assertThat(l.image().width()).isEqualTo(8000);
        assertThat(l.image().height()).isEqualTo(6000);

        long whole = HeapPeak.during(() -> ImageDecoding.decode("IMG_4800.jpg", photo));
        long[] step = new long[1];
        long subsampled = HeapPeak.during(() -> {
            ImageDecoding.Decoded d = ImageDecoding.decodeAtLeast("IMG_4800.jpg", photo, 1080, false);
            step[0] = d.step();
            assertThat(d.image().getWidth()).isEqualTo(1143);
            assertThat(d.image().getHeight()).isEqualTo(858);
            return d.image();
        });
        System.out.printf("48 MP JPEG (8000x6000, %d KB): heap peak decoding whole %d MB, subsampled (every %dth"
                + " pixel) %d MB%n", photo.length / 1024, whole >> 20, step[0], subsampled >> 20);
        assertThat(step[0]).isEqualTo(7);

        BufferedImage out = decode(preparer.prepare(l.image(), l.bytes()).bytes());
        assertThat(out.getWidth()).isEqualTo(1080);
        assertThat(out.getHeight()).as("8000×6000 at 1080 wide, give or take rounding").isBetween(810, 811);
        assertColour(out, 200, 400, 200, 30, 30, 16);
        assertColour(out, 880, 400, 30, 30, 200, 16);
    }
}

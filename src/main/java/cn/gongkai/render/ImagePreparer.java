package cn.gongkai.render;

import cn.gongkai.item.ContentHash;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.WeChatLimits;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Makes an image acceptable to WeChat before upload: JPEG or PNG, upright (EXIF orientation applied), at most 1080 px
 * wide, under 1 MB. WebP, BMP, GIF (first frame) and TIFF (first page) are converted; graphics (PNG, GIF, anything
 * with transparency) stay PNG when that fits, photos become JPEG. Images already within the limits pass through
 * unchanged, so their content hash (and the upload cache) stays stable. Also computes the centred cover crops
 * {@code draft/add} takes ({@code pic_crop_235_1}, {@code pic_crop_1_1}).
 */
public final class ImagePreparer {
    /** Widest image kept; WeChat shows articles at phone width. */
    public static final int MAX_WIDTH = 1080;
    /** uploadimg refuses files of 1 MB or more. */
    public static final int MAX_BYTES = WeChatLimits.UPLOADIMG_BYTES - 1;

    private static final double[] JPEG_QUALITIES = {0.88, 0.8, 0.7, 0.6, 0.5};
    private static final int MIN_WIDTH = 320;
    private static final int DEFAULT_COVER_WIDTH = 900;
    private static final int DEFAULT_COVER_HEIGHT = 383;

    /** A prepared image: upload name, MIME type and bytes. */
    public record Prepared(String fileName, String mimeType, byte[] bytes) {
        public Prepared {
            if (fileName == null || fileName.isBlank()) {
                throw new IllegalArgumentException("prepared image needs a file name");
            }
            if (!"image/jpeg".equals(mimeType) && !"image/png".equals(mimeType)) {
                throw new IllegalArgumentException("prepared image must be JPEG or PNG: " + mimeType);
            }
            if (bytes == null || bytes.length == 0) {
                throw new IllegalArgumentException("prepared image " + fileName + " has no bytes");
            }
        }
    }

    /**
     * The cover crops of {@code draft/add}: {@code X1_Y1_X2_Y2}, coordinates normalised to the uploaded cover (0,0
     * top left, 1,1 bottom right), at most 6 decimals (wechat-api.md §1.3).
     *
     * @param picCrop2351 the 2.35:1 crop shown in the feed
     * @param picCrop11   the 1:1 crop shown in shares and lists
     */
    public record CoverCrops(String picCrop2351, String picCrop11) {
        private static final String CROP = "(0|1|0\\.\\d{1,6})(_(0|1|0\\.\\d{1,6})){3}";

        public CoverCrops {
            if (picCrop2351 == null || !picCrop2351.matches(CROP)) {
                throw new IllegalArgumentException("picCrop2351 must be X1_Y1_X2_Y2 in 0..1: " + picCrop2351);
            }
            if (picCrop11 == null || !picCrop11.matches(CROP)) {
                throw new IllegalArgumentException("picCrop11 must be X1_Y1_X2_Y2 in 0..1: " + picCrop11);
            }
        }

        /** The largest centred crops of an upright image of this size. */
        public static CoverCrops centred(int width, int height) {
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("cover size must be positive: " + width + "×" + height);
            }
            return new CoverCrops(crop(width, height, 2.35), crop(width, height, 1.0));
        }

        private static String crop(int w, int h, double ratio) {
            double x1 = 0;
            double y1 = 0;
            if ((double) w / h > ratio) {
                x1 = (w - h * ratio) / 2 / w;
            } else {
                y1 = (h - w / ratio) / 2 / h;
            }
            return decimal(x1) + "_" + decimal(y1) + "_" + decimal(1 - x1) + "_" + decimal(1 - y1);
        }

        private static String decimal(double v) {
            return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
    }

    /** Prepares the image bytes for {@code media/uploadimg} and {@code material/add_material}. */
    public Prepared prepare(ItemImage image, byte[] bytes) {
        String base = image.sha256().substring(0, 16);
        int orientation = ExifOrientation.read(bytes);
        if (uploadableAsIs(image, bytes, orientation)) {
            String ext = image.mimeType().equals("image/png") ? ".png" : ".jpg";
            return new Prepared(base + ext, image.mimeType(), bytes);
        }
        BufferedImage source = decode(image.fileName(), bytes, ExifOrientation.swapsAxes(orientation));
        boolean graphic = image.mimeType().equals("image/png") || image.mimeType().equals("image/gif")
                || source.getColorModel().hasAlpha();
        BufferedImage upright = ExifOrientation.apply(onWhite(source), orientation);
        BufferedImage rgb = scale(upright, Math.min(MAX_WIDTH, upright.getWidth()), image);
        if (graphic) {
            byte[] png = png(rgb, image);
            if (png.length <= MAX_BYTES) {
                return new Prepared(base + ".png", "image/png", png);
            }
        }
        for (double quality : JPEG_QUALITIES) {
            byte[] out = jpeg(rgb, quality, image);
            if (out.length <= MAX_BYTES) {
                return new Prepared(base + ".jpg", "image/jpeg", out);
            }
        }
        for (int w = rgb.getWidth() * 3 / 4; w >= MIN_WIDTH; w = w * 3 / 4) {
            byte[] out = jpeg(scale(rgb, w, image), 0.6, image);
            if (out.length <= MAX_BYTES) {
                return new Prepared(base + ".jpg", "image/jpeg", out);
            }
        }
        throw new RenderException("图片“" + image.fileName() + "”无法压缩到 1 MB 以下，请换一张图片或先裁剪");
    }

    /**
     * Whether WeChat can take the bytes as they are: a JPEG or PNG, narrow and small enough, upright, in RGB (not a
     * CMYK or YCCK JPEG) and without transparency (which some WeChat clients show on black).
     */
    private static boolean uploadableAsIs(ItemImage image, byte[] bytes, int orientation) {
        boolean jpeg = image.mimeType().equals("image/jpeg");
        boolean png = image.mimeType().equals("image/png");
        return (jpeg && !ColourHeaders.fourChannelJpeg(bytes) || png && !ColourHeaders.transparentPng(bytes))
                && image.width() <= MAX_WIDTH && bytes.length <= MAX_BYTES && orientation == ExifOrientation.NORMAL;
    }

    /** The centred cover crops of the image as it will be uploaded (upright, so a quarter turn swaps the sides). */
    public CoverCrops coverCrops(ItemImage cover, byte[] bytes) {
        boolean swap = ExifOrientation.swapsAxes(ExifOrientation.read(bytes));
        return CoverCrops.centred(swap ? cover.height() : cover.width(), swap ? cover.width() : cover.height());
    }

    /** The crops of {@link #defaultCover()}. */
    public CoverCrops defaultCoverCrops() {
        return CoverCrops.centred(DEFAULT_COVER_WIDTH, DEFAULT_COVER_HEIGHT);
    }

    /**
     * Describes image bytes that do not come from an item file (the QR code of the footer): format by magic bytes,
     * size from the header once the whole picture is known to decode.
     */
    public ItemImage describe(String fileName, byte[] bytes, String caption, String alt) {
        String mime = mimeOf(bytes);
        if (mime == null) {
            throw new RenderException("“" + fileName + "”不是可识别的图片（支持 JPG、PNG、GIF、BMP、WebP、TIFF）");
        }
        decode(fileName, bytes, false);
        ImageDecoding.Size size = ImageDecoding.headerSize(bytes)
                .orElseThrow(() -> new RenderException("图片“" + fileName + "”无法读取尺寸。请重新导出为 JPG 或 PNG 后重试"));
        return new ItemImage(ContentHash.sha256(bytes), fileName, mime, size.width(), size.height(),
                bytes.length, caption, alt);
    }

    /**
     * The cover used when an item has no image: a plain banner in the theme's red, 900×383 (2.35:1), as PNG.
     * Always the same bytes, so it is uploaded once per account.
     */
    public Prepared defaultCover() {
        BufferedImage img = new BufferedImage(DEFAULT_COVER_WIDTH, DEFAULT_COVER_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xB2, 0x22, 0x22));
        g.fillRect(0, 0, 900, 383);
        g.setColor(new Color(0xF5, 0xD7, 0x6E));
        g.fillRect(0, 330, 900, 12);
        g.fillOval(405, 120, 90, 90);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new RenderException("默认封面生成失败：" + e.getMessage(), e);
        }
        return new Prepared("default-cover.png", "image/png", out.toByteArray());
    }

    private static String mimeOf(byte[] b) {
        if (b.length < 12) {
            return null;
        }
        String head = new String(b, 0, 12, java.nio.charset.StandardCharsets.ISO_8859_1);
        if ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
            return "image/jpeg";
        }
        if (head.startsWith("\u0089PNG")) {
            return "image/png";
        }
        if (head.startsWith("GIF8")) {
            return "image/gif";
        }
        if (head.startsWith("BM")) {
            return "image/bmp";
        }
        if (head.startsWith("RIFF") && head.substring(8).equals("WEBP")) {
            return "image/webp";
        }
        if (head.startsWith("II*\0") || head.startsWith("MM\0*")) {
            return "image/tiff";
        }
        return null;
    }

    /**
     * Decodes through {@link ImageDecoding}: the size in the header is checked against the pixel budget first, at
     * most two images are decoded at a time, and a picture much wider than {@link #MAX_WIDTH} (once upright) is read
     * subsampled, so a 48-megapixel photo never sits in memory whole.
     */
    private static BufferedImage decode(String fileName, byte[] bytes, boolean quarterTurn) {
        ImageDecoding.Decoded decoded;
        try {
            decoded = ImageDecoding.decodeAtLeast(fileName, bytes, MAX_WIDTH, quarterTurn);
        } catch (ImageDecoding.TooLarge e) {
            throw new RenderException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new RenderException("图片“" + fileName + "”无法读取（文件已损坏或格式不受支持）：" + e.getMessage()
                    + "。请重新导出为 JPG 或 PNG 后重试", e);
        }
        if (decoded == null) {
            throw new RenderException("图片“" + fileName + "”无法读取（格式不受支持或文件已损坏）。请重新导出为 JPG 或 PNG 后重试");
        }
        return decoded.image();
    }

    private static BufferedImage scale(BufferedImage img, int width, ItemImage image) {
        if (width == img.getWidth()) {
            return img;
        }
        try {
            return Thumbnails.of(img).width(width).asBufferedImage();
        } catch (IOException e) {
            throw new RenderException("图片“" + image.fileName() + "”缩小失败：" + e.getMessage(), e);
        }
    }

    /**
     * The picture in plain RGB, transparent parts laid on white: whatever the source holds (16 bits a channel, a
     * palette, an alpha channel, a transparent GIF colour), the upload is 8-bit RGB on a white page.
     */
    static BufferedImage onWhite(BufferedImage source) {
        if (source.getType() == BufferedImage.TYPE_INT_RGB) {
            return source;
        }
        BufferedImage rgb = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, source.getWidth(), source.getHeight());
        g.drawImage(source, 0, 0, null);
        g.dispose();
        return rgb;
    }

    private static byte[] png(BufferedImage img, ItemImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new RenderException("图片“" + image.fileName() + "”无法保存为 PNG");
            }
        } catch (IOException e) {
            throw new RenderException("图片“" + image.fileName() + "”转换为 PNG 失败：" + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage rgb, double quality, ItemImage image) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("the JDK has no JPEG writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality((float) quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new RenderException("图片“" + image.fileName() + "”转换为 JPG 失败：" + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}

package cn.gongkai.render;

import cn.gongkai.item.ItemImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Makes an image acceptable to WeChat before upload: JPEG or PNG, at most 1080 px wide, under 1 MB. Images already
 * within the limits pass through unchanged, so their content hash (and the upload cache) stays stable.
 */
public final class ImagePreparer {
    /** Widest image kept; WeChat shows articles at phone width. */
    public static final int MAX_WIDTH = 1080;
    /** uploadimg refuses files of 1 MB or more. */
    public static final int MAX_BYTES = 1024 * 1024 - 1;

    /** A prepared image: upload name, MIME type and bytes. */
    public record Prepared(String fileName, String mimeType, byte[] bytes) {
    }

    /** Prepares the image bytes for {@code media/uploadimg} and {@code material/add_material}. */
    public Prepared prepare(ItemImage image, byte[] bytes) {
        String base = image.sha256().substring(0, 16);
        boolean webFormat = image.mimeType().equals("image/jpeg") || image.mimeType().equals("image/png");
        if (webFormat && image.width() <= MAX_WIDTH && bytes.length <= MAX_BYTES) {
            String ext = image.mimeType().equals("image/png") ? ".png" : ".jpg";
            return new Prepared(base + ext, image.mimeType(), bytes);
        }
        BufferedImage source;
        try {
            source = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new RenderException("图片“" + image.fileName() + "”无法读取：" + e.getMessage(), e);
        }
        if (source == null) {
            throw new RenderException("图片“" + image.fileName() + "”无法读取（格式不受支持或文件已损坏）");
        }
        BufferedImage rgb = flatten(source);
        int width = Math.min(MAX_WIDTH, rgb.getWidth());
        for (double quality : new double[] {0.9, 0.8, 0.7, 0.6, 0.5}) {
            byte[] out = jpeg(rgb, width, quality, image);
            if (out.length <= MAX_BYTES) {
                return new Prepared(base + ".jpg", "image/jpeg", out);
            }
        }
        for (int w = width * 3 / 4; w >= 320; w = w * 3 / 4) {
            byte[] out = jpeg(rgb, w, 0.6, image);
            if (out.length <= MAX_BYTES) {
                return new Prepared(base + ".jpg", "image/jpeg", out);
            }
        }
        throw new RenderException("图片“" + image.fileName() + "”无法压缩到 1 MB 以下，请换一张图片");
    }

    /**
     * The cover used when an item has no image: a plain banner in the theme's red, 900×383 (2.35:1), as PNG.
     * Always the same bytes, so it is uploaded once per account.
     */
    public Prepared defaultCover() {
        BufferedImage img = new BufferedImage(900, 383, BufferedImage.TYPE_INT_RGB);
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

    private static BufferedImage flatten(BufferedImage source) {
        BufferedImage rgb = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, source.getWidth(), source.getHeight());
        g.drawImage(source, 0, 0, null);
        g.dispose();
        return rgb;
    }

    private static byte[] jpeg(BufferedImage rgb, int width, double quality, ItemImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Thumbnails.of(rgb).width(width).outputFormat("jpg").outputQuality(quality).toOutputStream(out);
        } catch (IOException e) {
            throw new RenderException("图片“" + image.fileName() + "”转换为 JPG 失败：" + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}

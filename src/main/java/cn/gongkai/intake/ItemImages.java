package cn.gongkai.intake;

import cn.gongkai.item.ContentHash;
import cn.gongkai.item.ItemImage;
import cn.gongkai.render.HeicConverter;
import cn.gongkai.render.ImageDecoding;
import cn.gongkai.render.RenderException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads and checks the images of one item (the body's and the cover) from its {@link ImageSource}, keeping each
 * image's bytes by their SHA-256. An image with a problem adds it and is left out.
 */
final class ItemImages {
    private final ImageSource source;
    private final FileProblems p;
    private final HeicConverter heic;
    private final Map<String, byte[]> bytes = new LinkedHashMap<>();

    ItemImages(ImageSource source, FileProblems p) {
        this(source, p, HeicConverter.system());
    }

    /** @param heic turns HEIC/HEIF photos into JPEGs, which are kept instead of the HEIC file */
    ItemImages(ImageSource source, FileProblems p, HeicConverter heic) {
        this.source = source;
        this.p = p;
        this.heic = heic;
    }

    /** The bytes of every image loaded so far, by SHA-256. */
    Map<String, byte[]> bytes() {
        return bytes;
    }

    /** The body's images, each source loaded once, in the order they are first referenced. */
    List<ItemImage> body(List<ItemBody.ImageRef> refs) {
        List<ItemImage> images = new ArrayList<>();
        Map<String, ItemImage> byName = new LinkedHashMap<>();
        for (ItemBody.ImageRef ref : refs) {
            if (byName.containsKey(ref.src())) {
                continue;
            }
            ItemImage img = load(ref.src(), ref.alt(), ref.caption(), ref.line(), "图片");
            if (img != null) {
                byName.put(ref.src(), img);
                images.add(img);
            }
        }
        return images;
    }

    /** The cover image named on {@code line}, or null (with a problem added) when it cannot be used. */
    ItemImage cover(String name, int line) {
        return load(name.strip(), "", "", line, "cover");
    }

    private ItemImage load(String src, String alt, String caption, int line, String field) {
        String decoded = URLDecoder.decode(src.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (decoded.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
            p.add(line, field, "图片“" + src + "”是网络地址：微信会过滤外部图片，请把图片文件放在稿件旁边并用相对路径引用");
            return null;
        }
        byte[] data = read(src, decoded, line, field);
        if (data == null) {
            return null;
        }
        ImageInspector.Format format = ImageInspector.sniff(data);
        String fileName = source.fileName(decoded);
        if (format == ImageInspector.Format.HEIC) {
            data = fromHeic(src, data, line, field);
            if (data == null) {
                return null;
            }
            format = ImageInspector.sniff(data);
            fileName = fileName.replaceFirst("(?i)\\.(heic|heif|hif|avif)$", "") + ".jpg";
        }
        Optional<ImageInspector.Inspected> inspected = inspect(src, data, format, line, field);
        if (inspected.isEmpty()) {
            return null;
        }
        String sha = ContentHash.sha256(data);
        bytes.put(sha, data);
        return new ItemImage(sha, fileName, format.mime, inspected.get().width(),
                inspected.get().height(), data.length, caption, alt);
    }

    /** The JPEG converted from an HEIC/HEIF photo, or null (with a problem added) when it cannot be converted. */
    private byte[] fromHeic(String src, byte[] data, int line, String field) {
        try {
            return heic.toJpeg(src, data);
        } catch (RenderException e) {
            p.add(line, field, e.getMessage());
            return null;
        }
    }

    /** The image's bytes, or null (with a problem added) when it is missing, too large, empty or unreadable. */
    private byte[] read(String src, String decoded, int line, String field) {
        try {
            long size = source.size(decoded);
            if (size < 0) {
                p.add(line, field, "图片“" + src + "”不存在或不在稿件所在文件夹内（" + source.whereMissing(decoded) + "）");
                return null;
            }
            if (size > ImageInspector.MAX_BYTES) {
                p.add(line, field, "图片“" + src + "”大小 " + size / (1024 * 1024) + " MB，超过上限 "
                        + ImageInspector.MAX_BYTES / (1024 * 1024) + " MB，请先压缩");
                return null;
            }
            if (size == 0) {
                p.add(line, field, "图片“" + src + "”是空文件");
                return null;
            }
            return source.read(decoded);
        } catch (IOException e) {
            p.add(line, field, "无法读取图片“" + src + "”：" + e.getMessage());
            return null;
        }
    }

    /** The image's size, or empty (with a problem added) when its format is unusable or it cannot be decoded. */
    private Optional<ImageInspector.Inspected> inspect(String src, byte[] data, ImageInspector.Format format,
                                                       int line, String field) {
        switch (format) {
            case HEIC, UNKNOWN -> {
                p.add(line, field, "文件“" + src + "”不是可识别的图片（支持 JPG、PNG、GIF、BMP、WebP、TIFF、HEIC）。"
                        + "请另存为 JPG 或 PNG 后重试");
                return Optional.empty();
            }
            default -> {
            }
        }
        try {
            Optional<ImageInspector.Inspected> inspected = ImageInspector.inspect(src, data, format);
            if (inspected.isEmpty()) {
                p.add(line, field, "图片“" + src + "”已损坏或不完整，无法读取，请重新导出");
            }
            return inspected;
        } catch (ImageDecoding.TooLarge e) {
            p.add(line, field, e.getMessage());
            return Optional.empty();
        }
    }
}

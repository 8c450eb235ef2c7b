package cn.gongkai.portal;

import cn.gongkai.item.ItemImage;
import cn.gongkai.render.ImageDecoding;
import cn.gongkai.render.ImagePreparer;
import cn.gongkai.render.RenderException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The body pictures of one package, numbered 图1, 图2 … in the item's order: the file attached for the office (the
 * original when it is a JPEG or PNG, else the converted copy), and the upright JPEG or PNG of at most 1080 pixels
 * that the Word file shows. Made before anything else, so a missing or unreadable picture stops the package with a
 * message naming it.
 */
final class PackagePictures {
    private static final String JPEG = "image/jpeg";
    private static final String PNG = "image/png";

    /**
     * One picture.
     *
     * @param word      what the Word file embeds (JPEG or PNG)
     * @param width     the embedded image's width in pixels
     * @param height    the embedded image's height in pixels
     */
    record Picture(ItemImage image, int number, Attachment attachment, ImagePreparer.Prepared word, int width,
                   int height) {
    }

    private final List<Picture> pictures;
    private final List<Picture> unclaimed;
    private final Map<String, Picture> bySource = new HashMap<>();

    private PackagePictures(List<Picture> pictures) {
        this.pictures = List.copyOf(pictures);
        this.unclaimed = new ArrayList<>(pictures);
    }

    /**
     * Reads and prepares every body picture of the item.
     *
     * @throws PackageException when a picture's bytes are missing or cannot be read, naming the picture
     */
    static PackagePictures of(List<ItemImage> images, Function<ItemImage, Optional<byte[]>> bytes) {
        ImagePreparer preparer = new ImagePreparer();
        List<Picture> pictures = new ArrayList<>();
        for (ItemImage image : images) {
            int number = pictures.size() + 1;
            byte[] original = bytes.apply(image).orElseThrow(() -> new PackageException("图" + number + "“"
                    + image.fileName() + "”的图片文件找不到，报送材料无法生成。请在稿件中重新上传这张图片后再报送"));
            pictures.add(picture(preparer, image, number, original));
        }
        return new PackagePictures(pictures);
    }

    private static Picture picture(ImagePreparer preparer, ItemImage image, int number, byte[] original) {
        ImagePreparer.Prepared word;
        try {
            word = preparer.prepare(image, original);
        } catch (RenderException e) {
            throw new PackageException("图" + number + "：" + e.getMessage(), e);
        }
        ImageDecoding.Size size = ImageDecoding.headerSize(word.bytes()).orElseThrow(() -> new PackageException(
                "图" + number + "“" + image.fileName() + "”无法读取（文件已损坏或格式不受支持）。请重新导出为 JPG 或 PNG 后在稿件中重新上传"));
        boolean keepOriginal = image.mimeType().equals(JPEG) || image.mimeType().equals(PNG);
        String type = keepOriginal ? image.mimeType() : word.mimeType();
        Attachment attachment = new Attachment(PackageNames.picture(number, image.caption(), extension(type)), type,
                keepOriginal ? original : word.bytes());
        return new Picture(image, number, attachment, word, size.width(), size.height());
    }

    private static String extension(String mimeType) {
        return mimeType.equals(PNG) ? "png" : "jpg";
    }

    /** Every picture in order. */
    List<Picture> all() {
        return pictures;
    }

    /**
     * The picture a Markdown image refers to: the same source always gives the same picture; a new source takes the
     * picture of that file name, else the next one not yet shown (the order the import recorded them in), as the
     * WeChat article does. Empty when every picture is shown already.
     */
    Optional<Picture> forSource(String src) {
        Picture known = bySource.get(src);
        if (known != null) {
            return Optional.of(known);
        }
        if (unclaimed.isEmpty()) {
            return Optional.empty();
        }
        String name = fileName(src);
        Picture picture = unclaimed.stream().filter(p -> p.image().fileName().equals(name)).findFirst()
                .orElse(unclaimed.get(0));
        unclaimed.remove(picture);
        bySource.put(src, picture);
        return Optional.of(picture);
    }

    /** The last path segment of the source, percent-decoded when it is well-formed. */
    private static String fileName(String src) {
        String decoded;
        try {
            decoded = URLDecoder.decode(src.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = src;
        }
        return decoded.substring(decoded.lastIndexOf('/') + 1);
    }
}

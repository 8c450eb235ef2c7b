package cn.gongkai.review.checks;

import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Images WeChat refuses or degrades, named by file: formats the renderer cannot convert; files over the material
 * limit; sides beyond what can be re-encoded; formats that are converted before upload (WebP, BMP, GIF — animation
 * lost —, TIFF) and very narrow images (blurred on phones) as warnings.
 */
final class ImageCheck implements Check {
    static final String ID = "image";
    private static final Set<String> ACCEPTED = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp",
            "image/webp", "image/tiff");
    private static final Set<String> CONVERTED_IN_BODY = Set.of("image/gif", "image/bmp", "image/webp", "image/tiff");
    private static final Set<String> CONVERTED_AS_COVER = Set.of("image/webp", "image/tiff");
    private final CheckLimits limits;

    ImageCheck(CheckLimits limits) {
        this.limits = limits;
    }

    @Override
    public void run(ItemContent c, Findings out) {
        List<ItemImage> all = new ArrayList<>(c.images());
        if (c.cover() != null && !all.contains(c.cover())) {
            all.add(c.cover());
        }
        for (ItemImage i : all) {
            String field = i.equals(c.cover()) && !c.images().contains(i) ? "cover" : "images";
            String name = "图片“" + i.fileName() + "”";
            if (!ACCEPTED.contains(i.mimeType())) {
                out.error(ID, field, name + "的格式（" + i.mimeType() + "）无法转换为微信接受的格式，请另存为 JPG 或 PNG");
                continue;
            }
            if (i.size() > limits.imageMaxBytes()) {
                out.error(ID, field, name + "大小 " + mb(i.size()) + "，超过微信上限 " + mb(limits.imageMaxBytes())
                        + "，请先压缩");
            }
            int side = Math.max(i.width(), i.height());
            if (side > limits.imageMaxSide()) {
                out.error(ID, field, name + "尺寸 " + i.width() + "×" + i.height() + " 像素，边长超过 "
                        + limits.imageMaxSide() + " 像素，无法处理，请缩小后再用");
            } else if (i.width() < limits.imageMinWidth()) {
                out.warning(ID, field, name + "宽度只有 " + i.width() + " 像素，在手机上会显得模糊，建议至少 "
                        + limits.imageMinWidth() + " 像素");
            }
            boolean converted = field.equals("images") ? CONVERTED_IN_BODY.contains(i.mimeType())
                    : CONVERTED_AS_COVER.contains(i.mimeType());
            if (converted) {
                out.warning(ID, field, name + "是 " + i.mimeType().substring(6).toUpperCase()
                        + " 格式，微信不直接接受：发布时将自动转为 JPG"
                        + (i.mimeType().equals("image/gif") ? "（动图会变成静态图片）" : ""));
            }
        }
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / (1024.0 * 1024.0));
    }
}

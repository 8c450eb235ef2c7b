package cn.gongkai.review.checks;

import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import java.util.Locale;
import java.util.Set;

/**
 * Picture captions that are still placeholders (warnings): the console's editor inserts 图片说明 for a new picture,
 * and a caption left as it is would be published under the picture. A caption that is only the file name counts as
 * a placeholder too.
 */
final class CaptionCheck implements Check {
    static final String ID = "caption";
    private static final Set<String> PLACEHOLDERS = Set.of("图片说明", "请输入图片说明", "输入图片说明", "在此输入图片说明",
            "此处输入图片说明", "图片描述", "请输入图片描述", "图片标题", "图注", "说明", "图片", "说明文字", "替代文字",
            "caption", "image", "picture", "photo", "alt", "img");

    @Override
    public void run(ItemContent c, Findings out) {
        for (ItemImage i : c.images()) {
            String caption = i.caption().strip();
            if (isPlaceholder(caption, i.fileName())) {
                out.warning(ID, "images", "图片“" + i.fileName() + "”的说明“" + caption + "”是占位文字，会原样显示在图片下方："
                        + "请写明图片内容（如“项目签约现场”），或删去说明");
            }
        }
    }

    static boolean isPlaceholder(String caption, String fileName) {
        String t = caption.replaceAll("[\\s\\p{Punct}（）【】。，：…]+", "").toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return false;
        }
        String base = fileName.replaceFirst(".*/", "").replaceFirst("\\.[^.]*$", "").toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\p{Punct}]+", "");
        return PLACEHOLDERS.contains(t) || t.equals(base);
    }
}

package cn.gongkai.review.checks;

import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;

/** A missing cover, and body images without alternative text (warnings). */
final class CoverCheck implements Check {
    static final String ID = "cover";

    @Override
    public void run(ItemContent c, Findings out) {
        if (c.effectiveCover() == null) {
            out.warning(ID, "cover", "没有封面图片，也没有正文图片：将使用默认封面。建议提供一张 900×383 的封面");
        }
        for (ItemImage i : c.images()) {
            if (i.alt().isBlank()) {
                out.warning(ID, "images", "图片“" + i.fileName() + "”没有说明文字（替代文本）：读屏软件和加载失败时无法说明图片内容，"
                        + "请写作 ![说明](" + i.fileName() + ")");
            }
        }
    }
}

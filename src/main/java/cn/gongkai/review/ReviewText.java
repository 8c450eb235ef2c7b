package cn.gongkai.review;

import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.Note;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The text of an item as reviewers read and compare it: every published field on its own labelled line, then the
 * notes and the Markdown body. Two versions of an item are compared line by line in this form.
 */
public final class ReviewText {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReviewText() {
    }

    /** The review text of the content; planned times are written in {@code zone}. */
    public static String of(ItemContent c, ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        line(sb, "标题", c.title());
        line(sb, "分类", c.category());
        line(sb, "公众号", c.account());
        line(sb, "作者", c.author());
        line(sb, "部门", c.department());
        line(sb, "文号", c.docNo());
        line(sb, "原文链接", c.sourceUrl());
        line(sb, "摘要", c.digest());
        line(sb, "计划发布", c.publishAt() == null ? "" : MINUTE.format(c.publishAt().atZone(zone)));
        line(sb, "重要", c.important() ? "是（需主要领导签发）" : "");
        line(sb, "封面", c.cover() == null ? "" : c.cover().fileName());
        for (ItemImage i : c.images()) {
            line(sb, "图片", i.fileName() + "（" + i.sha256().substring(0, 8) + "）" + (i.caption().isEmpty() ? ""
                    : " " + i.caption()));
        }
        for (Note n : c.notes()) {
            line(sb, "备注", n.term() + "：" + n.explanation());
        }
        if (!c.glossary().isEmpty()) {
            line(sb, "术语库", String.join("、", c.glossary()));
        }
        sb.append("正文：\n").append(c.body().strip()).append('\n');
        line(sb, "落款", c.signature());
        line(sb, "成文日期", c.signedAt() == null ? "" : c.signedAt().toString());
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, String value) {
        if (value != null && !value.isBlank()) {
            sb.append(label).append('：').append(value.strip().replace('\n', ' ')).append('\n');
        }
    }
}

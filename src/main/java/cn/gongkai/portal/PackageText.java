package cn.gongkai.portal;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.item.ItemContent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts of a package: the e-mail subject from the portal's template, the plain-text summary that is the mail
 * body, and the lines the Word file shares with it (报送单位 and 日期, 落款, 联系人 and 电话).
 */
final class PackageText {
    /** The longest subject kept, in characters; a longer one is cut and ends with …. */
    static final int SUBJECT_CHARS = 120;
    /** How much of the body the summary quotes, in characters. */
    static final int SUMMARY_CHARS = 200;
    private static final String WIDE_GAP = "　　";

    private PackageText() {
    }

    /** 报送单位: the portal's {@code unit}, else the item's department. */
    static String unit(PortalConfig portal, ItemContent content) {
        return portal.unit().isEmpty() ? content.department() : portal.unit();
    }

    /** {@code 2026年12月7日}: Arabic numerals without leading zeros (GB/T 9704-2012 §7.3.5). */
    static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** {@code 报送单位：红旗区商务局　　日期：2026年12月7日}; without the unit part when there is no unit. */
    static String unitLine(String unit, LocalDate date) {
        return (unit.isEmpty() ? "" : "报送单位：" + unit + WIDE_GAP) + "日期：" + date(date);
    }

    /** {@code 联系人：张三　　电话：0451-1234567}, the parts that are set, or empty. */
    static String contactLine(String contact, String phone) {
        List<String> parts = new ArrayList<>();
        if (!contact.isEmpty()) {
            parts.add("联系人：" + contact);
        }
        if (!phone.isEmpty()) {
            parts.add("电话：" + phone);
        }
        return String.join(WIDE_GAP, parts);
    }

    /** The 落款 lines: the unit, then the 成文日期; empty when the item has none. */
    static List<String> signature(ItemContent c) {
        List<String> lines = new ArrayList<>();
        if (!c.signature().isEmpty()) {
            lines.add(c.signature());
        }
        if (c.signedAt() != null) {
            lines.add(date(c.signedAt()));
        }
        return lines;
    }

    /**
     * The subject: {@code {unit}} and {@code {title}} of the template replaced, line breaks and other control
     * characters turned into spaces, runs of spaces collapsed, cut to {@value #SUBJECT_CHARS} characters.
     */
    static String subject(String template, String unit, String title) {
        String filled = template.replace("{unit}", unit).replace("{title}", title);
        return cut(oneLine(filled), SUBJECT_CHARS, "…");
    }

    /** The text on one line: control characters as spaces, runs of spaces collapsed, stripped. */
    static String oneLine(String text) {
        return text.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]", " ").replaceAll(" {2,}", " ").strip();
    }

    /** The first {@code max} characters (code points) of the text, followed by {@code more} when it was longer. */
    static String cut(String text, int max, String more) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max)) + more;
    }

    /** What the plain-text mail body says, besides the attachment list. */
    record Summary(String portalName, String title, String unit, String category, String docNo, LocalDate date,
                   String wechatUrl, String excerpt, String contactLine) {
    }

    /** The mail body: who it is for, the facts, the first part of the text, the WeChat link, the files, contact. */
    static String plainBody(Summary s, List<Attachment> attachments) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.portalName()).append("：\n\n");
        sb.append("现报送信息《").append(s.title()).append("》，正文（Word 文件）、图片和元数据见附件。\n\n");
        facts(sb, s);
        sb.append("\n内容摘要：\n").append(cut(s.excerpt(), SUMMARY_CHARS, "……")).append("\n\n附件：\n");
        for (int i = 0; i < attachments.size(); i++) {
            sb.append(i + 1).append(". ").append(attachments.get(i).fileName()).append('\n');
        }
        if (!s.contactLine().isEmpty()) {
            sb.append('\n').append(s.contactLine()).append('\n');
        }
        return sb.toString();
    }

    /** 标题, 报送单位, 分类, 文号, 日期 and the WeChat link, one a line, the empty ones left out. */
    private static void facts(StringBuilder sb, Summary s) {
        line(sb, "标题", s.title());
        line(sb, "报送单位", s.unit());
        line(sb, "分类", s.category());
        line(sb, "文号", s.docNo());
        line(sb, "日期", date(s.date()));
        line(sb, "微信公众号文章", s.wechatUrl());
    }

    private static void line(StringBuilder sb, String label, String value) {
        if (!value.isEmpty()) {
            sb.append(label).append('：').append(value).append('\n');
        }
    }
}

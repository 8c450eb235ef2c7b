package cn.gongkai.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a 红头文件 (a 公文 as bureaus issue it) from the blocks of a Word file without front matter: the issuing
 * organ's header ("红旗区商务局文件"), the 文号 ("红商〔2023〕12号", with [ ] or ( ) brackets normalized to 〔〕), the
 * title (the centered line or lines after them), then the body — 主送 line included — and at the end the 落款 unit
 * and the 成文日期 ("2023年12月5日" or "二〇二三年十二月五日"). The 抄送 and 印发 lines at the very end are
 * distribution data, not text for readers, and are dropped.
 *
 * <p>A document is read this way only when its first blocks carry a 文号 or an organ header ending in 文件.
 */
final class RedHeadDocument {
    /** How many blocks from the top the organ header and the 文号 may be found in. */
    private static final int HEAD_BLOCKS = 8;
    /** The 文号 line is short (at most a 签发人 beside it); a body sentence quoting a 文号 is not one. */
    private static final int DOC_NO_LINE = 40;
    private static final Pattern DOC_NO = Pattern.compile(
            "([\\p{IsHan}A-Za-z]{1,12})\\s*[〔\\[［(（【]\\s*((?:19|20)\\d{2})\\s*[〕\\]］)）】]\\s*(\\d{1,5})\\s*号");
    private static final Pattern ORGAN_HEADER = Pattern.compile("^[\\p{IsHan}（）()\\s]{2,40}文件$");
    private static final Pattern ARABIC_DATE =
            Pattern.compile("^(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日$");
    private static final Pattern HAN_DATE =
            Pattern.compile("^([〇○零ＯO一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$");
    private static final Pattern DISTRIBUTION = Pattern.compile("^(抄送|抄报|分送)[：:].*|.*\\d{1,2}\\s*日\\s*印发$"
            + "|.*[〇○一二三四五六七八九十]日\\s*印发$");
    private static final Pattern RULE = Pattern.compile("^[\\s─━—–\\-_=＿]*$");
    private static final String HAN_DIGITS = "〇一二三四五六七八九";

    private RedHeadDocument() {
    }

    /**
     * What was read: the title, the 文号 (normalized), the 落款 unit and the 成文日期 — each empty or null when
     * the document has none — and the body blocks in order.
     */
    record Mapped(String title, String docNo, String signature, LocalDate signedAt, List<WordBlock> body) {
        /** One line for the import result, saying what was taken from where. */
        String note() {
            StringBuilder sb = new StringBuilder("按红头文件读取：标题“" + title + "”");
            if (!docNo.isEmpty()) {
                sb.append("，文号 ").append(docNo);
            }
            if (!signature.isEmpty()) {
                sb.append("，落款 ").append(signature);
            }
            if (signedAt != null) {
                sb.append("，成文日期 ").append(signedAt);
            }
            return sb.append("；抄送、印发行不放入正文").toString();
        }
    }

    /** The document read as a 红头文件, or empty when it does not look like one. */
    static Optional<Mapped> read(List<WordBlock> blocks) {
        int docNoAt = -1;
        String docNo = "";
        boolean header = false;
        for (int i = 0; i < Math.min(HEAD_BLOCKS, blocks.size()); i++) {
            String text = blocks.get(i).text().strip();
            header |= ORGAN_HEADER.matcher(text).matches();
            Matcher m = DOC_NO.matcher(text);
            if (docNoAt < 0 && text.length() <= DOC_NO_LINE && m.find()) {
                docNoAt = i;
                docNo = m.group(1) + "〔" + m.group(2) + "〕" + m.group(3) + "号";
            }
        }
        if (docNoAt < 0 && !header) {
            return Optional.empty();
        }
        int start = docNoAt >= 0 ? docNoAt + 1 : firstAfterHeader(blocks);
        List<String> titleLines = new ArrayList<>();
        int i = skipRules(blocks, start);
        while (i < blocks.size() && blocks.get(i).isText() && blocks.get(i).align() == WordBlock.Align.CENTER
                && !blocks.get(i).text().isBlank()) {
            titleLines.add(blocks.get(i).text().strip());
            i++;
        }
        if (titleLines.isEmpty() && i < blocks.size() && blocks.get(i).isText()) {
            titleLines.add(blocks.get(i++).text().strip());
        }
        if (titleLines.isEmpty()) {
            return Optional.empty();
        }
        List<WordBlock> body = new ArrayList<>(blocks.subList(i, blocks.size()));
        dropDistribution(body);
        LocalDate signedAt = null;
        String signature = "";
        if (!body.isEmpty() && body.get(body.size() - 1).isText()) {
            signedAt = date(body.get(body.size() - 1).text().strip().replace(" ", ""));
        }
        if (signedAt != null) {
            body.remove(body.size() - 1);
            if (!body.isEmpty() && isSignature(body.get(body.size() - 1))) {
                signature = body.remove(body.size() - 1).text().strip();
            }
        }
        return Optional.of(new Mapped(String.join("", titleLines), docNo, signature, signedAt, body));
    }

    private static int firstAfterHeader(List<WordBlock> blocks) {
        for (int i = 0; i < Math.min(HEAD_BLOCKS, blocks.size()); i++) {
            if (ORGAN_HEADER.matcher(blocks.get(i).text().strip()).matches()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int skipRules(List<WordBlock> blocks, int from) {
        int i = from;
        while (i < blocks.size() && blocks.get(i).isText() && RULE.matcher(blocks.get(i).text()).matches()) {
            i++;
        }
        return i;
    }

    /** Drops the 抄送/印发 lines and the rules between them at the end, and empty paragraphs there. */
    private static void dropDistribution(List<WordBlock> body) {
        while (!body.isEmpty()) {
            WordBlock last = body.get(body.size() - 1);
            String text = last.text().strip();
            if (!last.isText() || !(RULE.matcher(text).matches() || DISTRIBUTION.matcher(text).matches())) {
                return;
            }
            body.remove(body.size() - 1);
        }
    }

    /** A 落款 unit: a short line of its own without sentence punctuation, not left-aligned body text. */
    private static boolean isSignature(WordBlock b) {
        String text = b.text().strip();
        return b.kind() == WordBlock.Kind.PARAGRAPH && !text.isEmpty() && text.length() <= 40
                && text.chars().noneMatch(c -> "。，；：！？,;:".indexOf(c) >= 0)
                && (b.align() != WordBlock.Align.LEFT || text.length() <= 20);
    }

    /** The date of a 成文日期 line in Arabic or Chinese numerals, or null. */
    static LocalDate date(String text) {
        try {
            Matcher a = ARABIC_DATE.matcher(text);
            if (a.matches()) {
                return LocalDate.of(Integer.parseInt(a.group(1)), Integer.parseInt(a.group(2)),
                        Integer.parseInt(a.group(3)));
            }
            Matcher h = HAN_DATE.matcher(text);
            if (h.matches()) {
                int year = 0;
                for (char c : h.group(1).toCharArray()) {
                    year = year * 10 + Math.max(0, HAN_DIGITS.indexOf(c));
                }
                return LocalDate.of(year, hanNumber(h.group(2)), hanNumber(h.group(3)));
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /** 一 … 三十一 as a number; a malformed numeral is 0, which no date accepts. */
    private static int hanNumber(String s) {
        int ten = s.indexOf('十');
        if (ten < 0) {
            return s.length() == 1 ? HAN_DIGITS.indexOf(s.charAt(0)) : 0;
        }
        int tens = ten == 0 ? 1 : ten == 1 ? HAN_DIGITS.indexOf(s.charAt(0)) : -1;
        int ones = ten == s.length() - 1 ? 0 : ten == s.length() - 2 ? HAN_DIGITS.indexOf(s.charAt(ten + 1)) : -1;
        return tens <= 0 || ones < 0 ? 0 : tens * 10 + ones;
    }
}

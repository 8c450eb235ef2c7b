package cn.gongkai.render;

import cn.gongkai.item.WeChatLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The digest WeChat shows under the title when staff wrote none: whole sentences from the start of the first
 * paragraph, as many as fit in {@link #MAX} characters; a salutation opening a notice ("各股室：") is passed over.
 * A sentence is never cut;
 * when even the first one is too long (or the body has no paragraph), the digest is the title and a warning says so.
 */
final class Digests {
    /** Characters of a made digest; WeChat allows {@link WeChatLimits#DIGEST_CHARS}, the rest is a margin. */
    static final int MAX = WeChatLimits.DIGEST_CHARS - 8;
    private static final String ENDS = "。！？!?";
    private static final Pattern SALUTATION = Pattern.compile("(各|尊敬的|亲爱的).{0,14}[：:]|.{0,14}(们|朋友|同志)[：:]");
    private static final String CLOSERS = "”’」』）)】\"'";

    private Digests() {
    }

    /** The made digest; empty when no whole sentence of the first paragraph fits. */
    static String fromBody(Element body) {
        String text = firstParagraph(body);
        StringBuilder digest = new StringBuilder();
        for (String sentence : sentences(text)) {
            if (digest.length() + sentence.length() > MAX) {
                break;
            }
            digest.append(sentence);
        }
        return digest.toString().strip();
    }

    /** The text of the first top-level paragraph that is not a salutation, without note or reference marks. */
    static String firstParagraph(Element body) {
        boolean first = true;
        for (Element p : body.children()) {
            if (!p.normalName().equals("p")) {
                continue;
            }
            Element copy = p.clone();
            copy.select("sup").remove();
            String text = copy.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            if (!(first && SALUTATION.matcher(text).matches())) {
                return text;
            }
            first = false;
        }
        return "";
    }

    /** Sentences with their end mark and any closing quote or bracket after it; a last unended part counts too. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean end = ENDS.indexOf(c) >= 0 || (c == '.' && (i + 1 == text.length()
                    || Character.isWhitespace(text.charAt(i + 1))) && i > 0 && !Character.isDigit(text.charAt(i - 1)));
            i++;
            if (end) {
                while (i < text.length() && (ENDS.indexOf(text.charAt(i)) >= 0 || CLOSERS.indexOf(text.charAt(i)) >= 0)) {
                    i++;
                }
                out.add(text.substring(start, i));
                start = i;
            }
        }
        if (start < text.length() && !text.substring(start).isBlank()) {
            out.add(text.substring(start));
        }
        return out;
    }
}

package cn.gongkai.review.checks;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the forms of the 错敏字 list occur in a text, skipping the entry's correct contexts (学校队 for 校队). The
 * pre-publish check and the inspection of published articles both find words this way.
 */
public final class WordMatches {

    /**
     * One occurrence.
     *
     * @param entry   the list entry that matched
     * @param start   where the wrong form starts in the text
     * @param end     where it ends
     * @param snippet a short quote of the text around it
     */
    public record Match(WordList.Entry entry, int start, int end, String snippet) {
    }

    private WordMatches() {
    }

    /** Every occurrence of every entry of {@code words} in {@code text}, entry by entry, in text order. */
    public static List<Match> in(WordList words, String text) {
        List<Match> out = new ArrayList<>();
        for (WordList.Entry e : words.entries()) {
            for (int at = text.indexOf(e.wrong()); at >= 0; at = text.indexOf(e.wrong(), at + 1)) {
                if (!excepted(text, at, e)) {
                    int end = at + e.wrong().length();
                    out.add(new Match(e, at, end, Snippet.of(text, at, end, e.wrong(), 0, text.length())));
                }
            }
        }
        return out;
    }

    /** True when the match lies inside an occurrence of one of the entry's exceptions. */
    private static boolean excepted(String text, int at, WordList.Entry e) {
        for (String ex : e.exceptions()) {
            int offsetInEx = ex.indexOf(e.wrong());
            while (offsetInEx >= 0) {
                int start = at - offsetInEx;
                if (start >= 0 && text.startsWith(ex, start)) {
                    return true;
                }
                offsetInEx = ex.indexOf(e.wrong(), offsetInEx + 1);
            }
        }
        return false;
    }
}

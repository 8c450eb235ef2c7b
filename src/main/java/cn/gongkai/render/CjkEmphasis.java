package cn.gongkai.render;

import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.text.Characters;

/**
 * Makes {@code *} emphasis work next to Chinese punctuation. CommonMark's flanking rule lets
 * {@code **一是……。**其后} close only before a space or punctuation, so the most common 政务 lead-in shows its
 * asterisks; the mirror case ({@code 其后**“二是”**}) cannot open. The rule is relaxed the way the CJK-friendly
 * proposal for CommonMark does, by changing only the context of such a run: after a first parse (with source
 * spans, so only asterisks the parser saw as text or emphasis are looked at, never code, URLs or HTML), an invisible
 * {@link #SENTINEL} punctuation mark goes between the run and the Han character, and the text is parsed again; the
 * pairing itself stays CommonMark's. A single {@code *} between two digits ({@code 2*3*4}) is a times sign and is
 * escaped. {@link #strip} removes the sentinels from the parsed text.
 */
final class CjkEmphasis {
    /** OBJECT REPLACEMENT CHARACTER: a Unicode symbol (so CommonMark counts it as punctuation) never meant as text. */
    static final char SENTINEL = '\uFFFC';

    private CjkEmphasis() {
    }

    /** The Markdown to parse again with the insertions, or {@code markdown} itself when nothing needs one. */
    static String adjust(String markdown, Node parsed) {
        BitSet inline = inlineAsterisks(parsed);
        TreeMap<Integer, String> inserts = new TreeMap<>();
        int i = inline.nextSetBit(0);
        while (i >= 0 && i < markdown.length()) {
            int end = i;
            while (end < markdown.length() && inline.get(end) && markdown.charAt(end) == '*') {
                end++;
            }
            if (end > i && !escaped(markdown, i)) {
                relax(i, end, codePointBefore(markdown, i), codePointAt(markdown, end), inserts);
            }
            i = inline.nextSetBit(Math.max(end, i + 1));
        }
        if (inserts.isEmpty()) {
            return markdown;
        }
        StringBuilder out = new StringBuilder(markdown);
        for (var insert : inserts.descendingMap().entrySet()) {
            out.insert(insert.getKey(), insert.getValue());
        }
        return out.toString();
    }

    /** The text without the sentinels {@link #adjust} added. */
    static String strip(String text) {
        return text.indexOf(SENTINEL) < 0 ? text : text.replace(String.valueOf(SENTINEL), "");
    }

    /**
     * Where the parser saw literal text or an asterisk emphasis delimiter: an asterisk anywhere else is in code, a
     * link target, an autolink or HTML and is left alone.
     */
    private static BitSet inlineAsterisks(Node parsed) {
        BitSet inline = new BitSet();
        parsed.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                if (!(text.getParent() instanceof Link link && isAutolink(link))) {
                    text.getSourceSpans().forEach(s -> inline.set(s.getInputIndex(), s.getInputIndex() + s.getLength()));
                }
            }

            @Override
            public void visit(Emphasis emphasis) {
                delimiters(emphasis, emphasis.getOpeningDelimiter());
            }

            @Override
            public void visit(StrongEmphasis strong) {
                delimiters(strong, strong.getOpeningDelimiter());
            }

            private void delimiters(Node node, String delimiter) {
                List<SourceSpan> spans = node.getSourceSpans();
                if (delimiter.startsWith("*") && !spans.isEmpty()) {
                    int from = spans.get(0).getInputIndex();
                    SourceSpan last = spans.get(spans.size() - 1);
                    int to = last.getInputIndex() + last.getLength();
                    inline.set(from, from + delimiter.length());
                    inline.set(to - delimiter.length(), to);
                }
                visitChildren(node);
            }
        });
        return inline;
    }

    /** Records what the run {@code [from, to)} needs to flank its Chinese neighbours as a reader expects. */
    private static void relax(int from, int to, int before, int after, TreeMap<Integer, String> inserts) {
        boolean cjk = wide(before) || wide(after);
        if (to - from == 1 && isDigit(before) && isDigit(after)) {
            inserts.put(from, "\\");
        } else if (cjk && punctuation(before) && plain(after)) {
            inserts.put(to, String.valueOf(SENTINEL));
        } else if (cjk && plain(before) && punctuation(after)) {
            inserts.put(from, String.valueOf(SENTINEL));
        }
    }

    /** True when an odd number of backslashes precedes the position. */
    private static boolean escaped(String s, int at) {
        int slashes = 0;
        while (at - slashes > 0 && s.charAt(at - slashes - 1) == '\\') {
            slashes++;
        }
        return slashes % 2 == 1;
    }

    private static boolean isAutolink(Link link) {
        return link.getFirstChild() instanceof Text t && t.getNext() == null
                && (t.getLiteral().equals(link.getDestination())
                || ("mailto:" + t.getLiteral()).equals(link.getDestination()));
    }

    private static int codePointBefore(String s, int i) {
        return i == 0 ? '\n' : s.codePointBefore(i);
    }

    private static int codePointAt(String s, int i) {
        return i >= s.length() ? '\n' : s.codePointAt(i);
    }

    private static boolean punctuation(int cp) {
        return Characters.isPunctuationCodePoint(cp);
    }

    /** Neither white space nor punctuation: a letter, digit or Han character. */
    private static boolean plain(int cp) {
        return !Characters.isWhitespaceCodePoint(cp) && !Characters.isPunctuationCodePoint(cp);
    }

    private static boolean isDigit(int cp) {
        return cp >= '0' && cp <= '9';
    }

    /** A Han character or Chinese punctuation (CJK symbols, full-width forms, Chinese quotes, dashes, ellipsis). */
    private static boolean wide(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || cp >= 0x3000 && cp <= 0x303F
                || cp >= 0xFF00 && cp <= 0xFFEF || cp >= 0x2014 && cp <= 0x201D || cp == 0x2026;
    }
}

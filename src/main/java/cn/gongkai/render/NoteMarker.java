package cn.gongkai.render;

import cn.gongkai.item.Note;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Numbers the explanatory notes in order of first appearance and marks them with a superscript [注n]: a term note at
 * the first use of its term (in running text, headings, list items or table cells alike), a footnote wherever it is
 * referenced. Terms are found leftmost-longest, so a short term inside a longer one ("电商" in "跨境电商") is never
 * marked there. Code, links to WeChat articles, captions and existing superscripts are left alone. Notes whose
 * term never appears are listed after the others.
 */
final class NoteMarker {
    /** One entry of the 名词解释 section; {@code term} is empty for a footnote, {@code html} is safe markup. */
    record Entry(int number, String term, String explanation, String html) {
    }

    private static final Set<String> SKIPPED = Set.of("code", "pre", "a", "sup", "figcaption", "figure", "img");

    private final Theme theme;
    private final Map<Character, List<Note>> byFirstChar = new HashMap<>();
    private final Map<String, Integer> termNumbers = new LinkedHashMap<>();
    private final Map<String, Integer> footnoteNumbers = new HashMap<>();
    private final Map<Integer, Entry> entries = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();
    private final List<Note> notes;
    private final Map<String, Element> footnotes;

    NoteMarker(Theme theme, List<Note> notes, Map<String, Element> footnotes) {
        this.theme = theme;
        this.notes = List.copyOf(notes);
        this.footnotes = footnotes;
        for (Note n : notes) {
            byFirstChar.computeIfAbsent(n.term().charAt(0), c -> new ArrayList<>()).add(n);
        }
        byFirstChar.values().forEach(l -> l.sort(Comparator.comparingInt((Note n) -> n.term().length()).reversed()));
    }

    /** Marks the body and returns every note, numbered; footnote bodies must already be rendered (links, styles). */
    List<Entry> mark(Element body) {
        walk(body);
        for (Note n : notes) {
            if (!termNumbers.containsKey(n.term())) {
                int number = entries.size() + 1;
                termNumbers.put(n.term(), number);
                entries.put(number, new Entry(number, n.term(), n.explanation(), Entities.escape(n.explanation())));
            }
        }
        return List.copyOf(entries.values());
    }

    /** Terms that have a note but never appear in the text (after {@link #mark}). */
    List<String> unusedTerms() {
        List<String> unused = new ArrayList<>();
        for (Note n : notes) {
            if (!used.contains(n.term())) {
                unused.add(n.term());
            }
        }
        return unused;
    }

    private void walk(Element element) {
        for (Node child : new ArrayList<>(element.childNodes())) {
            if (child instanceof TextNode text) {
                markTerms(text);
            } else if (child instanceof Element e) {
                if (e.hasAttr(Markdown.FOOTNOTE)) {
                    markFootnote(e);
                } else if (!SKIPPED.contains(e.normalName())) {
                    walk(e);
                }
            }
        }
    }

    private void markFootnote(Element marker) {
        String label = marker.attr(Markdown.FOOTNOTE);
        Element definition = footnotes.get(label);
        if (definition == null) {
            marker.remove();
            return;
        }
        Integer number = footnoteNumbers.get(label);
        if (number == null) {
            number = entries.size() + 1;
            footnoteNumbers.put(label, number);
            entries.put(number, new Entry(number, "", definition.text(), definition.html()));
        }
        marker.removeAttr(Markdown.FOOTNOTE).attr("style", theme.style("sup")).text("[注" + number + "]");
    }

    private void markTerms(TextNode node) {
        if (byFirstChar.isEmpty()) {
            return;
        }
        String text = node.getWholeText();
        List<int[]> marks = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            Note match = longestAt(text, i);
            if (match == null) {
                i++;
                continue;
            }
            i += match.term().length();
            used.add(match.term());
            if (!termNumbers.containsKey(match.term())) {
                int number = entries.size() + 1;
                termNumbers.put(match.term(), number);
                entries.put(number, new Entry(number, match.term(), match.explanation(),
                        Entities.escape(match.explanation())));
                marks.add(new int[] {i, number});
            }
        }
        TextNode current = node;
        int consumed = 0;
        for (int[] mark : marks) {
            Element sup = new Element("sup").attr("style", theme.style("sup")).text("[注" + mark[1] + "]");
            int at = mark[0] - consumed;
            if (at >= current.getWholeText().length()) {
                current.after(sup);
                break;
            }
            TextNode rest = current.splitText(at);
            rest.before(sup);
            consumed = mark[0];
            current = rest;
        }
    }

    private Note longestAt(String text, int at) {
        List<Note> candidates = byFirstChar.get(text.charAt(at));
        if (candidates == null) {
            return null;
        }
        for (Note n : candidates) {
            if (text.startsWith(n.term(), at)) {
                return n;
            }
        }
        return null;
    }
}

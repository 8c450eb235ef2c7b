package cn.gongkai.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a converted Word file (.doc or .docx) together as an item file: front matter, then the body blocks. The
 * fields come, in this order of precedence, from the front matter staff typed at the top of the document, from the
 * document read as a 红头文件 ({@link RedHeadDocument}, only when there is no typed front matter), from the
 * document's title (its Title-styled paragraph, else its first level-1 heading, else its properties), and last from
 * {@code defaults} (the inbox gives the category of its sub-folder).
 */
final class WordItemText {
    private static final Pattern FIELD = Pattern.compile("^([a-z_]+)\\s*:");

    private WordItemText() {
    }

    /**
     * What the document offers as its title besides front matter.
     *
     * @param styled        the index in the blocks of its Title-styled paragraph, or -1
     * @param firstHeading  the index in the blocks of its first level-1 heading, or -1
     * @param property      the title in its document properties, or null
     */
    record TitleSources(int styled, int firstHeading, String property) {
    }

    /** The item file's text, and the notes saying how the document was read (for the import result). */
    record Assembled(String markdown, List<String> notes) {
    }

    static Assembled assemble(List<String> frontMatter, TitleSources titles, List<WordBlock> blocks,
                              Map<String, String> defaults) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String line : frontMatter) {
            Matcher m = FIELD.matcher(line.strip());
            if (m.find()) {
                given.put(m.group(1), line);
            }
        }
        List<String> header = new ArrayList<>(frontMatter);
        List<WordBlock> body = new ArrayList<>(blocks);
        List<String> notes = new ArrayList<>();
        Optional<RedHeadDocument.Mapped> redHead = frontMatter.isEmpty() ? RedHeadDocument.read(blocks)
                : Optional.empty();
        if (redHead.isPresent()) {
            RedHeadDocument.Mapped m = redHead.get();
            header.add("title: " + quote(m.title()));
            if (!m.docNo().isEmpty()) {
                header.add("doc_no: " + quote(m.docNo()));
            }
            if (!m.signature().isEmpty()) {
                header.add("signature: " + quote(m.signature()));
            }
            if (m.signedAt() != null) {
                header.add("signed_at: " + m.signedAt());
            }
            body = new ArrayList<>(m.body());
            notes.add(m.note());
            given.put("title", "");
        } else if (!given.containsKey("title")) {
            String t = title(titles, body);
            if (t != null) {
                header.add(0, "title: " + quote(t));
            }
        }
        defaults.forEach((k, v) -> {
            if (!given.containsKey(k)) {
                header.add(k + ": " + quote(v));
            }
        });
        StringBuilder md = new StringBuilder("---\n");
        header.forEach(h -> md.append(h).append('\n'));
        md.append("---\n\n");
        md.append(String.join("\n\n", body.stream().map(WordBlock::markdown).toList())).append('\n');
        return new Assembled(md.toString(), notes);
    }

    /**
     * The Title-styled paragraph, else the first level-1 heading (either taken out of the body), else the document
     * property; null when there is none.
     */
    private static String title(TitleSources titles, List<WordBlock> body) {
        if (titles.styled() >= 0) {
            return body.remove(titles.styled()).text().strip();
        }
        if (titles.firstHeading() >= 0) {
            return body.remove(titles.firstHeading()).text().strip();
        }
        String prop = titles.property();
        return prop == null || prop.isBlank() ? null : prop.strip();
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

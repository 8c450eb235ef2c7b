package cn.gongkai.review.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The 错敏字 list: wrong or easily confused forms and what to write instead. One entry a line:
 * <pre>
 * # comment
 * 校队 -> 校对 | 学校队 | 校队员      wrong -> right, then contexts in which the wrong form is correct
 * 某禁用词                              a form that must not be used at all
 * </pre>
 */
public final class WordList {

    /**
     * One entry.
     *
     * @param wrong      the form to find
     * @param right      what to write instead, or empty when the form must simply not be used
     * @param exceptions longer texts containing {@code wrong} that are correct (e.g. 学校队 for 校队)
     */
    public record Entry(String wrong, String right, List<String> exceptions) {
        public Entry {
            if (wrong == null || wrong.isBlank()) {
                throw new IllegalArgumentException("word list entry wrong must not be blank");
            }
            right = right == null ? "" : right.strip();
            exceptions = List.copyOf(exceptions == null ? List.of() : exceptions);
            for (String e : exceptions) {
                if (!e.contains(wrong)) {
                    throw new IllegalArgumentException("word list exception '" + e + "' does not contain '" + wrong
                            + "'");
                }
            }
        }
    }

    private final List<Entry> entries;

    public WordList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** An empty list. */
    public static WordList empty() {
        return new WordList(List.of());
    }

    /** Reads a list file (UTF-8). A missing file is an empty list. */
    public static WordList load(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the word list " + file, e);
        }
    }

    /**
     * Parses the text of a list.
     *
     * @throws IllegalArgumentException naming {@code source} and the line of a malformed entry
     */
    public static WordList parse(String text, String source) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.replace("\uFEFF", "").split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\|");
            String head = parts[0].strip();
            String wrong = head;
            String right = "";
            int arrow = head.indexOf("->");
            if (arrow >= 0) {
                wrong = head.substring(0, arrow).strip();
                right = head.substring(arrow + 2).strip();
            }
            List<String> exceptions = new ArrayList<>();
            for (int p = 1; p < parts.length; p++) {
                if (!parts[p].isBlank()) {
                    exceptions.add(parts[p].strip());
                }
            }
            try {
                entries.add(new Entry(wrong, right, exceptions));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new WordList(entries);
    }
}

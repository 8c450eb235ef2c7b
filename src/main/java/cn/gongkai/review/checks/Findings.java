package cn.gongkai.review.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the findings of one run. Positions are computed from offsets in the field's text; a finding in the body
 * also names its paragraph; every positioned finding quotes the text around it.
 */
final class Findings {
    private static final String BODY = "body";
    private final List<Finding> list = new ArrayList<>();
    private final Map<String, Paragraphs> paragraphs = new HashMap<>();

    void error(String check, String field, String message) {
        list.add(new Finding(Severity.ERROR, check, field, 0, 0, message));
    }

    void warning(String check, String field, String message) {
        list.add(new Finding(Severity.WARNING, check, field, 0, 0, message));
    }

    /** A finding at {@code text[start, end)}, quoted as it stands. */
    void at(Severity severity, String check, String field, String text, int start, int end, String message) {
        at(severity, check, field, text, start, end, text.substring(start, end), message);
    }

    /** A finding at {@code text[start, end)}, quoted with the problem shown as {@code shown} (e.g. masked). */
    void at(Severity severity, String check, String field, String text, int start, int end, String shown,
            String message) {
        Position p = Position.of(text, start);
        Paragraphs.Block block = field.equals(BODY) ? paragraphs.computeIfAbsent(text, Paragraphs::of).at(start) : null;
        String snippet = block == null ? Snippet.of(text, start, end, shown, 0, text.length())
                : Snippet.of(text, start, end, shown, block.start(), Math.max(block.end(), end));
        list.add(new Finding(severity, check, field, p.line(), p.column(), message, block == null ? 0 : block.number(),
                block != null && block.heading(), snippet));
    }

    List<Finding> all() {
        return list;
    }
}

package cn.gongkai.review.checks;

/**
 * A short quote of the text around a problem, as findings show it: a few characters before, the problem itself (cut
 * when long) and a few after, within one line of the text, with … where the quote cuts the line.
 */
final class Snippet {
    static final int CONTEXT = 4;
    static final int PROBLEM = 12;

    private Snippet() {
    }

    /**
     * The quote of {@code text[start, end)}, showing the problem as {@code shown} (e.g. masked) and staying within
     * {@code [from, to)}.
     */
    static String of(String text, int start, int end, String shown, int from, int to) {
        int lineStart = Math.max(from, start == 0 ? 0 : text.lastIndexOf('\n', start - 1) + 1);
        int newline = text.indexOf('\n', end);
        int lineEnd = Math.min(to, newline < 0 ? text.length() : newline);
        int before = back(text, start, lineStart);
        int after = forward(text, Math.min(end, lineEnd), lineEnd);
        String problem = shown.codePointCount(0, shown.length()) > PROBLEM
                ? shown.substring(0, shown.offsetByCodePoints(0, PROBLEM)) + "…" : shown;
        return (before > lineStart ? "…" : "") + text.substring(before, start) + problem
                + text.substring(Math.min(end, lineEnd), after) + (after < lineEnd ? "…" : "");
    }

    private static int back(String text, int at, int limit) {
        int i = at;
        for (int n = 0; n < CONTEXT && i > limit; n++) {
            i = text.offsetByCodePoints(i, -1);
        }
        return i;
    }

    private static int forward(String text, int at, int limit) {
        int i = at;
        for (int n = 0; n < CONTEXT && i < limit; n++) {
            i = text.offsetByCodePoints(i, 1);
        }
        return i;
    }
}

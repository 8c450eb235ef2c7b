package cn.gongkai.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts (longest common subsequence), for showing reviewers what changed since the last
 * approved version. Texts longer than {@link #MAX_LINES} lines are compared as wholes.
 */
final class LineDiff {
    static final int MAX_LINES = 2_000;

    /** One line of the diff: kept, added or removed. */
    record Line(Kind kind, String text) {
        public String kindName() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    enum Kind { SAME, ADDED, REMOVED }

    private LineDiff() {
    }

    static List<Line> of(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        List<Line> out = new ArrayList<>();
        if (a.length > MAX_LINES || b.length > MAX_LINES) {
            if (!before.equals(after)) {
                out.add(new Line(Kind.REMOVED, before));
                out.add(new Line(Kind.ADDED, after));
            } else {
                out.add(new Line(Kind.SAME, after));
            }
            return out;
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new Line(Kind.SAME, a[i]));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Kind.REMOVED, a[i++]));
            } else {
                out.add(new Line(Kind.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            out.add(new Line(Kind.REMOVED, a[i++]));
        }
        while (j < b.length) {
            out.add(new Line(Kind.ADDED, b[j++]));
        }
        if (!out.isEmpty() && out.get(out.size() - 1).kind() == Kind.SAME && out.get(out.size() - 1).text().isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    static boolean changed(List<Line> diff) {
        return diff.stream().anyMatch(l -> l.kind() != Kind.SAME);
    }
}

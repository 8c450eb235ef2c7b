package cn.gongkai.intake;

import cn.gongkai.item.ItemImage;
import cn.gongkai.review.checks.Finding;
import java.util.ArrayList;
import java.util.List;

/** Check findings as import problems that name the line in the file and the field as the file writes it. */
final class CheckProblems {
    private CheckProblems() {
    }

    static List<ImportProblem> of(ParsedItem item, List<Finding> findings) {
        List<ImportProblem> out = new ArrayList<>();
        for (Finding f : findings) {
            String field = f.field();
            int line = item.fieldLines().getOrDefault(field, 0);
            String label = field;
            if (field.equals("body")) {
                label = "正文";
                line = item.bodyLine() > 0 ? item.bodyLine() + Math.max(f.line(), 1) - 1 : 0;
            } else if (field.equals("images")) {
                label = "图片";
                line = imageLine(item, f.message());
            } else if (field.startsWith("notes.")) {
                label = "notes";
                line = item.fieldLines().getOrDefault("notes", 0);
            }
            String where = field.equals("body") && f.column() > 0 ? "第 " + f.column() + " 列：" : "";
            out.add(new ImportProblem(item.file(), line, label, where + f.message()));
        }
        return out;
    }

    /** The line of the body that uses the image a message names (in “” quotes), or 0. */
    private static int imageLine(ParsedItem item, String message) {
        if (item.bodyLine() <= 0) {
            return 0;
        }
        String[] lines = item.content().body().split("\n", -1);
        for (ItemImage i : item.content().images()) {
            if (!message.contains("“" + i.fileName() + "”")) {
                continue;
            }
            for (int n = 0; n < lines.length; n++) {
                if (lines[n].contains(i.fileName() + ")") || lines[n].contains(i.fileName() + " ")) {
                    return item.bodyLine() + n;
                }
            }
        }
        return 0;
    }
}

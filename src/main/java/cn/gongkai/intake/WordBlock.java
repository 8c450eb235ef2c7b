package cn.gongkai.intake;

import java.util.List;

/**
 * One block of a Word document (.doc or .docx) on its way to Markdown: a paragraph, a heading, a table or pictures.
 *
 * @param markdown the block as Markdown
 * @param text     its plain text (empty for tables and pictures), which {@link RedHeadDocument} reads
 * @param align    its paragraph alignment, which tells a 公文's centered title and right-aligned 落款 apart
 * @param kind     what it is
 */
record WordBlock(String markdown, String text, Align align, Kind kind) {
    enum Align { LEFT, CENTER, RIGHT }

    enum Kind { PARAGRAPH, HEADING, TABLE, PICTURE }

    static WordBlock paragraph(String text, Align align) {
        return new WordBlock(escape(text), text, align, Kind.PARAGRAPH);
    }

    static WordBlock paragraph(String markdown, String text, Align align) {
        return new WordBlock(markdown, text, align, Kind.PARAGRAPH);
    }

    static WordBlock heading(int level, String text, Align align) {
        return new WordBlock("#".repeat(Math.max(1, Math.min(6, level))) + " " + escape(text), text, align,
                Kind.HEADING);
    }

    /** A table as a Markdown table, its first row the header; short rows are padded, line breaks in cells joined. */
    static WordBlock table(List<List<String>> rows) {
        int cols = rows.stream().mapToInt(List::size).max().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            sb.append('|');
            for (int c = 0; c < cols; c++) {
                String text = c < rows.get(i).size() ? rows.get(i).get(c) : "";
                String cell = escape(text.replaceAll("\\s*\\R\\s*", " ").strip());
                sb.append(' ').append(cell.replace("|", "\\|")).append(" |");
            }
            sb.append('\n');
            if (i == 0) {
                sb.append('|').append(" --- |".repeat(cols)).append('\n');
            }
        }
        return new WordBlock(sb.toString().stripTrailing(), "", Align.LEFT, Kind.TABLE);
    }

    static WordBlock pictures(String markdown) {
        return new WordBlock(markdown, "", Align.CENTER, Kind.PICTURE);
    }

    boolean isText() {
        return kind == Kind.PARAGRAPH || kind == Kind.HEADING;
    }

    /** Word text as literal Markdown text: the characters Markdown would read as markup get a backslash. */
    static String escape(String text) {
        String s = text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")
                .replace("[", "\\[").replace("]", "\\]");
        if (s.startsWith("#") || s.startsWith("-") || s.startsWith("+") || s.startsWith(">")) {
            s = "\\" + s;
        }
        return s;
    }
}

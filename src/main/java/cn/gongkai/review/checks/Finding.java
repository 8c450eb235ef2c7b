package cn.gongkai.review.checks;

/**
 * One thing a pre-publish check found.
 *
 * @param check     the check's id, e.g. {@code personal-data}
 * @param field     the item field: title, author, body, doc_no, cover, images, source_url
 * @param line      1-based line within the field's text, or 0 when the finding concerns the whole field
 * @param column    1-based column (in characters) within that line, or 0
 * @param message   what is wrong and how to fix it, in Chinese; never the full personal data it found
 * @param paragraph for a body finding, the paragraph as readers count them (headings, lists and tables count as one
 *                  each), 1-based; 0 otherwise
 * @param heading   whether that paragraph is a heading (小标题)
 * @param snippet   a short quote of the text around the problem (about 12 characters, … where it is cut), with
 *                  personal data masked; empty when the finding has no position
 */
public record Finding(Severity severity, String check, String field, int line, int column, String message,
                      int paragraph, boolean heading, String snippet) {
    public Finding {
        if (severity == null) {
            throw new IllegalArgumentException("finding severity must not be null");
        }
        if (check == null || check.isBlank()) {
            throw new IllegalArgumentException("finding check must not be blank");
        }
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("finding field must not be blank");
        }
        if (line < 0 || column < 0 || paragraph < 0) {
            throw new IllegalArgumentException("finding line, column and paragraph must not be negative: " + line
                    + ":" + column + " ¶" + paragraph);
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("finding message must not be blank");
        }
        snippet = snippet == null ? "" : snippet;
    }

    /** A finding without paragraph or quote (a whole field, or a field that is not the body). */
    public Finding(Severity severity, String check, String field, int line, int column, String message) {
        this(severity, check, field, line, column, message, 0, false, "");
    }

    /** Where, as {@code field} or {@code field:line:column}. */
    public String position() {
        return line == 0 ? field : field + ":" + line + ":" + column;
    }

    /** The paragraph in Chinese, as {@code 第 3 段} or {@code 第 3 段（小标题）}; empty when there is none. */
    public String paragraphLabel() {
        if (paragraph == 0) {
            return "";
        }
        return "第 " + paragraph + " 段" + (heading ? "（小标题）" : "");
    }

    @Override
    public String toString() {
        return severity.label() + " [" + check + "] " + position() + " " + message;
    }
}

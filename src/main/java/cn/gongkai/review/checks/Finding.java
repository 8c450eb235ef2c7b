package cn.gongkai.review.checks;

/**
 * One thing a pre-publish check found.
 *
 * @param check   the check's id, e.g. {@code personal-data}
 * @param field   the item field: title, author, body, doc_no, cover, images, source_url
 * @param line    1-based line within the field's text, or 0 when the finding concerns the whole field
 * @param column  1-based column (in characters) within that line, or 0
 * @param message what is wrong and how to fix it, in Chinese; never the full personal data it found
 */
public record Finding(Severity severity, String check, String field, int line, int column, String message) {
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
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("finding line and column must not be negative: " + line + ":" + column);
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("finding message must not be blank");
        }
    }

    /** Where, as {@code field} or {@code field:line:column}. */
    public String position() {
        return line == 0 ? field : field + ":" + line + ":" + column;
    }

    @Override
    public String toString() {
        return severity.label() + " [" + check + "] " + position() + " " + message;
    }
}

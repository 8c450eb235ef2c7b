package cn.gongkai.intake;

import java.nio.file.Path;

/**
 * One thing wrong with an item file, named so staff can fix it.
 *
 * @param line  1-based line in the file, or 0 when the problem concerns the whole file
 * @param field front matter field or "正文"/"图片", or empty
 */
public record ImportProblem(Path file, int line, String field, String message) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file.toString());
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (!field.isEmpty()) {
            sb.append('[').append(field).append("] ");
        }
        return sb.append(message).toString();
    }
}

package cn.gongkai.store;

import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.core.statement.UnableToCreateStatementException;

/**
 * Jdbi's {@code <name>} templates (what {@code bindList} and {@code define} fill in), read by a small hand-written
 * scanner instead of Jdbi's ANTLR lexer, whose first use costs a short command tens of milliseconds.
 *
 * <p>It follows Jdbi's {@code DefineStatementLexer} and {@code DefinedAttributeTemplateEngine} token for token
 * ({@code JdbiLexersTest} compares the two): {@code <name>} (letters, digits, {@code _}, {@code $}, {@code .},
 * non-ASCII letters) is replaced by the statement's attribute of that name, which must be defined; text in single
 * quotes (with {@code \'}), in double quotes and in comments is copied untouched; a backslash escapes the next
 * character and is dropped.
 */
final class DefineTemplates implements TemplateEngine {

    @Override
    public String render(String template, StatementContext ctx) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int n = template.length();
        int i = 0;
        while (i < n) {
            char c = template.charAt(i);
            int end = SqlScan.skippedEnd(template, i);
            if (end > i) {
                out.append(template, i, end);
                i = end;
            } else if (c == '\\' && i + 1 < n) {
                int next = template.offsetByCodePoints(i + 1, 1);
                out.append(template, i + 1, next);
                i = next;
            } else if (c == '<' && (end = defineEnd(template, i)) > 0) {
                String name = template.substring(i + 1, end - 1);
                Object value = ctx.getAttribute(name);
                if (value == null) {
                    throw new UnableToCreateStatementException("Undefined attribute for token '<" + name + ">'", ctx);
                }
                out.append(value);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index after the {@code >} of a define token starting at {@code start}, or -1. */
    private static int defineEnd(String sql, int start) {
        int end = SqlScan.nameEnd(sql, start + 1, false);
        return end > start + 1 && end < sql.length() && sql.charAt(end) == '>' ? end + 1 : -1;
    }
}

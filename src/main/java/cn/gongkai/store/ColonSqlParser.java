package cn.gongkai.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlParser;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Jdbi's {@code :name} parameter syntax, read by a small hand-written scanner instead of Jdbi's ANTLR lexer, whose
 * first use (the lexer's state machine is built then) costs every short command tens of milliseconds.
 *
 * <p>It follows the grammar of Jdbi's {@code ColonStatementLexer} token for token, so every statement parses as with
 * {@code ColonPrefixSqlParser} ({@code JdbiLexersTest} compares the two on every statement of the store and on
 * edge cases): {@code :name} (letters, digits, {@code _}, {@code $}, {@code .}, {@code ?.}, non-ASCII letters) is a
 * named parameter; {@code ?} a positional one; {@code ::} and {@code ??} stay as written; text in single quotes
 * (with {@code \'} inside), in double quotes and in comments (block, {@code --} and {@code //}) is copied
 * untouched; a backslash escapes the next character (the backslash is dropped). Parsed statements are cached, as
 * Jdbi's caching parser does.
 */
final class ColonSqlParser implements SqlParser {
    private static final int CACHE_LIMIT = 4096;

    private final Map<String, ParsedSql> cache = new ConcurrentHashMap<>();

    @Override
    public ParsedSql parse(String sql, StatementContext ctx) {
        ParsedSql parsed = cache.get(sql);
        if (parsed == null) {
            parsed = parse(sql);
            if (cache.size() < CACHE_LIMIT) {
                cache.put(sql, parsed);
            }
        }
        return parsed;
    }

    @Override
    public String nameParameter(String rawName, StatementContext ctx) {
        return ":" + rawName;
    }

    static ParsedSql parse(String sql) {
        ParsedSql.Builder out = ParsedSql.builder();
        StringBuilder text = new StringBuilder(sql.length());
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int end = SqlScan.skippedEnd(sql, i);
            if (end > i) {
                text.append(sql, i, end);
                i = end;
            } else if (c == '\\' && i + 1 < n) {
                int next = sql.offsetByCodePoints(i + 1, 1);
                text.append(sql, i + 1, next);
                i = next;
            } else if ((c == ':' || c == '?') && i + 1 < n && sql.charAt(i + 1) == c) {
                text.append(c).append(c);
                i += 2;
            } else if (c == ':' && (end = SqlScan.nameEnd(sql, i + 1, true)) > i + 1) {
                flush(out, text);
                out.appendNamedParameter(sql.substring(i + 1, end));
                i = end;
            } else if (c == '?') {
                flush(out, text);
                out.appendPositionalParameter();
                i++;
            } else {
                text.append(c);
                i++;
            }
        }
        flush(out, text);
        return out.build();
    }

    private static void flush(ParsedSql.Builder out, StringBuilder text) {
        if (text.length() > 0) {
            out.append(text.toString());
            text.setLength(0);
        }
    }
}

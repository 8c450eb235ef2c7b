package cn.gongkai.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.ColonPrefixSqlParser;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ColonSqlParser} and {@link DefineTemplates} against Jdbi's own ANTLR-based parser and template engine: the
 * same output (or the same refusal) for every statement in the store's sources and for many random strings made of
 * the characters the lexers treat specially.
 */
class JdbiLexersTest {
    private static final String ALPHABET = "a1._$:?'\"\\/*<> 中\n\r-";
    private static final List<String> ATTRIBUTES = List.of("a", "1", "a1", "a.", ".", "_", "$", "中", "a.a", "1a", "ids");

    private static Handle handle;
    private static StatementContext ctx;

    @BeforeAll
    static void context() {
        handle = Jdbi.create("jdbc:h2:mem:lexers").open();
        var query = handle.createQuery("SELECT 1");
        ATTRIBUTES.forEach(name -> query.define(name, "<" + name + "!>"));
        ctx = query.getContext();
    }

    @AfterAll
    static void close() {
        handle.close();
    }

    @Test
    void everyStatementOfTheStoreParsesAsWithJdbi() throws IOException {
        List<String> statements = storeStatements();
        assertThat(statements).hasSizeGreaterThan(100);
        for (String sql : statements) {
            assertSameParse(sql);
            assertSameRender(sql);
        }
    }

    @Test
    void edgeCasesParseAsWithJdbi() {
        for (String sql : List.of("SELECT :a, :b.c, :user?.name, ?", "x::int = :y", "a ?? b", "'it\\'s :x'",
                "'unterminated :x", "'a\\'", "\"\" :x \"", "\":x\"", "/* :x */ :y", "/* :x", "\\:x :y", ":", ": a",
                ":中文 ", "WHERE id IN (<ids>)", "<a> <b> <1a> <>", "a <> b", "\\<a>", "'<a>'", "x<a.>y",
                "SELECT * FROM t WHERE a < :x AND b > :y", "\\", "'\\\\' :x", ":a?:b", ":a?", "?.x", "-- :x\n:y", "// :x\r:y", "a - :b", "a / :b")) {
            assertSameParse(sql);
            assertSameRender(sql);
        }
    }

    @Test
    void randomStringsParseAsWithJdbi() {
        Random random = new Random(20261207);
        for (int round = 0; round < 30_000; round++) {
            StringBuilder sql = new StringBuilder();
            int length = 1 + random.nextInt(14);
            for (int i = 0; i < length; i++) {
                sql.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertSameParse(sql.toString());
            assertSameRender(sql.toString());
        }
    }

    private static void assertSameParse(String sql) {
        assertThat(outcome(() -> describe(ColonSqlParser.parse(sql))))
                .as("parse of %s", sql)
                .isEqualTo(outcome(() -> describe(new ColonPrefixSqlParser().parse(sql, ctx))));
    }

    private static void assertSameRender(String sql) {
        assertThat(outcome(() -> new DefineTemplates().render(sql, ctx)))
                .as("render of %s", sql)
                .isEqualTo(outcome(() -> new DefinedAttributeTemplateEngine().render(sql, ctx)));
    }

    private static String describe(ParsedSql parsed) {
        return parsed.getSql() + " | positional=" + parsed.getParameters().isPositional() + " | "
                + parsed.getParameters().getParameterNames();
    }

    private static String outcome(java.util.function.Supplier<String> work) {
        try {
            return "ok: " + work.get();
        } catch (RuntimeException e) {
            return "refused: " + e.getClass().getSimpleName();
        }
    }

    /** Every string literal and text block in src/main/java/cn/gongkai/store that looks like SQL. */
    private static List<String> storeStatements() throws IOException {
        Pattern textBlock = Pattern.compile("\"\"\"\\n(.*?)\"\"\"", Pattern.DOTALL);
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
        Pattern sqlWord = Pattern.compile("\\b(SELECT|INSERT|UPDATE|DELETE|MERGE|CREATE|ALTER|WHERE)\\b");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/cn/gongkai/store"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher blocks = textBlock.matcher(source);
                while (blocks.find()) {
                    found.add(blocks.group(1).stripIndent());
                }
                Matcher literals = literal.matcher(textBlock.matcher(source).replaceAll(""));
                while (literals.find()) {
                    String text = literals.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
                    if (sqlWord.matcher(text).find()) {
                        found.add(text);
                    }
                }
            }
        }
        return found;
    }
}

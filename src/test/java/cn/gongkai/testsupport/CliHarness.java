package cn.gongkai.testsupport;

import cn.gongkai.cli.Cli;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one {@code gongkai} command in this JVM, as the console script would, and captures what it prints and its exit
 * code. Immutable: {@code withConfig}, {@code withEnv} and {@code withStdin} return a changed copy.
 */
public final class CliHarness {
    /** What one command did: its exit code and the text it wrote to standard output and standard error. */
    public record Run(int code, String out, String err) {
    }

    private final Path config;
    private final Map<String, String> env;
    private final String stdin;

    private CliHarness(Path config, Map<String, String> env, String stdin) {
        this.config = config;
        this.env = env;
        this.stdin = stdin;
    }

    /** A harness with no configuration file, an empty environment and empty standard input. */
    public static CliHarness gongkai() {
        return new CliHarness(null, Map.of(), "");
    }

    /** Appends {@code --config FILE} to every command that does not name its own. */
    public CliHarness withConfig(Path file) {
        return new CliHarness(file, env, stdin);
    }

    /** The environment variables the command sees. */
    public CliHarness withEnv(Map<String, String> variables) {
        return new CliHarness(config, Map.copyOf(variables), stdin);
    }

    /** The text the command reads from standard input. */
    public CliHarness withStdin(String text) {
        return new CliHarness(config, env, text);
    }

    /** Runs {@code gongkai ARGS...}. */
    public Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (config != null && !all.contains("--config")) {
            all.add("--config");
            all.add(config.toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(String[]::new), env, Clock.systemUTC(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out),
                new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }
}

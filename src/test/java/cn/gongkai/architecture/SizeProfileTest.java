package cn.gongkai.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java scripts/SizeProfile.java}, the size profile that docs/architecture.md shows beside the anchors' figures:
 * it runs, counts the way the table says (a class is one file, a method runs from its name to its closing brace),
 * and the page names the command that reproduces it.
 */
class SizeProfileTest {
    private static final String SAMPLE = """
            package x;

            /** Doc with { brace. */
            @SuppressWarnings("unused")
            public final class Sample {
                private static final String S = "{ not a block";
                private final int[] values = {1, 2};
                private final Runnable r = () -> {
                    System.out.println("x");
                };

                @Deprecated(since = "1")
                public Sample() {
                    this(1); // a comment with {
                }

                Sample(int a) {
                }

                int twice(int a) {
                    if (a > 0) {
                        return a * 2;
                    }
                    Runnable anon = new Runnable() {
                        @Override
                        public void run() {
                            System.out.println('{');
                        }
                    };
                    String block = \"""
                            { text block }
                            \""";
                    return a;
                }

                record Point(int x, int y) {
                    Point {
                        if (x < 0) {
                            throw new IllegalArgumentException();
                        }
                    }
                }

                enum Kind {
                    A, B {
                        @Override
                        String label() {
                            return "b";
                        }
                    };

                    String label() {
                        return "a";
                    }
                }

                interface Shape {
                    double area();

                    default String describe() {
                        return "shape";
                    }
                }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void countsMethodsFromTheirNameToTheirClosingBraceAndIgnoresBracesInTextAndComments() throws Exception {
        Path pkg = Files.createDirectories(tmp.resolve("x"));
        Files.writeString(pkg.resolve("Sample.java"), SAMPLE);
        Files.writeString(pkg.resolve("Tiny.java"), "package x;\n\n// only a comment\nclass Tiny {\n}\n");
        Files.writeString(pkg.resolve("package-info.java"), "/** Not a class. */\npackage x;\n");

        List<String> out = run(tmp.toString(), "--methods");

        assertThat(out).contains("classes:            2", "lines:              69", "methods:            8",
                "median method:      3 lines", "90th-pct method:    15 lines", "methods > 20 lines: 0.0 %",
                "comment lines:      2.9 %", "methods over 50 lines: 0");
        assertThat(out.subList(out.indexOf("every method:") + 1, out.size())).containsExactly(
                "  Sample.Sample 3", "  Sample.Sample 2", "  Sample.run 3", "  Sample.twice 15", "  Sample.Point 5",
                "  Sample.label 3", "  Sample.label 3", "  Sample.describe 3");
        assertThat(out.subList(out.indexOf("largest classes:") + 1, out.indexOf("largest classes:") + 3))
                .containsExactly("  Sample 64", "  Tiny 5");
    }

    @Test
    void measuresTheMainSourceTreeFileByFile() throws Exception {
        long files;
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
            files = walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("package-info.java")).count();
        }

        List<String> out = run();

        assertThat(out).contains("classes:            " + files);
        assertThat(out).anyMatch(line -> line.startsWith("median class:"))
                .anyMatch(line -> line.startsWith("90th-pct method:"))
                .anyMatch(line -> line.startsWith("methods over 50 lines:"));
    }

    @Test
    void theArchitecturePageShowsTheProfileAndTheCommandThatReproducesIt() throws IOException {
        String page = Files.readString(Path.of("docs/architecture.md"), StandardCharsets.UTF_8);

        assertThat(page).contains("java scripts/SizeProfile.java", "median class", "90th-pct method",
                "largest classes:", "buckpal", "spring-petclinic", "HikariCP", "Retrofit");
    }

    @Test
    void refusesAMissingSourceTreeWithAMessageNamingIt() throws Exception {
        Process p = start(tmp.resolve("absent").toString());
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(err).contains("没有找到源代码目录", "absent");
    }

    private static List<String> run(String... args) throws Exception {
        Process p = start(args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("exit code; stderr: %s", err).isZero();
        return out.lines().toList();
    }

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "scripts/SizeProfile.java"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }
}

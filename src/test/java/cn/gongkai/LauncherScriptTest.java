package cn.gongkai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code src/main/dist/gongkai} (copied beside the jar by the build): valid sh, and run with a stand-in
 * {@code java} that prints the arguments it was given — the class archive when present, the quick compiler only for
 * short commands and serve, the full JIT for the other long-running commands, the operator's options last.
 */
class LauncherScriptTest {
    private static final Path SCRIPT = Path.of("src/main/dist/gongkai");

    @TempDir
    Path dir;
    private Path target;

    @BeforeEach
    void layOut() throws IOException {
        target = dir.resolve("tar get");
        Files.createDirectories(target);
        Files.copy(SCRIPT, target.resolve("gongkai"));
        Files.writeString(target.resolve("gongkai.jar"), "not really a jar");
        Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theScriptIsValidShAndTheCmdScriptCarriesTheSameOptions() throws Exception {
        assertThat(run(List.of("sh", "-n", SCRIPT.toString())).code).isZero();
        String cmd = Files.readString(Path.of("src/main/dist/gongkai.cmd"), StandardCharsets.UTF_8);
        assertThat(cmd).contains("-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=", "-Xshare:auto",
                "(simulator demo bench)", "%OPTS% %GONGKAI_JAVA_OPTS% -jar \"%DIR%gongkai.jar\" %*")
                .doesNotContain("Tier4");
    }

    @Test
    void aShortCommandRunsWithTheArchiveAndTheQuickCompiler() throws Exception {
        Files.writeString(target.resolve("gongkai.jsa"), "archive");

        Result r = launch("--config", "my config.yml", "item", "list");

        assertThat(r.code).isZero();
        assertThat(r.lines).containsExactly("-Xshare:auto", "-XX:SharedArchiveFile=" + target.toRealPath()
                .resolve("gongkai.jsa"), "-XX:TieredStopAtLevel=1", "-jar", target.toRealPath().resolve("gongkai.jar")
                .toString(), "--config", "my config.yml", "item", "list");
    }

    @Test
    void serveStartsWithItsOwnArchiveWhenThereIsOne() throws Exception {
        Files.writeString(target.resolve("gongkai.jsa"), "archive");
        Files.writeString(target.resolve("gongkai-serve.jsa"), "serve archive");

        assertThat(launch("serve").lines).contains("-XX:SharedArchiveFile=" + target.toRealPath()
                .resolve("gongkai-serve.jsa"));
        assertThat(launch("item", "list").lines).contains("-XX:SharedArchiveFile=" + target.toRealPath()
                .resolve("gongkai.jsa"));
        String cmd = Files.readString(Path.of("src/main/dist/gongkai.cmd"), StandardCharsets.UTF_8);
        assertThat(cmd).contains("gongkai-serve.jsa");
    }

    @Test
    void serveTakesTheQuickCompilerTooAndWithoutAnArchiveTheJarRunsPlainly() throws Exception {
        Result serve = launch("--config", "serve.yml", "serve");
        assertThat(serve.lines).containsExactly("-XX:TieredStopAtLevel=1", "-jar",
                target.toRealPath().resolve("gongkai.jar").toString(), "--config", "serve.yml", "serve");

        Result simulator = launch("simulator");
        assertThat(simulator.lines).as("the other long-running commands keep the full JIT").containsExactly("-jar",
                target.toRealPath().resolve("gongkai.jar").toString(), "simulator");

        Result counts = launch("counts", "--year", "2026");
        assertThat(counts.lines).containsExactly("-XX:TieredStopAtLevel=1", "-jar",
                target.toRealPath().resolve("gongkai.jar").toString(), "counts", "--year", "2026");
    }

    @Test
    void theOperatorsOptionsComeAfterTheLaunchersSoThatTheyWin() throws Exception {
        Files.writeString(target.resolve("gongkai.jsa"), "archive");

        Result r = launch(List.of("-Xmx1g", "-XX:TieredStopAtLevel=4"), "serve");

        assertThat(r.lines).containsExactly("-Xshare:auto", "-XX:SharedArchiveFile=" + target.toRealPath()
                .resolve("gongkai.jsa"), "-XX:TieredStopAtLevel=1", "-Xmx1g", "-XX:TieredStopAtLevel=4", "-jar",
                target.toRealPath().resolve("gongkai.jar").toString(), "serve");
    }

    @Test
    void aMissingJarIsNamedInChinese() throws Exception {
        Files.delete(target.resolve("gongkai.jar"));

        Result r = launch("item", "list");

        assertThat(r.code).isEqualTo(4);
        assertThat(String.join("\n", r.lines)).contains("找不到").contains("mvn -B -q package -DskipTests");
    }

    private Result launch(String... args) throws Exception {
        return launch(List.of(), args);
    }

    private Result launch(List<String> javaOpts, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", target.resolve("gongkai").toString()));
        command.addAll(List.of(args));
        return run(command, String.join(" ", javaOpts));
    }

    private Result run(List<String> command) throws Exception {
        return run(command, "");
    }

    private Result run(List<String> command, String javaOpts) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().remove("GONGKAI_JAVA_OPTS");
        if (!javaOpts.isEmpty()) {
            pb.environment().put("GONGKAI_JAVA_OPTS", javaOpts);
        }
        Process p = pb.start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), lines);
    }

    private record Result(int code, List<String> lines) {
    }
}

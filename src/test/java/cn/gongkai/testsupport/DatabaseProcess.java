package cn.gongkai.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.store.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM holding a database open as serve does ({@link Database#open}). In a fresh JVM, so that the opening
 * runs in the order production runs it (this JVM's tests may have loaded H2 before {@link Database}).
 */
public record DatabaseProcess(Process process, PrintWriter in) implements AutoCloseable {

    /** Starts the process and returns once it has the database open. */
    public static DatabaseProcess start(String url) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Holder.class.getName(), url)).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                    if (l.equals("OPEN")) {
                        return l;
                    }
                }
                return "exited";
            } catch (IOException e) {
                return e.toString();
            }
        }).orTimeout(2, TimeUnit.MINUTES).exceptionally(Throwable::toString).join();
        assertThat(line).as("the second process opened the database").isEqualTo("OPEN");
        return new DatabaseProcess(p, new PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8));
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Asks the process to close the database and waits for it to end. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            in.println("close");
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The second JVM: opens the database, prints OPEN, holds it until a line arrives on stdin. */
    static final class Holder {
        public static void main(String[] args) throws IOException {
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            try (Database db = Database.open(args[0], "gongkai", "", zone)) {
                System.out.println("OPEN");
                System.out.flush();
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
        }
    }
}

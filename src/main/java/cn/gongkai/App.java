package cn.gongkai;

import cn.gongkai.cli.Cli;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Entry point: {@code java -jar target/gongkai.jar COMMAND …}. */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null && Files.isRegularFile(Path.of("config",
                "logback.xml"))) {
            System.setProperty("logback.configurationFile", "config/logback.xml");
        }
        Prewarm.start(args);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = Cli.run(args, System.getenv(), Clock.systemUTC(), out, err);
        Prewarm.closeUnclaimed();
        boolean serving = args.length > 0 && (args[0].equals("serve") || args[0].equals("simulator")) && code == 0;
        if (!serving) {
            System.exit(code);
        }
    }
}

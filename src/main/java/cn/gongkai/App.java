package cn.gongkai;

import cn.gongkai.cli.Cli;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.LoggerFactory;

/** Entry point: {@code java -jar target/gongkai.jar COMMAND …}. */
public final class App {
    /**
     * The JDK's own switch (jdk.jfr.internal.JVMSupport) that makes {@code FlightRecorder.isAvailable()} false in this
     * process. Jdbi registers a JFR event class on its first statement whenever the recorder is available, which sets
     * up the recorder's metadata: about 40 ms of CPU in every command that reads the database, for events nobody
     * records in a command that ends a second later.
     */
    static final String FLIGHT_RECORDER_OFF = "jfr.unsupported.vm";
    /** Commands that keep running: their flight recorder stays available ({@code jcmd PID JFR.start}). */
    private static final Set<String> LONG_RUNNING = Set.of("serve", "simulator", "demo", "bench");

    private App() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null && Files.isRegularFile(Path.of("config",
                "logback.xml"))) {
            System.setProperty("logback.configurationFile", "config/logback.xml");
        }
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            // The warm-up thread logs through slf4j's stand-in loggers while logback is being set up; slf4j then
            // replays those events through logback's filters and would say so on stderr at WARN for every command.
            // This also hides slf4j's warnings about no or several logging back ends: the jar holds exactly one,
            // logback (LoggingBackendTest); -Dslf4j.internal.verbosity=WARN shows them again.
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        if (flightRecorderOff(args, System.getProperty(FLIGHT_RECORDER_OFF))) {
            System.setProperty(FLIGHT_RECORDER_OFF, "true");
        }
        Prewarm.start(args);
        // Logging is initialised here for every command, after the warm-up thread started (it loads the
        // configuration and opens the database meanwhile; a logger it asks for before this finishes is a stand-in
        // that slf4j hands over to logback once it is ready).
        LoggerFactory.getILoggerFactory();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = Cli.run(args, System.getenv(), Clock.systemUTC(), out, err);
        Prewarm.closeUnclaimed();
        // serve and simulator return once their shutdown hook stopped them; System.exit would wait on that hook.
        // The command word as the warm-up and the launcher find it (gongkai --config FILE serve included).
        String command = Prewarm.firstWord(List.of(args));
        boolean serving = (command.equals("serve") || command.equals("simulator")) && code == 0;
        if (!serving) {
            System.exit(code);
        }
    }

    /**
     * Whether a command turns the flight recorder off: every command but the long-running ones, unless the operator
     * set {@code -Djfr.unsupported.vm} (given here as {@code setting}) either way. A recording started with
     * {@code -XX:StartFlightRecording} set the recorder up before this runs and is not affected.
     */
    static boolean flightRecorderOff(String[] args, String setting) {
        return setting == null && !LONG_RUNNING.contains(Prewarm.firstWord(List.of(args)));
    }
}

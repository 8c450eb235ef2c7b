package cn.gongkai.cli;

import cn.gongkai.Wiring;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** A command that does its work and answers with an exit code ({@link ExitCodes}). */
abstract class CliCommand implements Callable<Integer> {
    /** How commands show a moment to the minute (in the configured time zone). */
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The service for one short command (see {@link Cli#wire}). */
    Wiring wire() {
        return Cli.wire(spec);
    }

    /** Where the command's answers go. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where problems and one-time notices go. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}

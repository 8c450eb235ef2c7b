package cn.gongkai.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gongkai bench …}: measurements for docs/benchmarks.md, never run as tests. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "性能基准（结果记入 docs/benchmarks.md）",
        subcommands = {BenchPublishCommand.class})
final class BenchCommands implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

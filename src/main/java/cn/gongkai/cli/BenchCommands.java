package cn.gongkai.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gongkai bench …}: benchmarks run on the configured database (figures go to docs/benchmarks.md). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "基准测试（结果记入 docs/benchmarks.md）",
        subcommands = {BenchCountsCommand.class})
final class BenchCommands implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

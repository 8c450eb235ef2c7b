package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.intake.ImportProblem;
import cn.gongkai.intake.ImportResult;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.render.RenderedArticle;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gongkai bench …}: measurements for docs/benchmarks.md, never run as tests. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "性能基准（结果记入 docs/benchmarks.md）",
        subcommands = {BenchCommands.Render.class, BenchCountsCommand.class, BenchPublishCommand.class,
                BenchConsoleCommand.class, BenchDistrictCommand.class})
final class BenchCommands extends CommandGroup {
    /**
     * {@code gongkai bench render [--n N] FILE.md}: imports the item into a throwaway in-memory database, treats its
     * images as already uploaded, then renders it N times on one thread after a warm-up and prints articles per
     * second.
     */
    @Command(name = "render", mixinStandardHelpOptions = true,
            description = {"排版速度：单线程、预热后连续排版同一篇稿件 N 次，输出每秒篇数。",
                    "稿件导入临时内存数据库，图片视为已上传（不含图片转换和网络）。"})
    static final class Render extends CliCommand {
        @Parameters(index = "0", paramLabel = "FILE.md", description = "稿件文件（与 item import 相同的格式）")
        Path file;

        @Option(names = "--n", paramLabel = "N", defaultValue = "2000", description = "计时的排版次数（默认 2000）")
        int n;

        @Option(names = "--warmup", paramLabel = "W", defaultValue = "1000", description = "不计时的预热次数（默认 1000）")
        int warmup;

        @Override
        public Integer call() {
            if (n < 1 || warmup < 0) {
                throw new UserError("--n 至少为 1，--warmup 不能为负数");
            }
            Context context = Cli.contextOf(spec);
            GongkaiConfig config = context.config(Cli.configOf(spec), Map.of(
                    "GONGKAI_DATABASE_URL", "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "GONGKAI_REVIEW_CHAIN", ""));
            try (Wiring w = context.wire(config, ItemCommands.NO_POLLING)) {
                ImportResult imported = w.importer().importFiles(List.of(file), "bench", "基准测试");
                if (!imported.ok()) {
                    PrintWriter err = err();
                    imported.problems().stream().map(ImportProblem::toString).forEach(err::println);
                    throw new UserError("稿件 " + file + " 有 " + imported.problems().size() + " 个问题，无法测试");
                }
                ItemContent item = w.items().find(imported.newIds().get(0)).orElseThrow().content();
                String accountName = w.config().account(item.account()).map(a -> a.name()).orElse(item.account());
                Function<ItemImage, String> uploaded = img -> "http://mmbiz.qpic.cn/sz_mmbiz_jpg/"
                        + img.sha256().substring(0, 40) + "/0?wx_fmt=jpeg";
                print(out(), measure(w.renderer(), item, accountName, uploaded), item);
                return ExitCodes.OK;
            }
        }

        /** The article, the wall-clock time of the timed renders and the CPU time this thread spent on them. */
        private record Measured(RenderedArticle article, long nanos, long cpuNanos) {
        }

        private Measured measure(ArticleRenderer renderer, ItemContent item, String accountName,
                                 Function<ItemImage, String> uploaded) {
            RenderedArticle article = renderer.render(item, accountName, uploaded);
            for (int i = 0; i < warmup; i++) {
                renderer.render(item, accountName, uploaded);
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                renderer.render(item, accountName, uploaded);
            }
            long nanos = System.nanoTime() - start;
            return new Measured(article, nanos, threads.getCurrentThreadCpuTime() - cpuStart);
        }

        private void print(PrintWriter out, Measured m, ItemContent item) {
            RenderedArticle a = m.article();
            double perArticleMs = m.nanos() / 1e6 / n;
            out.println("稿件：" + file + "（正文 " + item.body().length() + " 字，备注 "
                    + (item.notes().size() + item.glossary().size()) + " 条，图片 " + item.images().size()
                    + " 张；排版后 " + a.html().length() + " 字符）");
            out.println(String.format(Locale.ROOT, "单线程，预热 %d 次后排版 %d 次：共 %.0f 毫秒，平均每篇 %.3f 毫秒",
                    warmup, n, m.nanos() / 1e6, perArticleMs));
            out.println(String.format(Locale.ROOT, "每秒 %.0f 篇", 1000 / perArticleMs));
            if (m.cpuNanos() > 0) {
                // On a busy machine the wall clock includes time other processes had the CPU; this does not.
                out.println(String.format(Locale.ROOT, "按本线程 CPU 时间计：平均每篇 %.3f 毫秒，每秒 %.0f 篇",
                        m.cpuNanos() / 1e6 / n, n / (m.cpuNanos() / 1e9)));
            }
        }
    }
}

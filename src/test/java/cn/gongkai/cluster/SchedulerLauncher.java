package cn.gongkai.cluster;

import cn.gongkai.Wiring;
import cn.gongkai.config.ConfigLoader;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.publish.PollPolicy;
import cn.gongkai.publish.RunReport;
import cn.gongkai.schedule.PublishScheduler;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A publishing process for the two-process test: the wiring of {@code gongkai serve} without the web server, with
 * the Quartz scheduler under the name given, so that two such processes with different names each fire every slot.
 * Arguments: {@code CONFIG SCHEDULER_NAME}. Runs until killed.
 */
public final class SchedulerLauncher {
    private SchedulerLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        GongkaiConfig config = new ConfigLoader(System.getenv()).load(Path.of(args[0]));
        Wiring w = new Wiring(config, Clock.systemUTC(), new PollPolicy(3, Duration.ofMillis(300)));
        PublishScheduler scheduler = PublishScheduler.start(w.database().dataSource(), w.database().isPostgres(),
                new PublishScheduler.Plan(args[1], w.config().timezone(), Map.of("pair",
                        w.config().accounts().get(0).cron()), Duration.ofSeconds(3), Duration.ofHours(1), Map.of()),
                new PublishScheduler.Tasks() {
                    @Override
                    public void publish(String account) {
                        RunReport r = w.publisher().run(account);
                        out.println("SLOT " + args[1] + " batches=" + r.batches() + " published=" + r.published());
                    }

                    @Override
                    public void status(String account) {
                        w.publisher().resume(account);
                    }

                    @Override
                    public void watchdog() {
                        w.watchdog().logWarnings();
                    }

                    @Override
                    public void intake(String source) {
                        out.println("INTAKE " + source);
                    }
                }, w.clock());
        out.println("STARTED " + args[1]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            scheduler.close();
            w.close();
        }));
        Thread.currentThread().join();
    }
}

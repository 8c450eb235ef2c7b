package cn.gongkai.schedule;

import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronExpression;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz scheduling: one publishing job per account on its cron (in the configured time zone), and a status job
 * per account that resumes unfinished batches every few minutes.
 */
public final class PublishScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PublishScheduler.class);
    static final String TASK = "task";
    static final String NAME = "name";

    private final Scheduler scheduler;

    private PublishScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Starts the scheduler.
     *
     * @param publishRuns   account id → cron and the run to fire on it
     * @param statusRuns    account id → the resume run fired every {@code statusMinutes}
     */
    public static PublishScheduler start(ZoneId zone, Map<String, Slot> publishRuns, Map<String, Runnable> statusRuns,
                                         int statusMinutes) {
        return start(zone, publishRuns, statusRuns, statusMinutes, Map.of());
    }

    /**
     * Starts the scheduler with further jobs that repeat at a fixed interval (the inbox scan, the OA source).
     *
     * @param periodic job name → interval and the run to fire on it
     */
    public static PublishScheduler start(ZoneId zone, Map<String, Slot> publishRuns, Map<String, Runnable> statusRuns,
                                         int statusMinutes, Map<String, Periodic> periodic) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "gongkai");
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        try {
            Scheduler s = new StdSchedulerFactory(p).getScheduler();
            for (Map.Entry<String, Slot> e : publishRuns.entrySet()) {
                String account = e.getKey();
                if (!CronExpression.isValidExpression(e.getValue().cron())) {
                    throw new IllegalArgumentException("公众号 " + account + " 的发布时间表 cron 无效：" + e.getValue().cron()
                            + "（Quartz 格式：秒 分 时 日 月 周，例如 0 0 10 ? * MON-FRI）");
                }
                JobDetail job = job("publish-" + account, e.getValue().run());
                Trigger t = TriggerBuilder.newTrigger().withIdentity("publish-" + account)
                        .withSchedule(CronScheduleBuilder.cronSchedule(e.getValue().cron())
                                .inTimeZone(TimeZone.getTimeZone(zone)).withMisfireHandlingInstructionFireAndProceed())
                        .build();
                s.scheduleJob(job, t);
                LOG.info("Account {} publishes on cron '{}' ({}); next at {}", account, e.getValue().cron(), zone,
                        t.getNextFireTime());
            }
            for (Map.Entry<String, Runnable> e : statusRuns.entrySet()) {
                JobDetail job = job("status-" + e.getKey(), e.getValue());
                Trigger t = TriggerBuilder.newTrigger().withIdentity("status-" + e.getKey()).startNow()
                        .withSchedule(SimpleScheduleBuilder.repeatMinutelyForever(statusMinutes)
                                .withMisfireHandlingInstructionNextWithRemainingCount()).build();
                s.scheduleJob(job, t);
            }
            for (Map.Entry<String, Periodic> e : periodic.entrySet()) {
                JobDetail job = job(e.getKey(), e.getValue().run());
                Trigger t = TriggerBuilder.newTrigger().withIdentity(e.getKey()).startNow()
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                .withIntervalInMilliseconds(e.getValue().every().toMillis()).repeatForever()
                                .withMisfireHandlingInstructionNextWithRemainingCount()).build();
                s.scheduleJob(job, t);
                LOG.info("Job {} runs every {}", e.getKey(), e.getValue().every());
            }
            s.start();
            return new PublishScheduler(s);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz scheduler failed to start: " + e.getMessage(), e);
        }
    }

    private static JobDetail job(String name, Runnable task) {
        JobDataMap data = new JobDataMap();
        data.put(TASK, task);
        data.put(NAME, name);
        return JobBuilder.newJob(RunTaskJob.class).withIdentity(name).usingJobData(data).build();
    }

    /** An interval and what to run at it. */
    public record Periodic(java.time.Duration every, Runnable run) {
        public Periodic {
            if (every == null || every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("periodic job interval must be positive: " + every);
            }
        }
    }

    /** A cron expression and what to run on it. */
    public record Slot(String cron, Runnable run) {
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("Quartz scheduler did not shut down cleanly", e);
        }
    }
}

package cn.gongkai.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thin Quartz job: finds the {@link PublishScheduler.Tasks} in the scheduler context, runs the one its data names
 * (publish or status for an account, the watchdog, or reading a source of items) and catches everything, so one failure never stops the
 * schedule. Never runs twice at once for the same job, across the cluster.
 */
@DisallowConcurrentExecution
public final class RunTaskJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(RunTaskJob.class);
    private static final Duration LATE = Duration.ofMinutes(1);

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        String kind = data.getString(PublishScheduler.KIND);
        String account = data.getString(PublishScheduler.ACCOUNT);
        try {
            PublishScheduler.Tasks tasks = (PublishScheduler.Tasks) context.getScheduler().getContext()
                    .get(PublishScheduler.TASKS);
            Clock clock = (Clock) context.getScheduler().getContext().get(PublishScheduler.CLOCK);
            switch (kind) {
                case PublishScheduler.PUBLISH -> {
                    Instant slot = context.getScheduledFireTime().toInstant();
                    if (Duration.between(slot, clock.instant()).compareTo(LATE) > 0) {
                        LOG.info("Account {}: catching up the publishing slot of {} that was missed", account, slot);
                    }
                    tasks.publish(account);
                }
                case PublishScheduler.STATUS -> tasks.status(account);
                case PublishScheduler.WATCHDOG -> tasks.watchdog();
                case PublishScheduler.INTAKE -> tasks.intake(account);
                case PublishScheduler.PORTAL -> tasks.portals();
                default -> LOG.error("Scheduled job {} has unknown kind '{}'; ignored",
                        context.getJobDetail().getKey(), kind);
            }
        } catch (Throwable t) {
            LOG.error("Scheduled {} job{} failed; it runs again at its next slot", kind,
                    account == null || account.isEmpty() ? "" : " of account " + account, t);
        }
    }
}

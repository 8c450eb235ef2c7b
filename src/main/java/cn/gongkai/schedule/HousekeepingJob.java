package cn.gongkai.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly housekeeping at a quiet hour ({@link PublishScheduler#HOUSEKEEPING_CRON}): runs
 * {@link PublishScheduler.Tasks#housekeeping()} — compacting an H2 database file within a budget — and catches
 * everything, so a failure waits for the next night. A missed night is skipped, not caught up in working hours.
 */
@DisallowConcurrentExecution
public final class HousekeepingJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(HousekeepingJob.class);

    @Override
    public void execute(JobExecutionContext context) {
        try {
            ((PublishScheduler.Tasks) context.getScheduler().getContext().get(PublishScheduler.TASKS)).housekeeping();
        } catch (Throwable t) {
            LOG.error("Nightly housekeeping failed; it runs again next night", t);
        }
    }
}

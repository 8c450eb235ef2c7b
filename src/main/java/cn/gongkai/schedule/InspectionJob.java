package cn.gongkai.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily inspection ({@link PublishScheduler#INSPECT_CRON}): runs {@link PublishScheduler.Tasks#inspect()} —
 * reading what each account published and finding 错敏字, dead links and idle days — and catches everything, so a
 * failure waits for the next day. Never runs twice at once, across the cluster.
 */
@DisallowConcurrentExecution
public final class InspectionJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(InspectionJob.class);

    @Override
    public void execute(JobExecutionContext context) {
        try {
            ((PublishScheduler.Tasks) context.getScheduler().getContext().get(PublishScheduler.TASKS)).inspect();
        } catch (Throwable t) {
            LOG.error("The daily inspection failed; it runs again tomorrow", t);
        }
    }
}

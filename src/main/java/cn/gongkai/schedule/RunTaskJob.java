package cn.gongkai.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A thin Quartz job: runs its task and catches everything, so one failure never stops the schedule. */
@DisallowConcurrentExecution
public final class RunTaskJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(RunTaskJob.class);

    @Override
    public void execute(JobExecutionContext context) {
        String name = context.getMergedJobDataMap().getString(PublishScheduler.NAME);
        Runnable task = (Runnable) context.getMergedJobDataMap().get(PublishScheduler.TASK);
        try {
            task.run();
        } catch (Throwable t) {
            LOG.error("Scheduled job {} failed; it runs again at its next slot", name, t);
        }
    }
}

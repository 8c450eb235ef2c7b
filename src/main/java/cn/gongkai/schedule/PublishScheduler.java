package cn.gongkai.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz on its JDBC job store (the {@code QRTZ_} tables of the store's migrations), clustered, so that several
 * {@code serve} processes on one database share the schedule and each slot fires on one of them. Per account: a
 * publishing job on the account's cron (in the configured time zone) and a status job every few minutes; plus one
 * watchdog job. Triggers survive restarts, so a slot missed while no process was running fires once at start-up
 * (misfire: fire once now). Jobs are thin: they look up {@link Tasks} in the scheduler context and catch everything.
 */
public final class PublishScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PublishScheduler.class);
    static final String GROUP = "gongkai";
    static final String TASKS = "gongkai.tasks";
    static final String CLOCK = "gongkai.clock";
    static final String KIND = "kind";
    static final String ACCOUNT = "account";
    static final String PUBLISH = "publish";
    static final String STATUS = "status";
    static final String WATCHDOG = "watchdog";
    static final String INTAKE = "intake";
    static final String PORTAL = "portal";
    static final String HOUSEKEEPING = "housekeeping";
    /** When the housekeeping runs: 03:30 every night in the configured zone, when nobody publishes or edits. */
    static final String HOUSEKEEPING_CRON = "0 30 3 * * ?";
    static final String INSPECT = "inspect";
    /** When the inspection of what the accounts published runs: 07:10 every day, before the working day. */
    static final String INSPECT_CRON = "0 10 7 * * ?";

    private final Scheduler scheduler;

    private PublishScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** What the jobs run. Each method is called on a Quartz worker thread and may throw; the job logs it. */
    public interface Tasks {
        /** A publishing slot of the account came (or was missed and is caught up now). */
        void publish(String account);

        /** Finish the account's unfinished batches (status polling, settling). */
        void status(String account);

        /** Look for idle accounts, stuck batches and spent quotas. */
        void watchdog();

        /** Take in what a source of items holds now ({@code inbox}: the inbox folder, {@code oa}: the OA database). */
        void intake(String source);

        /** Deliver what is due to the portals (报区政府办); runs only when the plan has a portal interval. */
        default void portals() {
        }

        /** Nightly, at a quiet hour: keep the database small (compact an H2 file within a budget). */
        default void housekeeping() {
        }

        /** Daily: read what each account published and inspect it (错敏字, dead links, idle days). */
        default void inspect() {
        }
    }

    /**
     * The schedule.
     *
     * @param schedulerName  Quartz scheduler name; processes with the same name on one database form a cluster
     * @param cronByAccount  account id → Quartz cron of its publishing slots
     * @param statusEvery    how often the status job runs per account
     * @param watchdogEvery  how often the watchdog runs
     * @param intakeEvery    source of items ({@code inbox}, {@code oa}) → how often it is read
     * @param portalEvery    how often what is due goes to the portals; null when no portal is configured (no job)
     */
    public record Plan(String schedulerName, ZoneId zone, Map<String, String> cronByAccount, Duration statusEvery,
                       Duration watchdogEvery, Map<String, Duration> intakeEvery, Duration portalEvery) {
        /** A plan without the portal job. */
        public Plan(String schedulerName, ZoneId zone, Map<String, String> cronByAccount, Duration statusEvery,
                    Duration watchdogEvery, Map<String, Duration> intakeEvery) {
            this(schedulerName, zone, cronByAccount, statusEvery, watchdogEvery, intakeEvery, null);
        }

        public Plan {
            if (portalEvery != null && portalEvery.toSeconds() < 1) {
                throw new IllegalArgumentException("portalEvery must be at least a second: " + portalEvery);
            }
            if (schedulerName == null || !schedulerName.matches("[A-Za-z0-9_-]{1,60}")) {
                throw new IllegalArgumentException("scheduler name must be 1-60 letters, digits, - or _: "
                        + schedulerName);
            }
            Objects.requireNonNull(zone, "zone");
            cronByAccount = Map.copyOf(new LinkedHashMap<>(cronByAccount));
            for (Map.Entry<String, String> e : cronByAccount.entrySet()) {
                if (!CronExpression.isValidExpression(e.getValue())) {
                    throw new IllegalArgumentException("公众号 " + e.getKey() + " 的发布时间表 cron 无效：" + e.getValue()
                            + "（Quartz 格式：秒 分 时 日 月 周，例如 0 0 10 ? * MON-FRI）");
                }
            }
            if (statusEvery == null || statusEvery.toSeconds() < 1) {
                throw new IllegalArgumentException("statusEvery must be at least a second: " + statusEvery);
            }
            if (watchdogEvery == null || watchdogEvery.toSeconds() < 1) {
                throw new IllegalArgumentException("watchdogEvery must be at least a second: " + watchdogEvery);
            }
            intakeEvery = Map.copyOf(new LinkedHashMap<>(intakeEvery));
            intakeEvery.forEach((source, every) -> {
                if (!source.matches("[a-z]{1,20}") || every == null || every.toSeconds() < 1) {
                    throw new IllegalArgumentException("intake job " + source + " needs a name of lower-case"
                            + " letters and an interval of at least a second: " + every);
                }
            });
        }
    }

    /**
     * Starts the scheduler on the store's data source (which it does not close) and brings the stored jobs in line
     * with the plan: new accounts get their jobs, a changed cron replaces the trigger, an unchanged trigger is kept
     * (so a missed slot is caught up), accounts no longer configured lose theirs.
     *
     * @param postgres true on PostgreSQL (Quartz's PostgreSQL delegate), false on H2 (the standard delegate)
     * @param clock    given to the jobs, for telling a caught-up slot from an on-time one
     */
    public static PublishScheduler start(DataSource dataSource, boolean postgres, Plan plan, Tasks tasks,
                                         Clock clock) {
        String dsName = "gongkai-" + plan.schedulerName() + "-" + System.identityHashCode(dataSource);
        DBConnectionManager.getInstance().addConnectionProvider(dsName, new StoreConnections(dataSource));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", plan.schedulerName());
        p.setProperty("org.quartz.scheduler.instanceId", NodeIds.next());
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(
                WorkerThreads.forAccounts(plan.cronByAccount().size())));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", postgres
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dsName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        try {
            Scheduler s = ownScheduler(p, plan.schedulerName());
            s.getContext().put(TASKS, tasks);
            s.getContext().put(CLOCK, clock);
            reconcile(s, plan);
            s.start();
            return new PublishScheduler(s);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz scheduler failed to start: " + e.getMessage(), e);
        }
    }

    /**
     * A new Quartz scheduler, never one already running under the same name in this JVM: Quartz's factory hands out
     * the scheduler it keeps under a name, but every {@code serve} node (and two nodes in one test JVM) must be a
     * cluster member of its own with its own tasks. The scheduler is taken out of Quartz's registry at once.
     */
    private static Scheduler ownScheduler(Properties p, String name) throws SchedulerException {
        synchronized (SchedulerRepository.class) {
            Scheduler s = new StdSchedulerFactory(p).getScheduler();
            SchedulerRepository.getInstance().remove(name);
            return s;
        }
    }

    private static void reconcile(Scheduler s, Plan plan) throws SchedulerException {
        TimeZone zone = TimeZone.getTimeZone(plan.zone());
        Set<JobKey> wanted = new HashSet<>();
        for (Map.Entry<String, String> e : plan.cronByAccount().entrySet()) {
            String account = e.getKey();
            JobKey publish = JobKey.jobKey(PUBLISH + "-" + account, GROUP);
            JobKey status = JobKey.jobKey(STATUS + "-" + account, GROUP);
            wanted.add(publish);
            wanted.add(status);
            s.addJob(job(publish, PUBLISH, account), true);
            s.addJob(job(status, STATUS, account), true);
            CronTrigger cron = TriggerBuilder.newTrigger().withIdentity(PUBLISH + "-" + account, GROUP).forJob(publish)
                    .withSchedule(CronScheduleBuilder.cronSchedule(e.getValue()).inTimeZone(zone)
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            Trigger current = s.getTrigger(cron.getKey());
            if (current instanceof CronTrigger c && c.getCronExpression().equals(e.getValue())
                    && c.getTimeZone().getID().equals(zone.getID())) {
                LOG.info("Account {} publishes on cron '{}' ({}); next slot {}", account, e.getValue(), plan.zone(),
                        c.getNextFireTime());
            } else {
                Date next = current == null ? schedule(s, cron) : s.rescheduleJob(cron.getKey(), cron);
                LOG.info("Account {} publishes on cron '{}' ({}){}; next slot {}", account, e.getValue(), plan.zone(),
                        current == null ? "" : " (schedule changed)", next);
            }
            keepRepeating(s, TriggerKey.triggerKey(STATUS + "-" + account, GROUP), status, plan.statusEvery());
        }
        JobKey watchdog = JobKey.jobKey(WATCHDOG, GROUP);
        wanted.add(watchdog);
        s.addJob(job(watchdog, WATCHDOG, ""), true);
        keepRepeating(s, TriggerKey.triggerKey(WATCHDOG, GROUP), watchdog, plan.watchdogEvery());
        for (Map.Entry<String, Duration> e : plan.intakeEvery().entrySet()) {
            JobKey intake = JobKey.jobKey(INTAKE + "-" + e.getKey(), GROUP);
            wanted.add(intake);
            s.addJob(job(intake, INTAKE, e.getKey()), true);
            keepRepeating(s, TriggerKey.triggerKey(INTAKE + "-" + e.getKey(), GROUP), intake, e.getValue());
        }
        if (plan.portalEvery() != null) {
            JobKey portal = JobKey.jobKey(PORTAL, GROUP);
            wanted.add(portal);
            s.addJob(job(portal, PORTAL, ""), true);
            keepRepeating(s, TriggerKey.triggerKey(PORTAL, GROUP), portal, plan.portalEvery());
        }
        wanted.add(daily(s, plan.zone(), HOUSEKEEPING, HOUSEKEEPING_CRON, HousekeepingJob.class));
        wanted.add(daily(s, plan.zone(), INSPECT, INSPECT_CRON, InspectionJob.class));
        for (JobKey stored : s.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(stored)) {
                s.deleteJob(stored);
                LOG.info("Removed scheduled job {}: no longer configured", stored.getName());
            }
        }
    }

    /**
     * A job once a day on {@code cron} (the housekeeping, the inspection); a day missed while no process ran is
     * skipped.
     */
    private static JobKey daily(Scheduler s, ZoneId zone, String name, String cron, Class<? extends Job> job)
            throws SchedulerException {
        JobKey key = JobKey.jobKey(name, GROUP);
        s.addJob(JobBuilder.newJob(job).withIdentity(key).storeDurably().build(), true);
        CronTrigger trigger = TriggerBuilder.newTrigger().withIdentity(name, GROUP).forJob(key)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionDoNothing()).build();
        Trigger current = s.getTrigger(trigger.getKey());
        if (current == null) {
            schedule(s, trigger);
        } else if (!(current instanceof CronTrigger c) || !cron.equals(c.getCronExpression())
                || !c.getTimeZone().getID().equals(zone.getId())) {
            s.rescheduleJob(trigger.getKey(), trigger);
        }
        return key;
    }

    private static void keepRepeating(Scheduler s, TriggerKey key, JobKey job, Duration every)
            throws SchedulerException {
        SimpleTrigger trigger = TriggerBuilder.newTrigger().withIdentity(key).forJob(job).startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        Trigger current = s.getTrigger(key);
        if (!(current instanceof SimpleTrigger t) || t.getRepeatInterval() != every.toMillis()) {
            if (current == null) {
                schedule(s, trigger);
            } else {
                s.rescheduleJob(key, trigger);
            }
        }
    }

    /** Schedules a new trigger; another process of the cluster may have done so a moment earlier. */
    private static Date schedule(Scheduler s, Trigger trigger) throws SchedulerException {
        try {
            return s.scheduleJob(trigger);
        } catch (ObjectAlreadyExistsException e) {
            return s.getTrigger(trigger.getKey()).getNextFireTime();
        }
    }

    /**
     * A stored job. A publishing slot asks for recovery: when the node running it dies, another node of the cluster
     * runs it again at once (the account lock and the batch compare-and-sets make the repeat safe), rather than leave
     * the items it had not claimed yet until the next slot.
     */
    private static JobDetail job(JobKey key, String kind, String account) {
        return JobBuilder.newJob(RunTaskJob.class).withIdentity(key).storeDurably()
                .requestRecovery(kind.equals(PUBLISH))
                .usingJobData(KIND, kind).usingJobData(ACCOUNT, account).build();
    }

    /** The first slot of the cron after {@code after}, in the zone; null when the cron never fires again. */
    public static Instant nextSlotAfter(String cron, ZoneId zone, Instant after) {
        try {
            CronExpression e = new CronExpression(cron);
            e.setTimeZone(TimeZone.getTimeZone(zone));
            Date next = e.getNextValidTimeAfter(Date.from(after));
            return next == null ? null : next.toInstant();
        } catch (java.text.ParseException ex) {
            throw new IllegalArgumentException("cron 无效：" + cron + "（" + ex.getMessage() + "）", ex);
        }
    }

    /** When each of the account's slots fires next, as Quartz has it stored (for status pages). */
    public Instant nextSlot(String account) {
        try {
            Trigger t = scheduler.getTrigger(TriggerKey.triggerKey(PUBLISH + "-" + account, GROUP));
            return t == null || t.getNextFireTime() == null ? null : t.getNextFireTime().toInstant();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the schedule of account " + account, e);
        }
    }

    /** When the nightly housekeeping fires next, as Quartz has it stored. */
    public Instant nextHousekeeping() {
        try {
            Trigger t = scheduler.getTrigger(TriggerKey.triggerKey(HOUSEKEEPING, GROUP));
            return t == null || t.getNextFireTime() == null ? null : t.getNextFireTime().toInstant();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the housekeeping schedule", e);
        }
    }

    /** Fires the housekeeping job once now (tests). */
    void housekeepNow() throws SchedulerException {
        scheduler.triggerJob(JobKey.jobKey(HOUSEKEEPING, GROUP));
    }

    /** When the daily inspection fires next, as Quartz has it stored (tests). */
    Instant nextInspection() throws SchedulerException {
        Trigger t = scheduler.getTrigger(TriggerKey.triggerKey(INSPECT, GROUP));
        return t == null || t.getNextFireTime() == null ? null : t.getNextFireTime().toInstant();
    }

    /** Fires the daily inspection job once now (tests). */
    void inspectNow() throws SchedulerException {
        scheduler.triggerJob(JobKey.jobKey(INSPECT, GROUP));
    }

    /** How long {@link #close} waits for running jobs before it stops Quartz anyway. */
    static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(20);

    /** The stored jobs, e.g. {@code publish-hongqi}, for tests and diagnostics. */
    public List<String> jobNames() {
        try {
            return scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)).stream().map(JobKey::getName).sorted()
                    .toList();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot list scheduled jobs", e);
        }
    }

    /**
     * Stops this node as a killed process would for the cluster: no more check-ins, running jobs left where they are
     * and their fired triggers left in the database for another node to recover (tests).
     */
    void stopWithoutCleanUp() {
        try {
            scheduler.shutdown(false);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot stop the scheduler", e);
        }
    }

    /**
     * Stops firing, waits up to {@link #CLOSE_WAIT} for running jobs to finish, then shuts Quartz down without
     * joining its scheduler thread. Joining it (Quartz's {@code shutdown(true)}) hung serve for ever when stopped
     * while a job ran: at JVM shutdown H2's own hook may close the database first, and the scheduler thread then
     * retries releasing its trigger on the closed database until its job store is shut down — which Quartz does only
     * after that join. A job still running after the wait is left as a killed process leaves it: every job resumes
     * from what it stored (docs/reliability.md) and the cluster recovers its trigger.
     */
    @Override
    public void close() {
        try {
            scheduler.standby();
            long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
            while (!scheduler.getCurrentlyExecutingJobs().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (!scheduler.getCurrentlyExecutingJobs().isEmpty()) {
                LOG.warn("Stopping with {} scheduled job(s) still running; they resume from their stored state",
                        scheduler.getCurrentlyExecutingJobs().size());
            }
            scheduler.shutdown(false);
        } catch (SchedulerException e) {
            LOG.warn("Quartz scheduler did not shut down cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopWithoutCleanUp();
        }
    }

    /** Hands Quartz connections from the store's pool; the pool belongs to the store, so shutdown leaves it open. */
    private static final class StoreConnections implements ConnectionProvider {
        private final DataSource dataSource;

        StoreConnections(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the store closes its own pool
        }

        @Override
        public void initialize() {
            // nothing to set up: the pool is already open
        }
    }
}

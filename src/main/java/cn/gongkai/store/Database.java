package cn.gongkai.store;

import cn.gongkai.config.ConfigException;
import cn.gongkai.config.JdbcUrls;
import cn.gongkai.item.ImageStore;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.Transactions;
import cn.gongkai.publish.BatchRepository;
import cn.gongkai.publish.CallCounter;
import cn.gongkai.publish.CallbackNonces;
import cn.gongkai.publish.PublishEventLog;
import cn.gongkai.publish.PublishStore;
import cn.gongkai.publish.LedgerRepository;
import cn.gongkai.publish.MediaCache;
import cn.gongkai.report.LedgerStatistics;
import cn.gongkai.report.LedgerSummary;
import cn.gongkai.review.ApprovedSnapshots;
import cn.gongkai.review.AuditLog;
import cn.gongkai.review.EditorDrafts;
import cn.gongkai.review.FormTokens;
import cn.gongkai.review.LoginFailures;
import cn.gongkai.review.LoginSessions;
import cn.gongkai.review.UserRepository;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The store: a small connection pool, the schema migrated by Flyway, and the repositories behind the ports.
 *
 * <p>The same migrations run unchanged on an H2 2.x file database ({@code jdbc:h2:file:…}, the embedded default)
 * and on PostgreSQL. Repository calls made inside {@link #transactions()} share one transaction, bound to the calling
 * thread (work handed to another thread runs outside it); outside a transaction each call is its own short
 * transaction. The password is never logged, printed or put in a message.
 */
public final class Database implements AutoCloseable {

    /** The zone the ledger summary cuts days in when the caller names none: the configuration's default. */
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    /** Room for the publisher, the web server and Quartz's JDBC job store (trigger acquisition, misfires, check-in). */
    private static final int MAX_POOL_SIZE = 10;
    /** H2's page cache in KB (64 MB). */
    private static final int CACHE_KB = 64 * 1024;
    /** Statements each H2 session keeps parsed ({@link #withQueryCache}). */
    private static final int QUERY_CACHE = 64;
    /** The system property H2 reads the address its servers (AUTO_SERVER's among them) bind to from. */
    static final String H2_BIND_ADDRESS = "h2.bindAddress";

    static {
        // H2's AUTO_SERVER (a second process sharing the file, e.g. the CLI beside serve) listens on all interfaces
        // unless told otherwise; the file is local, so only this machine may join. Read once when H2 loads.
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
    }

    private final HikariDataSource dataSource;
    private final String safeUrl;
    private final String product;
    private final JdbiTransactions transactions;
    private final ItemRepository items;
    private final ImageStore images;
    private final BatchRepository batches;
    private final JdbiLedgerRepository ledger;
    private final JdbiLedgerSummary ledgerSummary;
    private final MediaCache mediaCache;
    private final AuditLog audit;
    private final ApprovedSnapshots approvedSnapshots;
    private final LoginSessions loginSessions;
    private final LoginFailures loginFailures;
    private final FormTokens formTokens;
    private final EditorDrafts editorDrafts;
    private final CallCounter callCounter;
    private final UserRepository users;
    private final PublishEventLog publishEvents;
    private final CallbackNonces callbackNonces;
    private final H2Compactor compactor;
    private final UnitDirectory units;

    private Database(HikariDataSource dataSource, String safeUrl, String product, H2Compactor compactor,
                     ZoneId zone) {
        this.dataSource = dataSource;
        this.compactor = compactor;
        this.safeUrl = safeUrl;
        this.product = product;
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.registerArgument(new Sql.InstantArgumentFactory());
        // Jdbi's own parser and template engine build an ANTLR lexer on first use (start-up time of a command).
        jdbi.setTemplateEngine(new DefineTemplates());
        jdbi.setSqlParser(new ColonSqlParser());
        this.transactions = new JdbiTransactions(jdbi);
        this.units = new UnitDirectory(transactions, java.time.Clock.systemUTC());
        this.items = new JdbiItemRepository(transactions, units);
        this.images = new JdbiImageStore(transactions);
        this.batches = new JdbiBatchRepository(transactions, units);
        this.ledgerSummary = new JdbiLedgerSummary(transactions, zone);
        this.ledger = new JdbiLedgerRepository(transactions, ledgerSummary, units);
        this.mediaCache = new JdbiMediaCache(transactions);
        this.audit = new JdbiAuditLog(transactions);
        this.approvedSnapshots = new JdbiApprovedSnapshots(transactions);
        this.loginSessions = new JdbiLoginSessions(transactions);
        this.loginFailures = new JdbiLoginFailures(transactions);
        this.formTokens = new JdbiFormTokens(transactions);
        this.editorDrafts = new JdbiEditorDrafts(transactions);
        this.callCounter = new JdbiCallCounter(transactions);
        this.users = new JdbiUserRepository(transactions);
        this.publishEvents = new JdbiPublishEventLog(transactions);
        this.callbackNonces = new JdbiCallbackNonces(transactions);
    }

    /**
     * Connects, migrates the schema to the newest version and returns the store.
     *
     * @throws StoreException naming the URL (without credentials) when the database cannot be reached or migrated
     */
    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, DEFAULT_ZONE);
    }

    /**
     * Connects, migrates the schema to the newest version and returns the store, whose per-day ledger summary cuts
     * days in {@code zone} (and is rebuilt here when it was cut in another zone or never filled).
     *
     * @throws StoreException naming the URL (without credentials) when the database cannot be reached or migrated
     */
    public static Database open(String jdbcUrl, String user, String password, ZoneId zone) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("database url must not be blank");
        }
        String safeUrl = withoutCredentials(jdbcUrl);
        if (JdbcUrls.hasUserInfo(jdbcUrl)) {
            // The drivers cannot use user:pass@ (PostgreSQL resolves "user:pass@host" as a host name) and would echo
            // it in their errors; refuse before anything connects or logs.
            throw new StoreException("cannot connect to database " + safeUrl + ": a user name and password must not be "
                    + "written into the URL; set database.user and GONGKAI_DATABASE_PASSWORD instead", null);
        }
        HikariDataSource dataSource;
        try {
            HikariConfig config = new HikariConfig();
            config.setPoolName("gongkai-store");
            String url = withInterruptRetry(withQueryCache(withoutCloseCompaction(jdbcUrl)));
            if (url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
                // H2 straight through its DataSource: java.sql.DriverManager would load and set up every driver in
                // the jar first (PostgreSQL's sets up java.util.logging: ~9 ms of every short command's start)
                org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
                h2.setURL(url);
                config.setDataSource(h2);
            } else {
                config.setJdbcUrl(url);
            }
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(MAX_POOL_SIZE);
            config.setMinimumIdle(1);
            config.setConnectionTimeout(10_000);
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to database " + safeUrl + " as user " + user,
                    MaskedCause.of(e, password));
        }
        try {
            migrateWhenBehind(dataSource, safeUrl);
            String product = productOf(dataSource);
            H2Compactor compactor = null;
            if (product.startsWith("H2")) {
                writeCommitsAtOnce(dataSource);
                ownerOnly(dataSource);
                compactor = H2Compactor.start(dataSource, safeUrl);
            }
            Database db = new Database(dataSource, safeUrl, product, compactor, zone);
            db.ledgerSummary.ensureCurrent();
            return db;
        } catch (ConfigException e) {
            dataSource.close();
            throw e;
        } catch (SQLException | RuntimeException e) {
            dataSource.close();
            throw new StoreException("cannot migrate database " + safeUrl, MaskedCause.of(e, password));
        }
    }

    /**
     * Opens a private in-memory H2 database through Jdbi, runs one statement with a list, a named parameter and an
     * {@link Instant}, and closes it: loads and initialises the H2 engine, Jdbi and our parser ahead of a real
     * {@link #open}. A short command does this on a second thread while its command line is parsed
     * ({@code cn.gongkai.Prewarm}); it touches no file.
     */
    public static void warmUp() {
        org.h2.jdbcx.JdbcDataSource memory = new org.h2.jdbcx.JdbcDataSource();
        memory.setURL("jdbc:h2:mem:");
        Jdbi jdbi = Jdbi.create(memory);
        jdbi.registerArgument(new Sql.InstantArgumentFactory());
        jdbi.setTemplateEngine(new DefineTemplates());
        jdbi.setSqlParser(new ColonSqlParser());
        jdbi.useHandle(h -> h.createQuery("SELECT CAST(:at AS TIMESTAMP WITH TIME ZONE) AS at, X FROM "
                        + "(VALUES (1), (2)) AS T(X) WHERE X IN (<ids>)")
                .bind("at", Instant.EPOCH).bindList("ids", List.of(1, 2))
                .map((rs, ctx) -> Sql.instant(rs, "at")).list());
    }

    /**
     * Reads the schema version with one query and compares it with the newest migration this program carries:
     * current → nothing more (Flyway is not loaded); behind → Flyway migrates; ahead (migrated by a newer gongkai)
     * → refused with a {@link ConfigException} naming both versions, nothing changed.
     */
    private static void migrateWhenBehind(DataSource dataSource, String safeUrl) throws SQLException {
        SchemaVersion bundled = SchemaVersion.newestBundled();
        Optional<SchemaVersion> applied = SchemaVersion.applied(dataSource);
        switch (SchemaVersion.compare(applied, bundled)) {
            case CURRENT -> { }
            case BEHIND -> FlywayMigrations.migrate(dataSource);
            case AHEAD -> throw new ConfigException("database.url", "数据库 " + safeUrl + " 的结构版本是 "
                    + applied.orElseThrow() + "，比本程序支持的最新版本 " + bundled + " 新：它已被更新版本的 gongkai"
                    + " 升级过。请改用相同或更新版本的 gongkai；本程序没有改动数据库。");
        }
    }

    /**
     * Takes the configuration's units: the unit of each account (for an item stored without naming its unit, a
     * ledger row without an item), and the rows of the {@code unit} table, written once per process just before the
     * first item is stored ({@link #syncUnits} does it at once). Reads nothing here.
     */
    public void declareUnits(List<cn.gongkai.config.UnitConfig> configured) {
        units.declare(configured);
    }

    /** Brings the {@code unit} table in line with the declared units, unless this process did so already. */
    public void syncUnits() {
        units.ensureSynced();
    }

    /** The {@code unit} table: the configuration's units and those added on the 单位 page (issue 19). */
    public cn.gongkai.review.UnitTable unitTable() {
        return new JdbiUnitTable(transactions);
    }

    /** Every row that carries a unit, to count and move ({@code gongkai unit move}). */
    public cn.gongkai.review.UnitRows unitRows() {
        return new JdbiUnitRows(transactions);
    }

    /** Runs work in one transaction; nested calls join the outer one. */
    public Transactions transactions() {
        return transactions;
    }

    public ItemRepository items() {
        return items;
    }

    public ImageStore images() {
        return images;
    }

    public BatchRepository batches() {
        return batches;
    }

    public LedgerRepository ledger() {
        return ledger;
    }

    /** The per-day summary of the ledger that counting reads: rebuilt or checked against the ledger on demand. */
    public LedgerSummary ledgerSummary() {
        return ledgerSummary;
    }

    /** Counting queries on the ledger, answered in SQL. */
    public LedgerStatistics ledgerStatistics() {
        return ledger;
    }

    /** Counting of the ledger rows of {@code accounts} only: a unit's, in a district (issue 19). */
    public LedgerStatistics ledgerStatistics(java.util.Collection<String> accounts) {
        return JdbiAccountsLedgerStatistics.of(transactions, accounts);
    }

    public MediaCache mediaCache() {
        return mediaCache;
    }

    public AuditLog audit() {
        return audit;
    }

    /** The texts of approved versions, for comparing a new version with the last approved one. */
    public ApprovedSnapshots approvedSnapshots() {
        return approvedSnapshots;
    }

    /** The console's logged-in sessions (by the hash of their id). */
    public LoginSessions loginSessions() {
        return loginSessions;
    }

    /** Failed console logins, shared by every node. */
    public LoginFailures loginFailures() {
        return loginFailures;
    }

    /** The console editor's one-time form tokens. */
    public FormTokens formTokens() {
        return formTokens;
    }

    /** The console editor's autosaves. */
    public EditorDrafts editorDrafts() {
        return editorDrafts;
    }

    /** WeChat API calls per account, API and day (the budget behind the daily quotas). */
    public CallCounter callCounter() {
        return callCounter;
    }

    /** Staff accounts and API tokens (hashes only). */
    public UserRepository users() {
        return users;
    }

    /** PUBLISHJOBFINISH events as received. */
    public PublishEventLog publishEvents() {
        return publishEvents;
    }

    /** The nonces of WeChat callbacks already acted upon, shared by every node using this database. */
    /** The 报区政府办 delivery rows (one per item and portal). */
    public cn.gongkai.portal.DeliveryStore portalDeliveries() {
        return new JdbiPortalDeliveries(transactions);
    }

    /** What the inspection of published articles keeps (issue 19). */
    public cn.gongkai.inspect.InspectionStore inspections() {
        return new JdbiInspectionStore(transactions);
    }

    public CallbackNonces callbackNonces() {
        return callbackNonces;
    }

    /** Every port publishing works on, bound to this store's transactions. */
    public PublishStore publishStore() {
        return new PublishStore(items, images, batches, ledger, mediaCache, audit, transactions, publishEvents);
    }

    /**
     * The pooled data source, for Quartz's JDBC job store (its {@code QRTZ_} tables are created by the migrations).
     * Callers must not close it; {@link #close()} does.
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /** True on PostgreSQL, false on H2. */
    public boolean isPostgres() {
        return product.startsWith("PostgreSQL");
    }

    /** The newest applied migration version (e.g. "3"), for {@code gongkai doctor}. */
    public String schemaVersion() {
        try {
            return SchemaVersion.applied(dataSource).map(SchemaVersion::version).orElse("（无）");
        } catch (SQLException | RuntimeException e) {
            throw new StoreException("cannot read the migration history of " + safeUrl, e);
        }
    }

    /** The URL without credentials and the database product, e.g. for {@code gongkai doctor}. */
    public String describe() {
        return safeUrl + " (" + product + ")";
    }

    /**
     * Compacts an H2 file for at most {@code budget} when any of it is not live data (the store also does this by
     * itself every ten minutes when less than half is live and at least 8 MB is not); empty on PostgreSQL, for an
     * in-memory database, or when another process has the file open.
     */
    public Optional<FileCompaction> compactFile(Duration budget) {
        return compactor == null ? Optional.empty() : compactor.compact(100, 0, budget);
    }

    /** The H2 file's size and live share ({@code doctor}); empty on PostgreSQL or in memory. */
    public Optional<FileSpace> fileSpace() {
        return FileSpace.read(dataSource);
    }

    /** The H2 compactor, or null on PostgreSQL (for tests of its periodic check). */
    H2Compactor compactor() {
        return compactor;
    }

    @Override
    public void close() {
        if (compactor != null) {
            compactor.close();
        }
        dataSource.close();
    }

    /**
     * An H2 file URL with {@code MAX_COMPACT_TIME=0}: H2 otherwise compacts the file for up to 200 ms whenever the last
     * connection closes, which every CLI command would pay on exit. Compaction is the housekeeping's job in the
     * service ({@link H2Compactor}) and {@code compactFile}'s on demand. Other URLs, and one that sets the key
     * itself, are returned unchanged.
     */
    static String withoutCloseCompaction(String jdbcUrl) {
        String upper = jdbcUrl.toUpperCase(java.util.Locale.ROOT);
        if (!upper.startsWith("JDBC:H2:") || upper.startsWith("JDBC:H2:MEM:") || upper.contains("MAX_COMPACT_TIME")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";MAX_COMPACT_TIME=0";
    }

    /**
     * An H2 URL whose sessions keep their 64 most recent statements parsed ({@code QUERY_CACHE_SIZE}, default 8):
     * the console runs a few dozen distinct statements, and with 8 each page parsed most of its SQL again (3 % of the
     * console's CPU under load, issue 16). Left alone when the URL sets it.
     */
    static String withQueryCache(String jdbcUrl) {
        String upper = jdbcUrl.toUpperCase(java.util.Locale.ROOT);
        if (!upper.startsWith("JDBC:H2:") || upper.contains("QUERY_CACHE_SIZE")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";QUERY_CACHE_SIZE=" + QUERY_CACHE;
    }

    /**
     * An H2 file URL through H2's {@code retry:} file system. With the plain one, a thread interrupted while H2
     * writes (a request thread stopped with the web server, a cancelled task, a job stopped at shutdown) has Java
     * close the file channel under every thread ({@code ClosedByInterruptException}) and H2 closes the whole database
     * for the process ("The database has been closed") — the hang at serve's shutdown noted with issue 18.
     * {@code retry:} reopens the channel and repeats the write. A process opening the same file without it (an older
     * gongkai) still shares it through {@code AUTO_SERVER}. Other URLs are returned unchanged.
     */
    static String withInterruptRetry(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("jdbc:h2:file:")) {
            return "jdbc:h2:retry:" + jdbcUrl.substring("jdbc:h2:".length());
        }
        if (lower.startsWith("jdbc:h2:./") || lower.startsWith("jdbc:h2:/") || lower.startsWith("jdbc:h2:~/")) {
            return "jdbc:h2:retry:file:" + jdbcUrl.substring("jdbc:h2:".length());
        }
        return jdbcUrl;
    }

    /** The JDBC URL with any password parameter and user-info part masked. */
    static String withoutCredentials(String jdbcUrl) {
        return JdbcUrls.mask(jdbcUrl);
    }

    /**
     * H2 writes commits to its file up to 500 ms later by default: a process killed in that window (kill -9, a
     * crash) loses commits it had already acknowledged — a publish_id, a DRAFTED state — and would then repeat
     * WeChat calls. With a write delay of 0 every commit reaches the file (the operating system) before it returns.
     * The setting is stored in the database. It also stops H2's background compaction, which {@link H2Compactor}
     * does instead.
     */
    private static void writeCommitsAtOnce(HikariDataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
            // H2's default page cache (16 MB) holds too little of a district's items and audit rows: the console's
            // lists then read the file on every request (measured hit ratio 82 % with 10,000 items).
            s.execute("SET CACHE_SIZE " + CACHE_KB);
        }
    }

    /** Makes the files of an H2 file database owner-only (nothing for an in-memory one). */
    private static void ownerOnly(HikariDataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("CALL DATABASE_PATH()")) {
            String path = rs.next() ? rs.getString(1) : null;
            // through the retrying file system H2 names the path with its prefix (withInterruptRetry)
            for (String prefix : List.of("retry:", "file:")) {
                path = path != null && path.startsWith(prefix) ? path.substring(prefix.length()) : path;
            }
            if (path != null) {
                PrivateFiles.restrictH2Files(java.nio.file.Path.of(path));
            }
        } catch (java.io.IOException e) {
            throw new SQLException("cannot make the database files owner-only: " + e.getMessage(), e);
        }
    }

    private static String productOf(HikariDataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        }
    }
}

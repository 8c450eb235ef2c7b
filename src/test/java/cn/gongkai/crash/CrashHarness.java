package cn.gongkai.crash;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.Boundary;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs publisher processes against a simulator process and kills them with {@code kill -9} at chosen state
 * boundaries, while {@link Forger} injects forged, stale and replayed PUBLISHJOBFINISH events; afterwards the
 * simulator's own record ({@code GET /sim/record}) says what went out, and the ledger may hold only its links. One simulator
 * serves many runs; each run has its own account (appid), H2 file and items.
 */
final class CrashHarness implements AutoCloseable {
    static final String SECRET = "crash-test-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LAUNCH_LIMIT = Duration.ofSeconds(90);

    private final Path workDir;
    private final String classpath;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Process simulator;
    private final String simulatorUrl;

    /** One crash of a run: stop the publisher at the n-th time it reaches the boundary. */
    record Crash(Boundary boundary, int nth) {
    }

    /**
     * A run: items, mode, crashes in order (one per launch), and WeChat faults for the simulator.
     *
     * @param faults JSON array of fault rules, applied to this run's account only, or "[]"
     */
    record Plan(String name, int items, String mode, List<Crash> crashes, String faults) {
    }

    /**
     * What a run did.
     *
     * @param duplicates titles the simulator published (or mass-sent) more than once
     * @param lost       approved items that never went out
     */
    record Outcome(String name, int items, int launches, int kills, int duplicates, int lost, int ledgerRows,
                   int orphanDrafts, long millis, List<String> crashPoints, String problem) {
        boolean ok() {
            return duplicates == 0 && lost == 0 && problem.isEmpty();
        }
    }

    CrashHarness(Path workDir) throws IOException {
        this.workDir = workDir;
        String cp = System.getProperty("surefire.test.class.path");
        this.classpath = frozen(cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path"), workDir);
        Path simLog = workDir.resolve("simulator.log");
        ProcessBuilder pb = new ProcessBuilder(java(), "-Xss512k", "-cp", classpath, "cn.gongkai.App", "simulator",
                "--port", "0").redirectErrorStream(true);
        this.simulator = pb.start();
        BlockingQueue<String> url = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> copy(simulator, simLog, line -> {
            int at = line.indexOf("http://");
            if (line.contains("微信模拟器已启动") && at >= 0) {
                url.add(line.substring(at).split("[（(\\s]")[0]);
            }
        }), "simulator-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String found = url.poll(120, TimeUnit.SECONDS);
            if (found == null) {
                throw new IllegalStateException("the simulator process did not start; see " + simLog);
            }
            this.simulatorUrl = found;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the simulator", e);
        }
    }

    /**
     * The classpath with its class directories copied into the work directory, so that a rebuild while a long
     * campaign runs cannot change the classes of the processes it starts.
     */
    private static String frozen(String classpath, Path workDir) throws IOException {
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                Path copy = workDir.resolve("classes-" + n++);
                try (var walk = Files.walk(p)) {
                    for (Path f : walk.toList()) {
                        Path target = copy.resolve(p.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(f, target);
                        }
                    }
                }
                out.add(copy.toAbsolutePath().toString());
            } else {
                out.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, out);
    }

    /** An empty directory at {@code path} (what was there is removed). */
    static Path freshDirectory(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var walk = Files.walk(path)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(path);
    }

    String simulatorUrl() {
        return simulatorUrl;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private interface LineSink {
        void line(String line);
    }

    private static void copy(Process p, Path log, LineSink sink) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Files.writeString(log, line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
                sink.line(line);
            }
        } catch (IOException e) {
            // the process ended or was killed
        }
    }

    /** Executes the plan and checks the simulator's record. */
    Outcome run(Plan plan, long seed) throws Exception {
        long started = System.nanoTime();
        Path dir = Files.createDirectories(workDir.resolve(plan.name()));
        String appId = "wx" + HexFormat.of().formatHex(randomBytes(seed));
        post("/sim/admin/accounts", "{\"appid\":\"" + appId + "\",\"secret\":\"" + SECRET + "\"}");
        post("/sim/admin/faults", scoped(plan.faults(), appId));
        String dbUrl = "jdbc:h2:file:" + dir.resolve("gongkai").toAbsolutePath();
        List<String> titles = seed(dbUrl, plan, seed);
        Path config = writeConfig(dir, appId, dbUrl, plan.mode());
        int launches = 0;
        int kills = 0;
        List<String> points = new ArrayList<>();
        String problem = "";
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        long notBefore = 0;
        while (!done(dbUrl) && Instant.now().isBefore(deadline)) {
            Crash crash = kills < plan.crashes().size() ? plan.crashes().get(kills) : null;
            launches++;
            Launch launch = launch(config, dir.resolve("launch-" + launches + ".log"), crash, notBefore);
            if (launch.crashPoint != null) {
                kills++;
                points.add(launch.crashPoint);
            } else if (launch.exitCode != 0) {
                problem = "launch " + launches + " exited with " + launch.exitCode + "; see " + launch.log;
                break;
            }
            // a run that ended with work left: the next one starts its run 1.5 s later (resubmit-after is 1 s),
            // and its JVM starts meanwhile
            notBefore = launch.crashPoint == null ? System.currentTimeMillis() + 1500 : 0;
        }
        if (problem.isEmpty() && !done(dbUrl)) {
            problem = "not finished after " + launches + " launches";
        }
        for (int i = kills; i < plan.crashes().size(); i++) {
            points.add("(not reached: " + plan.crashes().get(i) + ")");
        }
        JsonNode record = get("/sim/record");
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode a : record.get("published")) {
            if (a.get("appId").asText().equals(appId)) {
                counts.merge(a.get("title").asText(), 1, Integer::sum);
            }
        }
        boolean mass = !plan.mode().equals("freepublish");
        Map<String, Integer> massCounts = new HashMap<>();
        for (JsonNode m : record.get("massSends")) {
            if (m.get("appId").asText().equals(appId)) {
                m.get("titles").forEach(t -> massCounts.merge(t.asText(), 1, Integer::sum));
            }
        }
        int duplicates = 0;
        int lost = 0;
        for (String t : titles) {
            int n = plan.mode().equals("mass") ? massCounts.getOrDefault(t, 0) : counts.getOrDefault(t, 0);
            duplicates += Math.max(0, n - 1);
            lost += n == 0 ? 1 : 0;
            if (mass && !plan.mode().equals("mass")) {
                duplicates += Math.max(0, massCounts.getOrDefault(t, 0) - 1);
            }
        }
        duplicates += counts.keySet().stream().filter(t -> !titles.contains(t)).mapToInt(counts::get).sum();
        java.util.Set<String> wechatLinks = new java.util.HashSet<>();
        for (JsonNode a : record.get("published")) {
            if (a.get("appId").asText().equals(appId)) {
                wechatLinks.add(a.get("url").asText());
            }
        }
        int drafts = record.path("calls").path(appId).path("draft/add").asInt();
        int batches;
        int ledgerRows;
        List<String> foreignLinks;
        try (Database db = Database.open(dbUrl, "gongkai", "")) {
            var rows = db.ledger().between(Instant.EPOCH, Instant.now().plusSeconds(60));
            ledgerRows = rows.size();
            foreignLinks = rows.stream().filter(r -> r.mode().equals("freepublish"))
                    .map(cn.gongkai.publish.LedgerEntry::url).filter(u -> !wechatLinks.contains(u)).toList();
            batches = db.batches().recent(1000).size();
        }
        int expectedLedger = plan.mode().equals("freepublish+mass") ? titles.size() + Math.min(8, titles.size())
                : titles.size();
        if (problem.isEmpty() && ledgerRows != expectedLedger) {
            problem = "ledger has " + ledgerRows + " rows, expected " + expectedLedger;
        }
        if (problem.isEmpty() && !foreignLinks.isEmpty()) {
            problem = "ledger holds links WeChat never gave: " + foreignLinks;
        }
        return new Outcome(plan.name(), titles.size(), launches, kills, duplicates, lost, ledgerRows,
                Math.max(0, drafts - batches), (System.nanoTime() - started) / 1_000_000, points, problem);
    }

    private static byte[] randomBytes(long seed) {
        byte[] b = new byte[8];
        new Random(seed ^ System.nanoTime()).nextBytes(b);
        return b;
    }

    /** Limits every rule of the JSON array to the run's account. */
    private static String scoped(String faults, String appId) throws IOException {
        JsonNode rules = JSON.readTree(faults);
        StringBuilder sb = new StringBuilder("{\"publishPolls\":0,\"rules\":[");
        for (int i = 0; i < rules.size(); i++) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) rules.get(i)).put("appId", appId);
            sb.append(i == 0 ? "" : ",").append(JSON.writeValueAsString(rules.get(i)));
        }
        return sb.append("]}").toString();
    }

    private static List<String> seed(String dbUrl, Plan plan, long seed) {
        List<String> titles = new ArrayList<>();
        Random random = new Random(seed);
        try (Database db = Database.open(dbUrl, "gongkai", "")) {
            for (int i = 0; i < plan.items(); i++) {
                int w = 120 + random.nextInt(400);
                int h = 90 + random.nextInt(300);
                ItemImage image = Fixtures.storeImage(db, "p" + i + ".png", Fixtures.png(w, h, random.nextInt()),
                        w, h);
                String title = plan.name() + "号稿件第" + (i + 1) + "篇";
                var content = Fixtures.content(title, "促消费", List.of(image));
                DisclosureItem item = db.items().insert(new cn.gongkai.item.ItemContent("crash", content.category(),
                        content.title(), content.author(), content.department(), content.body(), content.notes(),
                        content.glossary(), content.images(), null, "", "", null, false), ItemStatus.APPROVED, null,
                        Instant.now());
                titles.add(item.title());
            }
        }
        return titles;
    }

    private Path writeConfig(Path dir, String appId, String dbUrl, String mode) throws IOException {
        Path config = dir.resolve("gongkai.yml");
        Files.writeString(config, String.join("\n",
                "data-dir: " + dir.toAbsolutePath(),
                "templates-dir: " + Path.of("templates").toAbsolutePath(),
                "database:",
                "  url: " + dbUrl,
                "  user: gongkai",
                "  password: ''",
                "sandbox: off",
                "accounts:",
                "  - id: crash",
                "    name: 崩溃测试",
                "    app-id: " + appId,
                "    secret: " + SECRET,
                "    api-base-url: " + simulatorUrl,
                "    mode: " + mode,
                "    cron: \"0 0 10 ? * MON-FRI\"",
                "    max-articles-per-draft: 8",
                "wechat:",
                "  connect-timeout: 2s",
                "  read-timeout: 3s",
                "  retries: 2",
                "  retry-backoff: 50ms",
                "publishing:",
                "  resubmit-after: 1s",
                ""), StandardCharsets.UTF_8);
        return config;
    }

    private static final class Launch {
        String crashPoint;
        int exitCode;
        Path log;
    }

    private Launch launch(Path config, Path log, Crash crash, long notBefore) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xss512k", "-XX:TieredStopAtLevel=1",
                "-D" + CrashLauncher.NOT_BEFORE + "=" + notBefore,
                "-Dlogback.configurationFile=" + Path.of("src/test/resources/logback-test.xml").toAbsolutePath(),
                "-cp", classpath, CrashLauncher.class.getName(), config.toString(), "crash"));
        if (crash != null) {
            cmd.add(crash.boundary().name());
            cmd.add(String.valueOf(crash.nth()));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Launch launch = new Launch();
        launch.log = log;
        BlockingQueue<String> points = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> copy(p, log, line -> {
            if (line.startsWith(CrashLauncher.CRASH_POINT)) {
                points.add(line.substring(CrashLauncher.CRASH_POINT.length()).strip());
            }
        }), "launch-output");
        reader.setDaemon(true);
        reader.start();
        long end = System.nanoTime() + LAUNCH_LIMIT.toNanos();
        while (System.nanoTime() < end) {
            String point = points.poll(100, TimeUnit.MILLISECONDS);
            if (point != null) {
                killDashNine(p);
                launch.crashPoint = point;
                launch.exitCode = p.waitFor();
                reader.join(5000);
                return launch;
            }
            if (!p.isAlive()) {
                reader.join(5000);
                String late = points.poll();
                launch.crashPoint = late;
                launch.exitCode = p.exitValue();
                return launch;
            }
        }
        killDashNine(p);
        p.waitFor();
        launch.exitCode = -1;
        return launch;
    }

    /** The real thing: SIGKILL, no shutdown hooks, no finally blocks. */
    static void killDashNine(Process p) throws InterruptedException, IOException {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(p.pid())).start();
        if (kill.waitFor() != 0) {
            p.destroyForcibly();
        }
        p.waitFor(30, TimeUnit.SECONDS);
    }

    private static boolean done(String dbUrl) {
        try (Database db = Database.open(dbUrl, "gongkai", "")) {
            return db.items().list(ItemStatus.APPROVED).isEmpty() && db.items().list(ItemStatus.PUBLISHING).isEmpty()
                    && db.batches().unfinished(null).isEmpty();
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(simulatorUrl + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private void post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(simulatorUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("simulator " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    @Override
    public void close() {
        simulator.destroy();
        try {
            if (!simulator.waitFor(10, TimeUnit.SECONDS)) {
                simulator.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            simulator.destroyForcibly();
        }
    }

    /** A plain-text line per run, for the campaign report. */
    static String describe(Outcome o) {
        return String.format("%-8s items=%2d launches=%2d kills=%d duplicates=%d lost=%d ledger=%2d orphanDrafts=%d "
                        + "%5.1fs %s%s", o.name(), o.items(), o.launches(), o.kills(), o.duplicates(), o.lost(),
                o.ledgerRows(), o.orphanDrafts(), o.millis() / 1000.0, o.crashPoints(),
                o.problem().isEmpty() ? "" : "  PROBLEM: " + o.problem());
    }
}

package cn.gongkai.crash;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.publish.Boundary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The crash campaign (docs/reliability.md): 100 randomised runs — 3 to 20 items, mode freepublish, mass or
 * freepublish+mass, one to four kill -9s at random boundaries, random WeChat faults (busy errcodes, 5xx pages,
 * dropped answers, slow answers) — each checked against the simulator's record: 0 duplicates, 0 lost. Not part of
 * {@code mvn verify} (the class name does not match the test pattern); run it with
 * {@code mvn -o test -Dtest=CrashCampaign} ({@code -Dcrash.runs=N -Dcrash.seed=S} to vary). The report goes to
 * {@code target/crash-campaign.txt}.
 */
class CrashCampaign {
    private static final String[] RETRYABLE = {"media/uploadimg", "material/add_material", "draft/add", "draft/get",
            "freepublish/get", "freepublish/batchget"};
    private static final String[] PUBLISHING = {"freepublish/submit", "message/mass/sendall"};

    /** A random plan: its items, mode, crashes and faults come from {@code random}. */
    static CrashHarness.Plan plan(int run, Random random) {
        double m = random.nextDouble();
        String mode = m < 0.7 ? "freepublish" : m < 0.85 ? "mass" : "freepublish+mass";
        int items = mode.equals("mass") ? 1 + random.nextInt(8) : 3 + random.nextInt(18);
        List<CrashHarness.Crash> crashes = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        List<Boundary> all = new ArrayList<>(List.of(Boundary.values()));
        if (mode.equals("mass")) {
            all.removeAll(List.of(Boundary.SUBMITTED_COMMITTED, Boundary.STATUS_ANSWERED));
        }
        for (int i = 0; i < n; i++) {
            crashes.add(new CrashHarness.Crash(all.get(random.nextInt(all.size())),
                    random.nextDouble() < 0.8 ? 1 : 2));
        }
        List<String> rules = new ArrayList<>();
        for (String endpoint : RETRYABLE) {
            if (random.nextDouble() < 0.5) {
                rules.add("{\"endpoint\":\"" + endpoint + "\",\"when\":\"random\",\"probability\":"
                        + (0.05 + random.nextDouble() * 0.15) + ",\"seed\":" + random.nextInt(1000)
                        + ",\"action\":\"errcode\",\"errcode\":-1}");
            }
            if (random.nextDouble() < 0.2) {
                rules.add("{\"endpoint\":\"" + endpoint + "\",\"when\":\"nth\",\"n\":" + (1 + random.nextInt(3))
                        + ",\"action\":\"http\",\"httpStatus\":502}");
            }
        }
        for (String endpoint : PUBLISHING) {
            if (random.nextDouble() < 0.3) {
                rules.add("{\"endpoint\":\"" + endpoint + "\",\"when\":\"nth\",\"n\":" + (1 + random.nextInt(2))
                        + ",\"action\":\"drop\"}");
            }
            if (random.nextDouble() < 0.2) {
                rules.add("{\"endpoint\":\"" + endpoint + "\",\"when\":\"nth\",\"n\":1,\"action\":\"errcode\","
                        + "\"errcode\":-1}");
            }
        }
        if (random.nextDouble() < 0.3) {
            rules.add("{\"endpoint\":\"draft/add\",\"when\":\"nth\",\"n\":1,\"action\":\"drop\"}");
        }
        if (random.nextDouble() < 0.2) {
            rules.add("{\"endpoint\":\"*\",\"when\":\"random\",\"probability\":0.1,\"seed\":" + run
                    + ",\"action\":\"delay\",\"delayMillis\":400}");
        }
        return new CrashHarness.Plan("run" + run, items, mode, crashes, "[" + String.join(",", rules) + "]");
    }

    @Test
    void aHundredRandomisedRunsWithInjectedFaultsPublishEveryItemExactlyOnce() throws Exception {
        int runs = Integer.getInteger("crash.runs", 100);
        long seed = Long.getLong("crash.seed", 20260512L);
        Random random = new Random(seed);
        List<CrashHarness.Outcome> outcomes = new ArrayList<>();
        StringBuilder report = new StringBuilder("crash campaign: " + runs + " runs, seed " + seed + "\n");
        long started = System.nanoTime();
        try (CrashHarness harness = new CrashHarness(CrashHarness.freshDirectory(Path.of("target", "crash-campaign")))) {
            for (int i = 1; i <= runs; i++) {
                CrashHarness.Plan plan = plan(i, random);
                CrashHarness.Outcome o = harness.run(plan, seed + i);
                outcomes.add(o);
                String line = CrashHarness.describe(o) + "  mode=" + plan.mode() + " faults=" + plan.faults()
                        .chars().filter(c -> c == '{').count();
                report.append(line).append('\n');
                System.out.println(line);
            }
        }
        int duplicates = outcomes.stream().mapToInt(CrashHarness.Outcome::duplicates).sum();
        int lost = outcomes.stream().mapToInt(CrashHarness.Outcome::lost).sum();
        long failed = outcomes.stream().filter(o -> !o.ok()).count();
        String summary = String.format("%nruns %d, items %d, kill -9s %d, launches %d, duplicates %d, lost %d, "
                        + "runs with a problem %d, orphan drafts %d, %.0f s%n", runs,
                outcomes.stream().mapToInt(CrashHarness.Outcome::items).sum(),
                outcomes.stream().mapToInt(CrashHarness.Outcome::kills).sum(),
                outcomes.stream().mapToInt(CrashHarness.Outcome::launches).sum(), duplicates, lost, failed,
                outcomes.stream().mapToInt(CrashHarness.Outcome::orphanDrafts).sum(),
                (System.nanoTime() - started) / 1e9);
        report.append(summary);
        System.out.println(summary);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "crash-campaign.txt"), report.toString(), StandardCharsets.UTF_8);
        assertThat(duplicates).as(report.toString()).isZero();
        assertThat(lost).as(report.toString()).isZero();
        assertThat(failed).as(report.toString()).isZero();
    }
}

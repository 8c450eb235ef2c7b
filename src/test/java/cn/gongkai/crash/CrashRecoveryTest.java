package cn.gongkai.crash;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.publish.Boundary;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the publisher process at every state boundary, with a restart after each, against the simulator in
 * its own process: the simulator's record shows every approved item published exactly once. The randomised
 * campaign of 100 runs is {@link CrashCampaign} ({@code mvn -o test -Dtest=CrashCampaign}).
 */
class CrashRecoveryTest {
    private static CrashHarness harness;

    /** Logs of every launch stay in target/crash-recovery for a look after a failure. */
    @BeforeAll
    static void startSimulator() throws Exception {
        harness = new CrashHarness(CrashHarness.freshDirectory(Path.of("target", "crash-recovery")));
    }

    @AfterAll
    static void stopSimulator() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void killedOnceAtEveryStateBoundaryEveryItemIsPublishedExactlyOnce() throws Exception {
        List<CrashHarness.Crash> everyBoundary = List.of(
                new CrashHarness.Crash(Boundary.CLAIMED, 1),
                new CrashHarness.Crash(Boundary.IMAGE_UPLOADED, 3),
                new CrashHarness.Crash(Boundary.IMAGES_COMMITTED, 1),
                new CrashHarness.Crash(Boundary.DRAFT_ANSWERED, 1),
                new CrashHarness.Crash(Boundary.DRAFT_COMMITTED, 1),
                new CrashHarness.Crash(Boundary.SUBMITTING_COMMITTED, 1),
                new CrashHarness.Crash(Boundary.SUBMIT_ANSWERED, 1),
                new CrashHarness.Crash(Boundary.SUBMITTED_COMMITTED, 1),
                new CrashHarness.Crash(Boundary.STATUS_ANSWERED, 1),
                new CrashHarness.Crash(Boundary.FINISHED_COMMITTED, 1));

        CrashHarness.Outcome o = harness.run(new CrashHarness.Plan("every", 10, "freepublish", everyBoundary, "[]"),
                1L);

        assertThat(o.problem()).isEmpty();
        assertThat(o.kills()).isEqualTo(10);
        assertThat(o.crashPoints()).noneMatch(p -> p.startsWith("(not reached"));
        assertThat(o.duplicates()).as(CrashHarness.describe(o)).isZero();
        assertThat(o.lost()).as(CrashHarness.describe(o)).isZero();
        assertThat(o.ledgerRows()).isEqualTo(10);
    }

    @Test
    void killedThreeTimesWhileWeChatMisbehavesEveryItemIsPublishedExactlyOnce() throws Exception {
        String faults = "[{\"endpoint\":\"media/uploadimg\",\"when\":\"random\",\"probability\":0.15,"
                + "\"seed\":3,\"action\":\"errcode\",\"errcode\":-1},"
                + "{\"endpoint\":\"material/add_material\",\"when\":\"random\",\"probability\":0.15,"
                + "\"seed\":4,\"action\":\"errcode\",\"errcode\":-1},"
                + "{\"endpoint\":\"draft/add\",\"when\":\"nth\",\"n\":1,\"action\":\"http\",\"httpStatus\":502},"
                + "{\"endpoint\":\"freepublish/submit\",\"when\":\"nth\",\"n\":2,\"action\":\"drop\"},"
                + "{\"endpoint\":\"freepublish/get\",\"when\":\"random\",\"probability\":0.2,"
                + "\"seed\":5,\"action\":\"errcode\",\"errcode\":-1}]";

        CrashHarness.Outcome o = harness.run(new CrashHarness.Plan("faults", 12, "freepublish",
                List.of(new CrashHarness.Crash(Boundary.SUBMIT_ANSWERED, 1),
                        new CrashHarness.Crash(Boundary.DRAFT_ANSWERED, 1),
                        new CrashHarness.Crash(Boundary.STATUS_ANSWERED, 1)), faults), 7L);

        assertThat(o.problem()).as(CrashHarness.describe(o)).isEmpty();
        assertThat(o.crashPoints()).as(CrashHarness.describe(o)).hasSize(3)
                .noneMatch(p -> p.startsWith("(not reached"));
        assertThat(o.duplicates()).as(CrashHarness.describe(o)).isZero();
        assertThat(o.lost()).as(CrashHarness.describe(o)).isZero();
    }
}

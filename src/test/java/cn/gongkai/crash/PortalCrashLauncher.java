package cn.gongkai.crash;

import cn.gongkai.Wiring;
import cn.gongkai.config.ConfigLoader;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.portal.DeliveryBoundary;
import cn.gongkai.portal.DeliveryReport;
import cn.gongkai.testsupport.FolderTestSender;
import cn.gongkai.testsupport.PortalTestPackages;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@code gongkai portal run} process for the portal crash test, and the only way to stop one at a delivery
 * boundary: it exists in the test sources only. Arguments: {@code CONFIG OUTDIR [BOUNDARY N]}. It runs the portals
 * once, exactly as {@code gongkai portal run} does, with the folder receiver writing into OUTDIR; when the N-th
 * {@link DeliveryBoundary} of that kind is reached it prints {@code CRASH-POINT} and waits to be killed with
 * {@code kill -9}.
 */
public final class PortalCrashLauncher {
    static final String CRASH_POINT = "CRASH-POINT";
    static final String RUN_DONE = "RUN-DONE";

    private PortalCrashLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        GongkaiConfig config = new ConfigLoader(System.getenv()).load(Path.of(args[0]));
        Path outDir = Path.of(args[1]);
        DeliveryBoundary target = args.length > 3 ? DeliveryBoundary.valueOf(args[2]) : null;
        int nth = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        AtomicInteger seen = new AtomicInteger();
        DeliveryBoundary.Listener stopThere = (boundary, itemId, portalId) -> {
            if (boundary == target && seen.incrementAndGet() == nth) {
                out.println(CRASH_POINT + " " + boundary + " item " + itemId);
                CrashLauncher.waitForKill();
            }
        };
        try (Wiring w = new Wiring(config, Clock.systemUTC(), Wiring.servicePolling())) {
            w.withPortalParts(portal -> new FolderTestSender(outDir, stopThere), new PortalTestPackages(), stopThere);
            CrashLauncher.waitUntilNotBefore();
            DeliveryReport r = w.portalRunner().run();
            out.println(RUN_DONE + " " + r);
        }
        System.exit(0);
    }
}

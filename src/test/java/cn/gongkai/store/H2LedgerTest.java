package cn.gongkai.store;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The ledger contract on an H2 file database, as the embedded default runs it. */
class H2LedgerTest extends LedgerContractTest {

    private final AtomicInteger counter = new AtomicInteger();

    @TempDir
    Path dir;

    @Override
    String freshUrl() {
        return "jdbc:h2:file:" + dir.resolve("ledger-" + counter.incrementAndGet()).toAbsolutePath();
    }
}

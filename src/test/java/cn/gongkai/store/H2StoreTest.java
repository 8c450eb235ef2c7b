package cn.gongkai.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an H2 file database in a temporary directory, as the embedded default runs it. */
class H2StoreTest extends StoreContractTest {

    private static final String PASSWORD = "h2-secret-pw";
    private final AtomicInteger counter = new AtomicInteger();

    @TempDir
    Path dir;

    @Override
    Database openFreshDatabase() {
        return Database.open(url("gongkai-" + counter.incrementAndGet()), "gongkai", PASSWORD);
    }

    @Override
    String password() {
        return PASSWORD;
    }

    @Override
    String expectedProductName() {
        return "H2";
    }

    private String url(String name) {
        return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath();
    }

    @Test
    void theFileDatabaseKeepsItsDataWhenReopened() {
        String url = url("reopened");
        long id;
        try (Database first = Database.open(url, "gongkai", PASSWORD)) {
            id = first.items().insert(content("hongqi", "重开", null), ItemStatus.APPROVED, "file-1", T0).id();
        }
        assertThat(Files.exists(dir.resolve("reopened.mv.db"))).isTrue();

        try (Database second = Database.open(url, "gongkai", PASSWORD)) {
            assertThat(second.items().find(id)).hasValueSatisfying(i -> assertThat(i.title()).isEqualTo("重开"));
            assertThat(second.items().findBySourceKey("file-1")).contains(id);
        }
    }
}

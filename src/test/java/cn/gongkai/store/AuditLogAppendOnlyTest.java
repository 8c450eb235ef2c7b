package cn.gongkai.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.review.AuditLog;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The audit trail is append-only by construction: nothing in the store can change or remove its rows. */
class AuditLogAppendOnlyTest {

    private static final Path STORE_SOURCES = Path.of("src/main/java/cn/gongkai/store");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern CHANGES_AUDIT_ROWS = Pattern.compile(
            "(?is)(update\\s+audit_log\\b|delete\\s+from\\s+audit_log\\b|truncate\\s+(table\\s+)?audit_log\\b)");

    @Test
    void theAuditRepositoryOffersOnlyAppendAndReads() {
        // histories and readingAhead read many items' histories in one query for a listing page; neither writes
        List<String> methods = Arrays.stream(JdbiAuditLog.class.getDeclaredMethods())
                .filter(m -> !m.isSynthetic() && !Modifier.isPrivate(m.getModifiers()))
                .map(Method::getName).sorted().toList();

        assertThat(methods).containsExactly("append", "histories", "history", "readingAhead");
        assertThat(Arrays.stream(AuditLog.class.getMethods()).map(Method::getName).sorted())
                .containsExactly("append", "history", "readingAhead");
    }

    @Test
    void noStoreCodeOrMigrationUpdatesDeletesOrTruncatesAuditRows() throws IOException {
        assertThat(STORE_SOURCES).isDirectory();
        try (Stream<Path> files = Stream.concat(Files.walk(STORE_SOURCES), Files.walk(MIGRATIONS))) {
            List<Path> offenders = files.filter(Files::isRegularFile)
                    .filter(f -> CHANGES_AUDIT_ROWS.matcher(read(f)).find())
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}

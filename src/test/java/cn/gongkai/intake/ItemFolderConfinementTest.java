package cn.gongkai.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An item may reference only files inside its own folder (or its own upload): {@code ..}, absolute paths and
 * symbolic links pointing out are refused with the same words as a missing file, so nobody learns whether a file
 * outside exists, and nothing outside is read.
 */
class ItemFolderConfinementTest {
    private static final String HEAD = ItemImporterTest.HEAD;
    private static final String BODY = ItemImporterTest.BODY;

    @TempDir
    Path root;

    private Path items;
    private Path outside;
    private IntakeStore store;

    @BeforeEach
    void setUp() throws IOException {
        store = new IntakeStore();
        items = Files.createDirectories(root.resolve("items"));
        outside = Files.createDirectories(root.resolve("outside"));
        Images.writeTo(outside.resolve("secret.png"), Images.png(64, 48));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private Path item(String name, String frontMatter, String body) throws IOException {
        return Files.writeString(items.resolve(name), "---\n" + frontMatter + "---\n" + body + "\n",
                StandardCharsets.UTF_8);
    }

    /** The single problem of a refused import, with the reference replaced by X so two answers can be compared. */
    private String refusal(Path file, String reference) {
        ImportResult r = store.importFiles(file);
        assertThat(r.newIds()).isEmpty();
        assertThat(r.problems()).hasSize(1);
        assertThat(store.rowCounts()).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        return r.problems().get(0).message().replace(reference, "X");
    }

    @Test
    void anAbsolutePathToAnExistingOutsideImageIsRefusedExactlyLikeAMissingOne() throws IOException {
        String present = outside.resolve("secret.png").toAbsolutePath().toString();
        String absent = outside.resolve("absent.png").toAbsolutePath().toString();

        String forPresent = refusal(item("a.md", HEAD, BODY + "\n\n![x](" + present + ")"), present);
        String forAbsent = refusal(item("b.md", HEAD, BODY + "\n\n![x](" + absent + ")"), absent);

        assertThat(forPresent).contains("图片“X”不存在或不在稿件所在文件夹内").isEqualTo(forAbsent);
    }

    @Test
    void aSystemFileByAbsolutePathIsRefusedLikeAMissingFile() throws IOException {
        String passwd = refusal(item("a.md", HEAD, BODY + "\n\n![x](/etc/passwd)"), "/etc/passwd");
        String nothing = refusal(item("b.md", HEAD, BODY + "\n\n![x](/etc/no-such-file-here)"),
                "/etc/no-such-file-here");

        assertThat(passwd).isEqualTo(nothing).doesNotContain("识别").doesNotContain("损坏");
    }

    @Test
    void aDotDotPathIsRefusedWhetherOrNotTheFileExists() throws IOException {
        String present = refusal(item("a.md", HEAD, BODY + "\n\n![x](../outside/secret.png)"),
                "../outside/secret.png");
        String absent = refusal(item("b.md", HEAD, BODY + "\n\n![x](../outside/absent.png)"),
                "../outside/absent.png");
        String hidden = refusal(item("c.md", HEAD, BODY + "\n\n![x](sub/../../outside/secret.png)"),
                "sub/../../outside/secret.png");

        assertThat(present).contains("不存在或不在稿件所在文件夹内").isEqualTo(absent).isEqualTo(hidden);
    }

    @Test
    void aCoverOutsideTheFolderIsRefused() throws IOException {
        String cover = refusal(item("a.md", HEAD + "cover: ../outside/secret.png\n", BODY), "../outside/secret.png");

        assertThat(cover).contains("图片“X”不存在或不在稿件所在文件夹内");
    }

    @Test
    void aSymlinkPointingOutOfTheFolderIsRefusedLikeADanglingOne() throws IOException {
        Files.createSymbolicLink(items.resolve("link.png"), outside.resolve("secret.png"));
        Files.createSymbolicLink(items.resolve("dangling.png"), outside.resolve("absent.png"));
        Files.createSymbolicLink(items.resolve("sub"), outside);

        String toFile = refusal(item("a.md", HEAD, BODY + "\n\n![x](link.png)"), "link.png");
        String dangling = refusal(item("b.md", HEAD, BODY + "\n\n![x](dangling.png)"), "dangling.png");
        String throughFolder = refusal(item("c.md", HEAD, BODY + "\n\n![x](sub/secret.png)"), "sub/secret.png");

        assertThat(toFile).contains("不存在或不在稿件所在文件夹内").isEqualTo(dangling).isEqualTo(throughFolder);
    }

    @Test
    void aSymlinkInsideTheFolderPointingInsideIsAllowed() throws IOException {
        Images.writeTo(items.resolve("photos/2023/photo.png"), Images.png(64, 48));
        Files.createSymbolicLink(items.resolve("photo.png"), items.resolve("photos/2023/photo.png"));
        Path file = item("a.md", HEAD, BODY + "\n\n![现场](photo.png)\n\n![图表](photos/2023/photo.png)");

        ImportResult r = store.importFiles(file);

        assertThat(r.problems()).isEmpty();
        assertThat(r.newIds()).hasSize(1);
    }

    @Test
    void anUploadedItemCannotReachAnUploadedImageByADotDotName() {
        Map<String, JsonNode> fields = Map.of("title", TextNode.valueOf("红旗区商务局召开促消费工作推进会"),
                "category", TextNode.valueOf("促消费"));

        ImportResult r = store.importer.create(fields, BODY + "\n\n![x](../../photo.png)",
                Map.of("photo.png", Images.png(64, 48)), "drafter", "接口", false);

        assertThat(r.newIds()).isEmpty();
        assertThat(r.problems()).singleElement().extracting(ImportProblem::message).asString()
                .contains("图片“../../photo.png”不存在或不在稿件所在文件夹内");
    }
}

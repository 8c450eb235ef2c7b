package cn.gongkai.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.testsupport.DeclaredImages;
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

/** Intake reads an image's size from its header and refuses one above 50 megapixels before decoding it. */
class ImagePixelBudgetTest {
    private static final String HEAD = "title: 红旗区商务局召开促消费工作推进会\ncategory: 促消费\nauthor: 红旗区商务局\n";
    private static final String BODY = "红旗区商务局召开促消费工作推进会，部署以旧换新工作。";

    @TempDir
    Path dir;

    private IntakeStore store;

    @BeforeEach
    void openStore() {
        store = new IntakeStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private ImportProblem onlyProblem(String image, byte[] bytes) throws IOException {
        Images.writeTo(dir.resolve(image), bytes);
        Path file = Files.writeString(dir.resolve("item.md"), "---\n" + HEAD + "---\n" + BODY + "\n\n![现场](" + image
                + ")\n", StandardCharsets.UTF_8);
        ImportResult r = store.importFiles(file);
        assertThat(r.newIds()).isEmpty();
        assertThat(r.problems()).hasSize(1);
        return r.problems().get(0);
    }

    @Test
    void refusesAPngDeclaring16000By16000NamingItsSizeWithoutDecodingIt() throws IOException {
        ImportProblem p = onlyProblem("poster.png", DeclaredImages.png(16000, 16000));

        assertThat(p.field()).isEqualTo("图片");
        assertThat(p.line()).isEqualTo(8);
        assertThat(p.message()).contains("图片“poster.png”为 16000×16000 像素").contains("超过 5000 万像素的上限")
                .doesNotContain("损坏");
    }

    @Test
    void aPngDeclaring49MegapixelsPassesTheBudgetAndIsJudgedByItsData() throws IOException {
        ImportProblem p = onlyProblem("photo.png", DeclaredImages.png(7000, 7000));

        assertThat(p.message()).contains("图片“photo.png”已损坏或不完整").doesNotContain("像素的上限");
    }

    @Test
    void theRestApiAndTheConsolePreviewRefuseItToo() {
        Map<String, JsonNode> fields = Map.of("title", TextNode.valueOf("红旗区商务局召开促消费工作推进会"),
                "category", TextNode.valueOf("促消费"));
        Map<String, byte[]> images = Map.of("poster.png", DeclaredImages.png(16000, 16000));

        ImportResult created = store.importer.create(fields, BODY + "\n\n![x](poster.png)", images, "drafter", "接口",
                false);
        ImportPreview preview = store.importer.preview(0, fields, BODY + "\n\n![x](poster.png)", images);

        assertThat(created.problems()).singleElement().extracting(ImportProblem::message).asString()
                .contains("超过 5000 万像素的上限");
        assertThat(preview.problems()).singleElement().extracting(ImportProblem::message).asString()
                .contains("超过 5000 万像素的上限");
    }
}

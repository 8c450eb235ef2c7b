package cn.gongkai.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.gongkai.intake.ItemFiles;
import cn.gongkai.item.ItemImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Representative item files in {@code src/test/resources/render/golden/}, imported with the real parser and rendered
 * with the shipped templates, against golden files: {@code NAME.html} is the exact article HTML WeChat gets,
 * {@code NAME.txt} the digest, cover crops and warnings, or the error for an article WeChat would refuse. Image
 * addresses name the format and size each image has after preparation, so the golden files also pin the image
 * conversions. After a deliberate change, run with {@code -Dgolden.update=true} and review the diff.
 */
class ArticleGoldenFilesTest {
    private static final Path DIR = Path.of("src/test/resources/render/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private static ArticleRenderer renderer;
    private static ItemImage qrCode;

    @BeforeAll
    static void loadTemplates() throws IOException {
        byte[] qr = Files.readAllBytes(DIR.resolve("images/qrcode.png"));
        qrCode = new ImagePreparer().describe("qrcode.png", qr, "", "");
        renderer = ArticleRenderer.load(Path.of("templates"), new RenderSettings(false, Map.of("dongcheng", qrCode)));
    }

    static Stream<String> items() throws IOException {
        return markdownFilesIn(DIR);
    }

    /** The names (without {@code .md}) of the Markdown files in the folder, sorted. */
    static Stream<String> markdownFilesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void eachItemRendersExactlyAsItsGoldenFiles(String name) throws IOException {
        ItemFiles.Parsed item = ItemFiles.read(DIR.resolve(name + ".md"));
        Map<String, byte[]> bytes = new java.util.HashMap<>(item.images());
        bytes.put(qrCode.sha256(), Files.readAllBytes(DIR.resolve("images/qrcode.png")));
        ImagePreparer preparer = new ImagePreparer();

        StringBuilder meta = new StringBuilder();
        String html = null;
        try {
            RenderedArticle a = renderer.render(item.content(), "红旗商务", img -> uploadedUrl(preparer, img,
                    bytes.get(img.sha256())));
            html = a.html() + "\n";
            meta.append("digest: ").append(a.digest()).append('\n');
            ItemImage cover = item.content().effectiveCover();
            ImagePreparer.CoverCrops crops = cover == null ? preparer.defaultCoverCrops()
                    : preparer.coverCrops(cover, bytes.get(cover.sha256()));
            meta.append("pic_crop_235_1: ").append(crops.picCrop2351()).append('\n');
            meta.append("pic_crop_1_1: ").append(crops.picCrop11()).append('\n');
            meta.append("characters: ").append(a.html().length()).append('\n');
            for (String w : a.warnings()) {
                meta.append("warning: ").append(w).append('\n');
            }
        } catch (RenderException e) {
            meta.append("error: ").append(e.getMessage()).append('\n');
        }

        compare(DIR.resolve(name + ".txt"), meta.toString());
        compare(DIR.resolve(name + ".html"), html);
    }

    @Test
    void theGoldenItemsCoverEveryCaseTheIssueNames() throws IOException {
        List<String> names = items().toList();

        assertThat(names).hasSizeGreaterThanOrEqualTo(12);
        for (String needed : List.of("table", "lists", "nested-lists", "many-notes", "note-in-heading", "links",
                "images", "over-size-limit", "gongwen", "footnotes")) {
            assertThat(names).as("a golden item about %s", needed).anyMatch(n -> n.endsWith("-" + needed));
        }
        String over = Files.readString(DIR.resolve(names.stream().filter(n -> n.endsWith("over-size-limit"))
                .findFirst().orElseThrow() + ".txt"), StandardCharsets.UTF_8);
        assertThat(over).startsWith("error: ").contains("超过微信上限 20000 字符（需减少约");
    }

    /** The address the image would have after upload, naming what preparation made of it. */
    private static String uploadedUrl(ImagePreparer preparer, ItemImage image, byte[] bytes) {
        ImagePreparer.Prepared p = preparer.prepare(image, bytes);
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(p.bytes()));
            String format = p.mimeType().substring("image/".length());
            return "https://mmbiz.qpic.cn/golden/" + image.fileName() + "/0?wx_fmt=" + format + "&w=" + img.getWidth()
                    + "&h=" + img.getHeight() + (p.bytes() == bytes ? "&unchanged" : "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compare(Path golden, String actual) throws IOException {
        if (UPDATE) {
            if (actual == null) {
                Files.deleteIfExists(golden);
            } else {
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
            }
            return;
        }
        if (actual == null) {
            assertThat(golden).as("no golden HTML for an article that fails").doesNotExist();
            return;
        }
        if (!Files.exists(golden)) {
            fail("golden file " + golden + " is missing: run the test with -Dgolden.update=true and review it");
        }
        assertThat(actual).as("rendering against %s", golden).isEqualTo(Files.readString(golden,
                StandardCharsets.UTF_8));
    }
}

package cn.gongkai.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.item.ContentHash;
import cn.gongkai.item.ItemImage;
import cn.gongkai.testsupport.DeclaredImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pixel budget checked from the header before decoding, and the bounded decode pool. */
class ImageDecodingTest {

    private static ItemImage declared(String name, byte[] bytes, int w, int h) {
        return new ItemImage(ContentHash.sha256(bytes), name, "image/png", w, h, bytes.length, "", "");
    }

    private static byte[] jpeg(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                img.setRGB(x, y, (x * 7 + y * 13) & 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    @Test
    void aJpegCutOffBeforeItsEndIsRefusedAsIncompleteWhileTheWholeFileDecodes() throws IOException {
        byte[] whole = jpeg(400, 300);
        byte[] cut = Arrays.copyOf(whole, whole.length * 2 / 3);

        assertThat(ImageDecoding.decode("现场.jpg", whole).getWidth()).isEqualTo(400);
        assertThatThrownBy(() -> ImageDecoding.decode("现场.jpg", cut)).isInstanceOf(IOException.class)
                .hasMessageContaining("图片“现场.jpg”的数据不完整");
        assertThatThrownBy(() -> ImageDecoding.decode("现场.jpg", cut, 10_000)).isInstanceOf(IOException.class);
    }

    @Test
    void readsTheDeclaredSizeFromTheHeaderWithoutDecoding() {
        byte[] png = DeclaredImages.png(16000, 16000);

        assertThat(png.length).isLessThan(10_000);
        assertThat(ImageDecoding.headerSize(png)).contains(new ImageDecoding.Size(16000, 16000));
    }

    @Test
    void refusesAPictureDeclaring256MegapixelsBeforeReadingItsGarbagePixels() {
        byte[] png = DeclaredImages.png(16000, 16000);

        assertThatThrownBy(() -> ImageDecoding.decode("海报.png", png))
                .isInstanceOf(ImageDecoding.TooLarge.class)
                .hasMessageContaining("图片“海报.png”为 16000×16000 像素")
                .hasMessageContaining("超过 5000 万像素的上限");
    }

    @Test
    void aPictureDeclaring49MegapixelsPassesTheBudgetAndIsThenFoundCorrupt() {
        byte[] png = DeclaredImages.png(7000, 7000);

        assertThat(ImageDecoding.withinBudget(ImageDecoding.headerSize(png).orElseThrow())).isTrue();
        assertThatThrownBy(() -> ImageDecoding.decode("照片.png", png, 4_000_000))
                .isInstanceOf(IOException.class).isNotInstanceOf(ImageDecoding.TooLarge.class);
    }

    @Test
    void thePreviewAndPublishPreparationRefusesAnOversizedPictureNamingIt() {
        byte[] png = DeclaredImages.png(16000, 16000);
        ImagePreparer preparer = new ImagePreparer();

        assertThatThrownBy(() -> preparer.prepare(declared("海报.png", png, 16000, 16000), png))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("图片“海报.png”为 16000×16000 像素")
                .hasMessageNotContaining("损坏");
        assertThatThrownBy(() -> preparer.describe("二维码.png", png, "", ""))
                .isInstanceOf(RenderException.class).hasMessageContaining("超过 5000 万像素的上限");
    }

    @Test
    void atMostTwoDecodesRunAtOnceAndTheOthersWait() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch twoInside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                try {
                    ImageDecoding.bounded(() -> {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        twoInside.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        inside.decrementAndGet();
                        return null;
                    });
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(t);
            t.start();
        }
        twoInside.await();
        while (!ImageDecoding.someoneWaits()) {
            Thread.onSpinWait();
        }

        assertThat(inside.get()).isEqualTo(2);
        release.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(most.get()).isEqualTo(ImageDecoding.MAX_CONCURRENT).isEqualTo(2);
    }
}

package cn.gongkai.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.ToIntFunction;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The one way the product turns image bytes into pixels. The width and height are read from the file's header first
 * (no pixel is decoded for that), and an image above {@link #MAX_PIXELS} is refused before any memory is set aside for
 * its pixels: a 249 KB PNG may declare 16000×16000 pixels, which is 1 GB decoded. Decoding itself runs at most
 * {@link #MAX_CONCURRENT} at a time across the process (the others wait their turn), so parallel previews and
 * imports cannot exhaust the heap together.
 */
public final class ImageDecoding {
    /** The largest image decoded: 50 megapixels (an 8660×5773 photo; phones take 12–50 MP). */
    public static final long MAX_PIXELS = 50_000_000L;
    /** Decodes running at once; the rest wait. */
    static final int MAX_CONCURRENT = 2;

    private static final Semaphore SLOTS = new Semaphore(MAX_CONCURRENT, true);

    private ImageDecoding() {
    }

    /** Width and height in pixels, as the image's header declares them. */
    public record Size(int width, int height) {
        public long pixels() {
            return (long) width * height;
        }

        @Override
        public String toString() {
            return width + "×" + height;
        }
    }

    /** An image whose header declares more pixels than {@link #MAX_PIXELS}; the message (Chinese) names it. */
    public static final class TooLarge extends RuntimeException {
        private final transient Size size;

        TooLarge(String name, Size size) {
            super(overBudget(name, size));
            this.size = size;
        }

        public Size size() {
            return size;
        }
    }

    /**
     * The size the header of {@code bytes} declares, read without decoding a pixel; empty when no reader knows the
     * format or the header cannot be read.
     */
    public static Optional<Size> headerSize(byte[] bytes) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(in);
            if (reader == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Size(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether an image of this size may be decoded. */
    public static boolean withinBudget(Size size) {
        return size.pixels() <= MAX_PIXELS;
    }

    /** The staff message for an image above the budget: its name, its size and what to do. */
    public static String overBudget(String name, Size size) {
        return "图片“" + name + "”为 " + size + " 像素（约 " + Math.round(size.pixels() / 10_000.0)
                + " 万像素），超过 " + MAX_PIXELS / 10_000 + " 万像素的上限，无法处理。请先缩小（例如长边不超过 6000 像素）后重试";
    }

    /**
     * Decodes the first image in {@code bytes}, after checking the size its header declares; {@code name} names it
     * in the refusal.
     *
     * @return null when the bytes are no image a reader knows, or its header cannot be read
     * @throws TooLarge    when the header declares more than {@link #MAX_PIXELS}; no pixel has been read then
     * @throws IOException when the pixel data is corrupt or truncated (also when the reader would fill in the
     *                     missing end of a cut-off JPEG with grey)
     */
    public static BufferedImage decode(String name, byte[] bytes) throws IOException {
        return decode(name, bytes, Long.MAX_VALUE);
    }

    /**
     * As {@link #decode(String, byte[])}, but reading only every n-th pixel in each direction so that the result has
     * at most {@code maxResultPixels}: enough to know the whole file decodes, with a fraction of the memory.
     */
    public static BufferedImage decode(String name, byte[] bytes, long maxResultPixels) throws IOException {
        Decoded d = decode(name, bytes, size -> {
            int step = 1;
            while (size.pixels() / ((long) step * step) > maxResultPixels) {
                step++;
            }
            return step;
        });
        return d == null ? null : d.image();
    }

    /** Decoded pixels and the subsampling step they were read with (1: every pixel, n: every n-th in each direction). */
    public record Decoded(BufferedImage image, int step) {
    }

    /**
     * Decodes reading every n-th pixel, n the largest step that still leaves the picture at least {@code minWidth}
     * wide once upright (a quarter turn makes the stored height the width): a 48-megapixel photo meant for a
     * 1080-pixel article costs the memory of about 1140×860 pixels, not of 8000×6000. The caller then scales down
     * properly. Refusals as {@link #decode(String, byte[])}.
     */
    public static Decoded decodeAtLeast(String name, byte[] bytes, int minWidth, boolean quarterTurn)
            throws IOException {
        return decode(name, bytes, size -> Math.max(1, (quarterTurn ? size.height() : size.width()) / minWidth));
    }

    private static Decoded decode(String name, byte[] bytes, ToIntFunction<Size> stepFor) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(in);
            if (reader == null) {
                return null;
            }
            try {
                Size size;
                try {
                    size = new Size(reader.getWidth(0), reader.getHeight(0));
                } catch (IOException | RuntimeException e) {
                    return null;
                }
                if (size.width() <= 0 || size.height() <= 0) {
                    return null;
                }
                if (!withinBudget(size)) {
                    throw new TooLarge(name, size);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = stepFor.applyAsInt(size);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = bounded(() -> reader.read(0, param));
                requireComplete(name, warnings);
                return new Decoded(image, step);
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * Refuses an image the reader could only decode by filling in missing data: a JPEG cut off before its end
     * marker decodes "successfully" with grey rows, the reader only warns.
     */
    private static void requireComplete(String name, List<String> warnings) throws IIOException {
        for (String w : warnings) {
            if (w != null && w.toLowerCase(Locale.ROOT).contains("premature end")) {
                throw new IIOException("图片“" + name + "”的数据不完整（文件在结尾之前被截断），请重新导出或重新上传完整的图片");
            }
        }
    }

    /** A piece of decoding work. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws IOException;
    }

    /** Runs {@code work} when one of the {@link #MAX_CONCURRENT} decode slots is free, waiting for one if needed. */
    static <T> T bounded(Work<T> work) throws IOException {
        try {
            SLOTS.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to decode an image");
        }
        try {
            return work.run();
        } finally {
            SLOTS.release();
        }
    }

    /** Whether some thread waits for a decode slot (for tests). */
    static boolean someoneWaits() {
        return SLOTS.hasQueuedThreads();
    }

    private static ImageReader readerFor(ImageInputStream in) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        reader.setInput(in, true, true);
        return reader;
    }
}

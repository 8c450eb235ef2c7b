package cn.gongkai.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Small image files whose header declares a size their data does not have: a PNG with a real IHDR (width, height,
 * 8-bit RGBA) followed by an IDAT chunk of garbage. Any decoder that believes the header sets aside width×height×4
 * bytes before it finds the data is garbage; a header check refuses it first.
 */
public final class DeclaredImages {
    private DeclaredImages() {
    }

    /** A PNG of a few KB that declares {@code width}×{@code height} pixels and holds garbage pixel data. */
    public static byte[] png(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        chunk(out, "IDAT", garbage);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}

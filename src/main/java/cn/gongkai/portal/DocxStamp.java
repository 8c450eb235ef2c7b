package cn.gongkai.portal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Gives every part of a Word file (a zip) the same fixed time instead of the moment it was written, so the same
 * package made again (a resend, a run after a crash) is the same bytes.
 */
final class DocxStamp {
    private DocxStamp() {
    }

    /** The zip with its entries in the same order and content, each dated {@code at} (local time of the package). */
    static byte[] at(byte[] zip, LocalDateTime at) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream stamped = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(at);
                stamped.putNextEntry(copy);
                in.transferTo(stamped);
                stamped.closeEntry();
            }
        }
        return out.toByteArray();
    }
}

package cn.gongkai.intake;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the bytes of a text file as staff's editors write them: a byte order mark decides (UTF-8, UTF-16LE,
 * UTF-16BE); without one the bytes must be strict UTF-8, else strict GB18030 (which covers GBK and GB2312, the
 * default of Windows Notepad and older Office). Strict means every malformed or unmappable byte is an error, so a
 * GBK file that happens to start like UTF-8 is still not misread. A file that is none of these is refused with the
 * line where decoding failed.
 */
public final class TextDecoding {
    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoding() {
    }

    /**
     * Decoded text, without its byte order mark.
     *
     * @param encoding the encoding used, as staff read it (e.g. "GB18030（GBK）")
     * @param plain    whether it was plain UTF-8 without a byte order mark, the encoding nobody needs to be told of
     */
    public record Decoded(String text, String encoding, boolean plain) {
        /** What the import result says about the encoding, e.g. "按 GB18030（GBK）编码读取". */
        public String note() {
            return "按 " + encoding + (encoding.endsWith("）") ? "" : " ") + "编码读取";
        }
    }

    /** The bytes are none of the accepted encodings; {@link #line()} is where decoding failed (1-based). */
    public static final class UndecodableException extends CharacterCodingException {
        private final int line;

        UndecodableException(int line) {
            this.line = line;
        }

        public int line() {
            return line;
        }

        /** The refusal in Chinese, with the line and the fix; the caller adds the file's name. */
        @Override
        public String getMessage() {
            return "第 " + line + " 行的内容既不是 UTF-8 也不是 GB18030（GBK）编码，无法读取"
                    + "（文件可能已损坏，或是别的格式改了扩展名）。请用记事本打开该文件，点 文件 → 另存为，"
                    + "“编码”选 UTF-8 后保存，再重新导入";
        }
    }

    public static Decoded decode(byte[] raw) throws UndecodableException {
        if (startsWith(raw, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(strict(raw, 3, StandardCharsets.UTF_8), "UTF-8（带 BOM）", false);
        }
        if (startsWith(raw, 0xFF, 0xFE)) {
            return new Decoded(strict(raw, 2, StandardCharsets.UTF_16LE), "UTF-16LE（带 BOM）", false);
        }
        if (startsWith(raw, 0xFE, 0xFF)) {
            return new Decoded(strict(raw, 2, StandardCharsets.UTF_16BE), "UTF-16BE（带 BOM）", false);
        }
        int utf8Failure;
        try {
            return new Decoded(strict(raw, 0, StandardCharsets.UTF_8), "UTF-8", true);
        } catch (UndecodableException e) {
            utf8Failure = e.line;
        }
        try {
            return new Decoded(strict(raw, 0, GB18030), "GB18030（GBK）", false);
        } catch (UndecodableException e) {
            // the encoding that read further is more likely the one the file was meant to be in
            throw new UndecodableException(Math.max(utf8Failure, e.line));
        }
    }

    private static boolean startsWith(byte[] raw, int... prefix) {
        if (raw.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((raw[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Decodes from {@code offset}; on the first bad byte, throws with the line it is on. */
    private static String strict(byte[] raw, int offset, Charset charset) throws UndecodableException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(raw, offset, raw.length - offset);
        CharBuffer out = CharBuffer.allocate((int) (raw.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            throw new UndecodableException(lineAt(out.flip()));
        }
        String text = out.flip().toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            // no text file holds NUL characters: this is UTF-16 without its byte order mark, or not text at all
            throw new UndecodableException(lineAt(text.substring(0, nul)));
        }
        return text;
    }

    /** The 1-based line the decoded text {@code before} ends on. */
    private static int lineAt(CharSequence before) {
        int line = 1;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}

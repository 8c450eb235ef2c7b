package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.review.Role;
import cn.gongkai.testsupport.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies are refused at the door: a declared length above the route's limit before one byte is read, a chunked body
 * the moment it passes the limit. Over raw sockets, so that the test sees how much of its body the server took
 * before answering (the server cannot have read more than the client wrote).
 */
class RequestLimitsTest {
    private static final int MB = 1024 * 1024;
    /** Bytes the socket buffers of both ends may hold beyond what the server has read. */
    private static final long BUFFERS = 8L * MB;
    /** The API's limit for an item with its images. */
    private static final long ITEM_LIMIT = 40L * MB;

    @TempDir
    static Path dir;

    private static ConsoleFixture app;
    private static String token;

    @BeforeAll
    static void start() {
        app = new ConsoleFixture(dir, new MutableClock(Instant.parse("2026-03-02T02:00:00Z")));
        app.user("李主任", Role.OFFICE_DIRECTOR);
        token = app.wiring.users().createToken("李主任");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** An answer, and how many body bytes the client had written when it began to arrive. */
    record Answer(int status, String head, String body, long written) {
    }

    private static String head(String method, String path, String contentType, String length) {
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: " + contentType + "\r\n" + length + "\r\n";
    }

    /** Declares {@code declared} bytes and sends only {@code sent}; the answer must come without the rest. */
    private static Answer declared(String path, String contentType, long declared, byte[] sent) throws IOException {
        try (Socket s = new Socket("127.0.0.1", app.web.port())) {
            s.setSoTimeout(60_000); // guards against a hang; the server answers long before
            OutputStream out = s.getOutputStream();
            out.write(head("POST", path, contentType, "Content-Length: " + declared + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(sent);
            out.flush();
            return read(s.getInputStream(), sent.length);
        }
    }

    /** Streams up to {@code total} bytes chunked, stopping as soon as the server answers or closes. */
    private static Answer chunked(String path, String contentType, byte[] prefix, long total) throws IOException {
        try (Socket s = new Socket("127.0.0.1", app.web.port())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(head("POST", path, contentType, "Transfer-Encoding: chunked\r\n").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            long written = 0;
            try {
                writeChunk(out, prefix);
                written += prefix.length;
                while (written < total && in.available() == 0) {
                    writeChunk(out, chunk);
                    written += chunk.length;
                }
                if (written >= total) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException closedByServer) {
                // the server answered and closed the connection while we were still sending
            }
            return read(in, written);
        }
    }

    private static void writeChunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static Answer read(InputStream in, long written) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        try {
            while ((n = in.read(buf)) > 0) {
                all.write(buf, 0, n);
                String text = all.toString(StandardCharsets.UTF_8);
                int end = text.indexOf("\r\n\r\n");
                if (end > 0) {
                    var m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
                    if (m.find() && all.size() >= end + 4 + Integer.parseInt(m.group(1))) {
                        break;
                    }
                }
            }
        } catch (java.net.SocketException reset) {
            // a reset after the answer arrived: the server closed the connection on the unread body
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        assertThat(end).as("an HTTP answer: " + text).isPositive();
        int status = Integer.parseInt(text.substring(9, 12));
        return new Answer(status, text.substring(0, end), text.substring(end + 4), written);
    }

    private static byte[] multipartStart(String field, String fileName) {
        return ("--b\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aDeclared500MbItemUploadIsRefusedBeforeItsBodyIsRead() throws Exception {
        Answer a = declared("/api/items", "multipart/form-data; boundary=b", 500L * MB, multipartStart("item", "a.md"));

        assertThat(a.status()).isEqualTo(413);
        assertThat(a.head()).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(a.body()).contains("\"status\":413", "超过 40 MB 的上限", "500 MB");
    }

    @Test
    void aDeclared200MbImageIsRefusedAtTheDoorWithTheEditorsChineseMessage() throws Exception {
        Answer a = declared("/uploads", "multipart/form-data; boundary=b", 200L * MB, multipartStart("file", "a.png"));

        assertThat(a.status()).isEqualTo(413);
        assertThat(a.body()).contains("\"error\"", "超过 10 MB 的上限");
    }

    @Test
    void aDeclaredOversizedLedgerFileIsRefusedWithAChinesePage() throws Exception {
        Answer a = declared("/stats/ledger/import", "multipart/form-data; boundary=b", 6L * MB,
                multipartStart("file", "台账.csv"));

        assertThat(a.status()).isEqualTo(413);
        assertThat(a.head()).containsIgnoringCase("Content-Type: text/html");
        assertThat(a.body()).contains("请求过大", "超过 5 MB 的上限", "有 6 MB");
    }

    @Test
    void aLargeFormToAnyOtherRouteIsRefusedToo() throws Exception {
        Answer a = declared("/preview", "application/x-www-form-urlencoded", 100L * MB, "body=x".getBytes());

        assertThat(a.status()).isEqualTo(413);
    }

    @Test
    void aChunkedItemUploadIsCutOffAtTheLimitNotReadWhole() throws Exception {
        long total = 400L * MB;
        Answer a = chunked("/api/items", "multipart/form-data; boundary=b", multipartStart("item", "a.md"), total);

        assertThat(a.status()).as(a.head() + a.body()).isEqualTo(413);
        assertThat(a.body()).contains("\"status\":413");
        assertThat(a.written()).as("bytes the client sent before the answer").isLessThan(ITEM_LIMIT
                + BUFFERS);
    }

    @Test
    void aChunkedImageIsCutOffAtTheImageLimit() throws Exception {
        Answer a = chunked("/uploads", "multipart/form-data; boundary=b", multipartStart("file", "a.png"), 200L * MB);

        assertThat(a.status()).as(a.head() + a.body()).isEqualTo(413);
        assertThat(a.body()).contains("\"error\"");
        assertThat(a.written()).isLessThan(11L * MB + BUFFERS);
    }

    @Test
    void aChunkedJsonBodyIsCutOffToo() throws Exception {
        Answer a = chunked("/api/items", "application/json", "{\"body\": \"".getBytes(StandardCharsets.UTF_8),
                200L * MB);

        assertThat(a.status()).as(a.head() + a.body()).isEqualTo(413);
        assertThat(a.written()).isLessThan(ITEM_LIMIT + BUFFERS);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsStillAccepted() throws Exception {
        byte[] json = "{\"title\": \"分块上传的稿件\", \"category\": \"促消费\", \"body\": \"正文。\"}"
                .getBytes(StandardCharsets.UTF_8);
        Answer a = chunked("/api/items", "application/json", json, json.length);

        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(Map.of("body", a.body())).extractingByKey("body").asString().contains("分块上传的稿件");
    }
}

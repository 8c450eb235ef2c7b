package cn.gongkai.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * A well-formed {@code multipart/form-data} body made by OkHttp's {@link MultipartBody} (the encoder WxJava uses),
 * ready for the JDK's HTTP client: {@code Multipart.form().file("item", "a.md", bytes).build()}. Tests that must send
 * malformed multipart write their raw bytes themselves.
 */
public record Multipart(String contentType, byte[] bytes) {
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

    /** A new form. */
    public static Builder form() {
        return new Builder();
    }

    /** The body for {@link HttpRequest.Builder#POST}. */
    public HttpRequest.BodyPublisher publisher() {
        return HttpRequest.BodyPublishers.ofByteArray(bytes);
    }

    /** The parts of a form, in order. */
    public static final class Builder {
        private final MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);

        private Builder() {
        }

        /** A text field. */
        public Builder field(String name, String value) {
            body.addFormDataPart(name, value);
            return this;
        }

        /** A file field sent as {@code application/octet-stream}. */
        public Builder file(String name, String fileName, byte[] data) {
            body.addFormDataPart(name, fileName, RequestBody.create(data, OCTET_STREAM));
            return this;
        }

        /** The encoded body and its content type (with the boundary). */
        public Multipart build() {
            MultipartBody built = body.build();
            Buffer buffer = new Buffer();
            try {
                built.writeTo(buffer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Multipart(built.contentType().toString(), buffer.readByteArray());
        }
    }
}

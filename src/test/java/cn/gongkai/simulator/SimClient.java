package cn.gongkai.simulator;

import cn.gongkai.testsupport.Multipart;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain JDK HTTP client speaking to the simulator the way any WeChat client would. */
final class SimClient {
    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status, content type and body. */
    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        int errcode() {
            return json().path("errcode").asInt(0);
        }
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    SimClient(String base) {
        this.base = base;
    }

    Answer get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET());
    }

    Answer post(String pathAndQuery, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Answer post(String pathAndQuery, Object jsonValue) {
        try {
            return post(pathAndQuery, JSON.writeValueAsString(jsonValue));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /** Multipart upload of field {@code media} as application/octet-stream, like WxJava's OkHttp implementation. */
    Answer upload(String pathAndQuery, String fileName, byte[] data) {
        Multipart body = Multipart.form().file("media", fileName, data).field("description", "{}").build();
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .header("Content-Type", body.contentType())
                .POST(body.publisher()));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package cn.gongkai.web;

import static cn.gongkai.web.ItemApi.VALIDATION;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON create or update request of the REST API: front matter fields (as the importer reads them), the Markdown
 * body, base64 images and whether to queue it. Read leniently field by field so that every wrong field is named.
 */
record ItemRequest(Map<String, JsonNode> fields, String body, Map<String, byte[]> images, boolean submit) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The request's JSON body, or an {@link ItemApi.ApiException} naming every field that is wrong. */
    static ItemRequest read(Context ctx) {
        return of(root(ctx));
    }

    private static JsonNode root(Context ctx) {
        JsonNode root;
        try {
            root = JSON.readTree(ctx.bodyAsBytes());
        } catch (Door.BodyTooLarge e) {
            throw new java.io.UncheckedIOException(e);
        } catch (IOException e) {
            String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new ItemApi.ApiException(new Problem(400, VALIDATION, "请求不是有效的 JSON", msg)
                    .error("(body)", 0, msg));
        }
        if (root == null || !root.isObject()) {
            throw new ItemApi.ApiException(new Problem(400, VALIDATION, "请求应为 JSON 对象",
                    "例如 {\"title\": …, \"body\": …}").error("(body)", 0, "应为 JSON 对象"));
        }
        return root;
    }

    /** The request in a JSON object; every field that is wrong is named in the problem thrown. */
    private static ItemRequest of(JsonNode root) {
        Problem problem = new Problem(422, VALIDATION, "稿件有问题，未保存", "见 errors");
        boolean bad = false;
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        String body = null;
        Map<String, byte[]> images = new LinkedHashMap<>();
        boolean submit = false;
        for (var it = root.fields(); it.hasNext(); ) {
            var e = it.next();
            switch (e.getKey()) {
                case "body" -> {
                    if (!e.getValue().isTextual()) {
                        problem.error("body", 0, "正文应为 Markdown 文字");
                        bad = true;
                    } else {
                        body = e.getValue().asText();
                    }
                }
                case "submit" -> submit = e.getValue().asBoolean(false);
                case "images" -> bad |= images(e.getValue(), images, problem);
                default -> fields.put(e.getKey(), e.getValue());
            }
        }
        if (body == null && !bad) {
            problem.error("body", 0, "缺少正文 body（Markdown）");
            bad = true;
        }
        if (bad) {
            throw new ItemApi.ApiException(problem);
        }
        return new ItemRequest(fields, body, images, submit);
    }

    private static boolean images(JsonNode node, Map<String, byte[]> out, Problem problem) {
        if (!node.isArray()) {
            problem.error("images", 0, "应为列表：[{\"name\": \"photo.jpg\", \"data\": \"base64…\"}]");
            return true;
        }
        boolean bad = false;
        for (int i = 0; i < node.size(); i++) {
            JsonNode img = node.get(i);
            String name = img.path("name").asText("").strip();
            String data = img.path("data").asText("");
            if (name.isEmpty()) {
                problem.error("images[" + i + "].name", 0, "缺少图片文件名（正文中用 ![说明](文件名) 引用）");
                bad = true;
                continue;
            }
            try {
                out.put(name, Base64.getMimeDecoder().decode(data));
            } catch (IllegalArgumentException e) {
                problem.error("images[" + i + "].data", 0, "图片“" + name + "”不是有效的 base64：" + e.getMessage());
                bad = true;
            }
        }
        return bad;
    }
}

package cn.gongkai.web;

import static cn.gongkai.web.ItemApi.VALIDATION;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON create or update request of the REST API: the front matter fields (as an item file's head has them; the
 * importer checks their values), the Markdown body, the images by file name and whether to queue the item. The JSON is
 * bound by Jackson into {@link Json}: a field the request may not have, or a value of the wrong JSON type, is refused
 * 400 naming the field ({@link RequestJson}); a missing body or an image that is not base64 is refused 422.
 */
record ItemRequest(Map<String, JsonNode> fields, String body, Map<String, byte[]> images, boolean submit) {
    private static final ObjectReader READER = RequestJson.reader(Json.class);
    private static final ObjectMapper TREES = new ObjectMapper();

    /**
     * The request as JSON. The text fields take numbers and booleans as written (a file's head does, e.g.
     * {@code doc_no: 2026}; {@code important} also takes 是 and 否); {@code body} must be text, the booleans true or
     * false.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Json(String title, String category, String author, String department, String cover, String publishAt,
                String docNo, String sourceUrl, Map<String, String> notes, List<String> glossary, String account,
                String important, String digest, Boolean headingNumbers, String signature, String signedAt,
                @JsonDeserialize(using = StrictText.class) String body, List<Image> images, Boolean submit) {
    }

    /** An image of the request: its file name as the body cites it, and its bytes in base64. */
    record Image(String name, String data) {
    }

    /** The request's JSON body, or an {@link ItemApi.ApiException} naming what is wrong. */
    static ItemRequest read(Context ctx) {
        Json json = RequestJson.read(READER, ctx, "例如 {\"title\": …, \"category\": …, \"body\": …}");
        Problem problem = new Problem(422, VALIDATION, "稿件有问题，未保存", "见 errors");
        List<Image> given = json.images() == null ? List.of() : json.images();
        Map<String, byte[]> images = decode(given, problem);
        if (json.body() == null && images.size() == given.size()) {
            problem.error("body", 0, "缺少正文 body（Markdown）");
        }
        if (json.body() == null || images.size() < given.size()) {
            throw new ItemApi.ApiException(problem);
        }
        return new ItemRequest(fields(json), json.body(), images, Boolean.TRUE.equals(json.submit()));
    }

    /** The front matter fields the request gives, by their names in an item file's head, for the importer. */
    private static Map<String, JsonNode> fields(Json json) {
        ObjectNode all = TREES.valueToTree(json);
        all.remove(List.of("body", "images", "submit"));
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        all.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
        return fields;
    }

    /** The images that decode, by file name; each that does not is named in {@code problem}. */
    private static Map<String, byte[]> decode(List<Image> given, Problem problem) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            String name = given.get(i).name() == null ? "" : given.get(i).name().strip();
            String data = given.get(i).data() == null ? "" : given.get(i).data();
            if (name.isEmpty()) {
                problem.error("images[" + i + "].name", 0, "缺少图片文件名（正文中用 ![说明](文件名) 引用）");
                continue;
            }
            try {
                out.put(name, Base64.getMimeDecoder().decode(data));
            } catch (IllegalArgumentException e) {
                problem.error("images[" + i + "].data", 0, "图片“" + name + "”不是有效的 base64：" + e.getMessage());
            }
        }
        return out;
    }

    /** JSON text only: a number, boolean, list or object where Markdown is expected is a wrong type. */
    static final class StrictText extends StdDeserializer<String> {
        StrictText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return p.hasToken(JsonToken.VALUE_STRING) ? p.getText() : (String) ctxt.handleUnexpectedToken(String.class, p);
        }
    }
}

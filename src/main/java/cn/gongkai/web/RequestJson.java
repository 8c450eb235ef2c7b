package cn.gongkai.web;

import static cn.gongkai.web.ItemApi.VALIDATION;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Binds the JSON body of a REST request into a record by Jackson. What the record does not have is refused, every such
 * field named with the fields allowed there; a value of the wrong JSON type is refused naming the field and the type
 * expected (both 400, {@code application/problem+json}). Booleans are only true or false.
 */
final class RequestJson {
    private static final String UNKNOWN = "gongkai.unknownFields";
    private static final JsonMapper MAPPER = mapper();

    private RequestJson() {
    }

    /** A field the request may not have, where it was, and the fields allowed in its place. */
    private record Unknown(String field, Collection<Object> allowed) {
    }

    private static JsonMapper mapper() {
        JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addHandler(new CollectUnknown()).build();
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    /** The reader of requests of {@code type}. */
    static ObjectReader reader(Class<?> type) {
        return MAPPER.readerFor(type);
    }

    /** The request's body bound by {@code reader}; {@code example} shows a well-formed request when it is no object. */
    static <T> T read(ObjectReader reader, Context ctx, String example) {
        List<Unknown> unknown = new ArrayList<>();
        T value;
        try {
            value = reader.withAttribute(UNKNOWN, unknown).readValue(ctx.bodyAsBytes());
        } catch (Door.BodyTooLarge e) {
            throw new UncheckedIOException(e);
        } catch (MismatchedInputException e) {
            throw new ItemApi.ApiException(wrongType(e, example));
        } catch (StreamReadException e) {
            throw new ItemApi.ApiException(new Problem(400, VALIDATION, "请求不是有效的 JSON", e.getOriginalMessage())
                    .error("(body)", 0, e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!unknown.isEmpty()) {
            throw new ItemApi.ApiException(unknownFields(unknown));
        }
        return value;
    }

    private static Problem unknownFields(List<Unknown> unknown) {
        Problem p = new Problem(400, VALIDATION, "请求中有未知字段", "未保存：请去掉或改正 errors 中的字段");
        for (Unknown u : unknown) {
            p.error(u.field(), 0, "未知字段（可用字段：" + String.join(", ",
                    new TreeSet<>(u.allowed().stream().map(String::valueOf).toList())) + "）");
        }
        return p;
    }

    private static Problem wrongType(MismatchedInputException e, String example) {
        if (e.getPath().isEmpty()) {
            return new Problem(400, VALIDATION, "请求应为 JSON 对象", example).error("(body)", 0, "应为 JSON 对象");
        }
        String field = field(e.getPath());
        return new Problem(400, VALIDATION, "请求字段的类型不对", "未保存：" + field + " 应为" + expected(e.getTargetType()))
                .error(field, 0, "类型不对：应为" + expected(e.getTargetType()));
    }

    /** The path as the errors name fields: {@code images[0].data}. */
    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(r.getFieldName());
            } else {
                field.append('[').append(r.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "其他类型";
        }
        if (type == String.class) {
            return "文字";
        }
        if (type == Boolean.class || type == boolean.class) {
            return " true 或 false";
        }
        return Collection.class.isAssignableFrom(type) ? "列表" : Map.class.isAssignableFrom(type) || type.isRecord()
                ? "对象 {…}" : type.getSimpleName();
    }

    /** Collects each field a request may not have (with its path) instead of stopping at the first. */
    private static final class CollectUnknown extends DeserializationProblemHandler {
        @Override
        @SuppressWarnings("unchecked")
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            List<Unknown> found = (List<Unknown>) ctxt.getAttribute(UNKNOWN);
            if (found == null) {
                return false;
            }
            JsonStreamContext at = p.getParsingContext();
            if (p.hasToken(JsonToken.START_OBJECT) || p.hasToken(JsonToken.START_ARRAY)) {
                at = at.getParent();
            }
            found.add(new Unknown(field(at.pathAsPointer()), deserializer.getKnownPropertyNames()));
            p.skipChildren();
            return true;
        }

        private static String field(JsonPointer pointer) {
            StringBuilder field = new StringBuilder();
            for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
                if (p.mayMatchElement()) {
                    field.append('[').append(p.getMatchingIndex()).append(']');
                } else {
                    field.append(field.length() == 0 ? "" : ".").append(p.getMatchingProperty());
                }
            }
            return field.toString();
        }
    }
}

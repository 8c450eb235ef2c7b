package cn.gongkai.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Binds a merged, interpolated configuration tree to {@link ConfigFile} with Jackson: keys in kebab case, unknown
 * keys refused, values checked by type, then by the records' constructors. Every failure becomes a
 * {@link ConfigException} naming the key's path ({@code accounts[0].mode}) and the value.
 */
final class ConfigBinder {
    private static final String DURATION = "应为时长，例如 500ms、5s、1m、2h";
    private static final String BOOLEAN = "应为 true 或 false";
    private static final String SINGLE = "应为单个值";
    /** Units of short durations, longest suffix first. */
    private static final List<Map.Entry<String, ChronoUnit>> UNITS = List.of(Map.entry("ms", ChronoUnit.MILLIS),
            Map.entry("s", ChronoUnit.SECONDS), Map.entry("m", ChronoUnit.MINUTES), Map.entry("h", ChronoUnit.HOURS),
            Map.entry("d", ChronoUnit.DAYS));
    private static final ObjectReader READER = mapper().readerFor(ConfigFile.class);

    private ConfigBinder() {
    }

    /** Whether an account is served by the simulator follows the top-level {@code sandbox}; it is not a key. */
    @JsonIgnoreProperties("sandbox")
    private abstract static class AccountKeys {
    }

    private static JsonMapper mapper() {
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .addMixIn(AccountConfig.class, AccountKeys.class)
                .addModule(scalars())
                .build();
        for (LogicalType number : List.of(LogicalType.Integer, LogicalType.Float)) {
            mapper.coercionConfigFor(number).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        for (LogicalType container : List.of(LogicalType.Collection, LogicalType.Map)) {
            mapper.coercionConfigFor(container).setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsEmpty);
        }
        return mapper;
    }

    private static SimpleModule scalars() {
        SimpleModule module = new SimpleModule("gongkai-config");
        scalar(module, Duration.class, ConfigBinder::duration, DURATION);
        scalar(module, boolean.class, ConfigBinder::bool, BOOLEAN);
        scalar(module, Boolean.class, ConfigBinder::bool, BOOLEAN);
        scalar(module, Secret.class, Secret::of, SINGLE);
        scalar(module, Path.class, Path::of, SINGLE);
        scalar(module, ZoneId.class, ZoneId::of, "不是有效的时区，例如 Asia/Shanghai");
        scalar(module, SandboxMode.class, SandboxMode::parse, "只能是 auto、on 或 off");
        scalar(module, PortalConfig.Delivery.class, t -> PortalConfig.Delivery.valueOf(t.toUpperCase(Locale.ROOT)),
                "只能是 email、webhook 或 folder");
        scalar(module, PortalConfig.Tls.class, t -> PortalConfig.Tls.valueOf(t.toUpperCase(Locale.ROOT)),
                "只能是 starttls、ssl 或 none");
        return module;
    }

    /** A value written as one YAML scalar and read by {@code parse}; {@code expected} says what it should be. */
    private static <T> void scalar(SimpleModule module, Class<T> type, Function<String, T> parse, String expected) {
        module.addDeserializer(type, new StdScalarDeserializer<>(type) {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.currentToken().isScalarValue() ? p.getValueAsString() : null;
                if (text == null) {
                    throw MismatchedInputException.from(p, type, expected);
                }
                try {
                    return parse.apply(text.strip());
                } catch (RuntimeException e) {
                    throw InvalidFormatException.from(p, expected, text, type);
                }
            }

            /** A key left out reads as one written empty, as a key written without a value does. */
            @Override
            public T getNullValue(DeserializationContext ctxt) {
                try {
                    return parse.apply("");
                } catch (RuntimeException e) {
                    return null;
                }
            }
        });
    }

    /** The configuration the tree describes, or a {@link ConfigException} naming the first wrong key. */
    static ConfigFile bind(JsonNode tree) {
        try {
            return READER.readValue(tree);
        } catch (IOException e) {
            throw translate(e, tree);
        }
    }

    private static ConfigException translate(IOException e, JsonNode tree) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException fromRecord) {
                return fromRecord;
            }
        }
        if (!(e instanceof JsonMappingException m)) {
            return new ConfigException("(配置)", e.getMessage());
        }
        String key = key(m.getPath());
        if (m instanceof PropertyBindingException unknown) {
            return new ConfigException(key, "未知的配置项（拼写错误？可用的有：" + unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).collect(Collectors.joining(", ")) + "）");
        }
        String expected = m instanceof MismatchedInputException mismatch
                ? expected(mismatch.getTargetType(), m.getOriginalMessage()) : m.getOriginalMessage();
        return new ConfigException(key, valueAt(tree, m.getPath()), expected);
    }

    /** What a value of Jackson's own types should look like; our scalars say it in their message. */
    private static String expected(Class<?> type, String message) {
        if (type == null) {
            return message;
        } else if (type == int.class || type == Integer.class || type == long.class) {
            return "应为整数";
        } else if (type == double.class || type == Double.class) {
            return "应为小数，例如 0.9";
        } else if (Collection.class.isAssignableFrom(type)) {
            return "应为列表，例如 [a, b]";
        } else if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "必须是键值映射";
        }
        return type == String.class ? SINGLE : message;
    }

    /** The path in the style of the messages: {@code accounts[0].preview-to.张科长}. */
    private static String key(List<JsonMappingException.Reference> path) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getIndex() >= 0) {
                key.append('[').append(step.getIndex()).append(']');
            } else {
                key.append(key.isEmpty() ? "" : ".").append(step.getFieldName());
            }
        }
        return key.toString();
    }

    private static String valueAt(JsonNode tree, List<JsonMappingException.Reference> path) {
        JsonNode node = tree;
        for (JsonMappingException.Reference step : path) {
            node = node == null ? null : step.getIndex() >= 0 ? node.get(step.getIndex()) : node.get(step.getFieldName());
        }
        if (node == null || node.isValueNode()) {
            return node == null ? "" : node.asText();
        }
        return node.isArray() ? "[…]" : "{…}";
    }

    /** {@code 500ms}, {@code 30s}, {@code 15m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT15M}). */
    static Duration duration(String text) {
        String raw = text.toLowerCase(Locale.ROOT);
        if (raw.startsWith("p")) {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        }
        for (Map.Entry<String, ChronoUnit> unit : UNITS) {
            if (raw.endsWith(unit.getKey())) {
                String amount = raw.substring(0, raw.length() - unit.getKey().length()).strip();
                return Duration.of(Long.parseLong(amount), unit.getValue());
            }
        }
        throw new IllegalArgumentException("no unit: " + text);
    }

    private static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off", "" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }
}

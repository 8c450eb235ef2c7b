package cn.gongkai.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a merged, interpolated configuration tree to {@link ConfigFile}: each record component is a key in kebab case
 * ({@code maxArticlesPerDraft} is {@code max-articles-per-draft}), unknown keys are refused, values are checked by
 * type ({@link ScalarType}), then by the records' constructors. Every failure is a {@link ConfigException} naming the
 * key's path ({@code accounts[0].mode}) and the value.
 */
final class ConfigBinder {
    private static final String MAPPING = "必须是键值映射";
    private static final String LIST = "应为列表，例如 [a, b]";

    private ConfigBinder() {
    }

    /** The configuration the tree describes, or a {@link ConfigException} naming the first wrong key. */
    static ConfigFile bind(ConfigNode tree) {
        return (ConfigFile) bind(tree, ConfigFile.class, "");
    }

    private static Object bind(ConfigNode node, Type type, String path) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        ScalarType<?> scalar = ScalarType.of(raw);
        if (scalar != null) {
            return scalar.read(node, path);
        } else if (node instanceof ConfigNode.Value value && value.isNull()) {
            return null;
        } else if (raw.isRecord()) {
            return record(node, raw, path);
        } else if (raw == List.class) {
            return list(node, ((ParameterizedType) type).getActualTypeArguments()[0], path);
        } else if (raw == Map.class) {
            return map(node, ((ParameterizedType) type).getActualTypeArguments()[1], path);
        }
        throw new IllegalStateException("no binding for " + type);
    }

    private static List<Object> list(ConfigNode node, Type itemType, String path) {
        if (isEmptyValue(node)) {
            return List.of();
        }
        if (!(node instanceof ConfigNode.Items items)) {
            throw new ConfigException(path, node.shown(), LIST);
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(bind(items.get(i), itemType, path + "[" + i + "]"));
        }
        return out;
    }

    private static Map<String, Object> map(ConfigNode node, Type valueType, String path) {
        if (isEmptyValue(node)) {
            return Map.of();
        }
        if (!(node instanceof ConfigNode.Section section)) {
            throw new ConfigException(path, node.shown(), MAPPING);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : section.keys()) {
            out.put(key, bind(section.get(key), valueType, child(path, key)));
        }
        return out;
    }

    /** A list or map written as an empty value ({@code key:} or {@code key: ""}) is empty. */
    private static boolean isEmptyValue(ConfigNode node) {
        return node instanceof ConfigNode.Value value && "".equals(value.text());
    }

    private static Object record(ConfigNode node, Class<?> type, String path) {
        if (!(node instanceof ConfigNode.Section section)) {
            throw new ConfigException(path, node.shown(), MAPPING);
        }
        RecordShape shape = RecordShape.of(type);
        Object[] args = new Object[shape.size()];
        boolean[] given = new boolean[shape.size()];
        for (String key : section.keys()) {
            Integer index = shape.index(key);
            if (index == null) {
                throw new ConfigException(child(path, key), "未知的配置项（拼写错误？可用的有："
                        + String.join(", ", shape.keys()) + "）");
            }
            args[index] = bind(section.get(key), shape.genericType(index), child(path, key));
            given[index] = true;
        }
        for (int i = 0; i < args.length; i++) {
            if (!given[i]) {
                ScalarType<?> scalar = ScalarType.of(shape.type(i));
                args[i] = scalar == null ? null : scalar.absent();
            }
        }
        try {
            return shape.construct(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ConfigException refused) {
                throw refused;
            }
            throw new ConfigException(path, node.shown(), String.valueOf(e.getCause().getMessage()));
        }
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}

package cn.gongkai.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a merged, interpolated configuration tree to {@link ConfigFile}: each record component is a key in kebab case
 * ({@code maxArticlesPerDraft} is {@code max-articles-per-draft}), unknown keys are refused, values are checked by
 * type ({@link ScalarType}), then by the records' constructors. Every failure is a {@link ConfigException} naming the
 * key's path ({@code accounts[0].mode}) and the value.
 */
final class ConfigBinder {
    private static final String MAPPING = "必须是键值映射";
    private static final String LIST = "应为列表，例如 [a, b]";
    /** Components that are not keys: whether an account is served by the simulator follows the top-level sandbox. */
    private static final Map<Class<?>, Set<String>> NOT_KEYS = Map.of(AccountConfig.class, Set.of("sandbox"));

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
        RecordComponent[] components = type.getRecordComponents();
        Map<String, Integer> keys = keys(type, components);
        Object[] args = new Object[components.length];
        boolean[] given = new boolean[components.length];
        for (String key : section.keys()) {
            Integer index = keys.get(key);
            if (index == null) {
                throw new ConfigException(child(path, key), "未知的配置项（拼写错误？可用的有："
                        + String.join(", ", keys.keySet()) + "）");
            }
            args[index] = bind(section.get(key), components[index].getGenericType(), child(path, key));
            given[index] = true;
        }
        for (int i = 0; i < components.length; i++) {
            if (!given[i]) {
                ScalarType<?> scalar = ScalarType.of(components[i].getType());
                args[i] = scalar == null ? null : scalar.absent();
            }
        }
        return construct(type, components, args, path, node);
    }

    /** Key → component index, in the record's order, leaving out the components that are not keys. */
    private static Map<String, Integer> keys(Class<?> type, RecordComponent[] components) {
        Set<String> notKeys = NOT_KEYS.getOrDefault(type, Set.of());
        Map<String, Integer> keys = new LinkedHashMap<>();
        for (int i = 0; i < components.length; i++) {
            if (!notKeys.contains(components[i].getName())) {
                keys.put(kebab(components[i].getName()), i);
            }
        }
        return keys;
    }

    /** {@code maxArticlesPerDraft} → {@code max-articles-per-draft}. */
    static String kebab(String name) {
        StringBuilder key = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                key.append('-').append(Character.toLowerCase(c));
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static Object construct(Class<?> type, RecordComponent[] components, Object[] args, String path,
                                     ConfigNode node) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ConfigException refused) {
                throw refused;
            }
            throw new ConfigException(path, node.shown(), String.valueOf(e.getCause().getMessage()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}

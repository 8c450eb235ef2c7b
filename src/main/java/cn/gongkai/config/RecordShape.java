package cn.gongkai.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What {@link ConfigBinder} needs to know of a configuration record, read once per record type: its keys (the
 * components in kebab case, in the record's order), their types, and the canonical constructor.
 */
final class RecordShape {
    /** Components that are not keys: whether an account is served by the simulator follows the top-level sandbox. */
    private static final Map<Class<?>, Set<String>> NOT_KEYS = Map.of(AccountConfig.class, Set.of("sandbox"));
    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    private final Map<String, Integer> keys = new LinkedHashMap<>();
    private final Class<?>[] types;
    private final Type[] genericTypes;
    private final Constructor<?> canonical;

    private RecordShape(Class<?> record) {
        RecordComponent[] components = record.getRecordComponents();
        Set<String> notKeys = NOT_KEYS.getOrDefault(record, Set.of());
        types = new Class<?>[components.length];
        genericTypes = new Type[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            genericTypes[i] = components[i].getGenericType();
            if (!notKeys.contains(components[i].getName())) {
                keys.put(kebab(components[i].getName()), i);
            }
        }
        try {
            canonical = record.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor: " + record.getName(), e);
        }
    }

    static RecordShape of(Class<?> record) {
        return SHAPES.get(record);
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

    /** The keys in the record's order. */
    Set<String> keys() {
        return keys.keySet();
    }

    /** The index of the component a key names, or null for an unknown key. */
    Integer index(String key) {
        return keys.get(key);
    }

    int size() {
        return types.length;
    }

    Class<?> type(int index) {
        return types[index];
    }

    Type genericType(int index) {
        return genericTypes[index];
    }

    /** The record built from its components' values; a constructor's own ConfigException is thrown as it is. */
    Object construct(Object[] args) throws InvocationTargetException {
        try {
            return canonical.newInstance(args);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot build " + canonical.getDeclaringClass().getName(), e);
        }
    }
}

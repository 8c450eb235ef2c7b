package cn.gongkai.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration as YAML wrote it, before it is bound: sections (key → node, in the file's order), lists, and
 * values kept as the text the file wrote ({@code 8080}, {@code 0.9}, {@code true} alike). A value YAML reads as null
 * ({@code key:} or {@code key: ~}) is a {@link Value} without text. Sections and lists are changed in place while the
 * loader merges layers and applies the environment.
 */
sealed interface ConfigNode {

    /** A copy that shares nothing with this node. */
    ConfigNode deepCopy();

    /** How the node is shown in a message: the value's text, {@code […]} for a list, <code>{…}</code> for a section. */
    String shown();

    /** A key–value mapping. */
    final class Section implements ConfigNode {
        private final Map<String, ConfigNode> entries = new LinkedHashMap<>();

        /** The node at {@code key}, or null. */
        ConfigNode get(String key) {
            return entries.get(key);
        }

        boolean has(String key) {
            return entries.containsKey(key);
        }

        void put(String key, ConfigNode node) {
            entries.put(key, node);
        }

        void putIfAbsent(String key, ConfigNode node) {
            entries.putIfAbsent(key, node);
        }

        /** The keys in the file's order (a copy: the section may be changed while they are walked). */
        List<String> keys() {
            return new ArrayList<>(entries.keySet());
        }

        int size() {
            return entries.size();
        }

        @Override
        public Section deepCopy() {
            Section copy = new Section();
            entries.forEach((k, v) -> copy.put(k, v.deepCopy()));
            return copy;
        }

        @Override
        public String shown() {
            return "{…}";
        }
    }

    /** A list. */
    final class Items implements ConfigNode {
        private final List<ConfigNode> items = new ArrayList<>();

        ConfigNode get(int index) {
            return items.get(index);
        }

        void add(ConfigNode node) {
            items.add(node);
        }

        void set(int index, ConfigNode node) {
            items.set(index, node);
        }

        int size() {
            return items.size();
        }

        @Override
        public Items deepCopy() {
            Items copy = new Items();
            items.forEach(i -> copy.add(i.deepCopy()));
            return copy;
        }

        @Override
        public String shown() {
            return "[…]";
        }
    }

    /** A single value as the file wrote it; {@code text} is null for YAML's null. */
    record Value(String text) implements ConfigNode {
        /** YAML's null: a key written without a value. */
        static final Value NULL = new Value(null);

        boolean isNull() {
            return text == null;
        }

        @Override
        public Value deepCopy() {
            return this;
        }

        @Override
        public String shown() {
            return text == null ? "" : text;
        }
    }
}

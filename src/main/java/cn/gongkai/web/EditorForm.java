package cn.gongkai.web;

import cn.gongkai.item.ImageStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The editor form as the user filled it in, read from its parameters (name → values) — those of a POST or those an
 * autosave kept: the fields for the importer, the Markdown body, the images it refers to and the values to show
 * the form again.
 */
record EditorForm(Map<String, JsonNode> fields, String body, Map<String, byte[]> images, EditorView.Values values) {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The parameters that belong to the form's content (what an autosave keeps). */
    static final Set<String> CONTENT = Set.of("title", "category", "account", "author", "department", "doc_no",
            "source_url", "digest", "cover", "publish_at", "important", "heading_numbers", "glossary", "body",
            "note_term", "note_text", "image", "signature", "signed_at");

    /** Reads the form from {@code params}; images are looked up by their SHA-256 in {@code store}. */
    static EditorForm read(Map<String, List<String>> params, ImageStore store) {
        Reader r = new Reader(params);
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        Map<String, String> text = r.textFields(fields);
        boolean important = r.important(fields);
        String headingNumbers = r.headingNumbers(fields);
        String glossary = r.glossary(fields);
        List<EditorView.NoteValue> notes = r.notes(fields);
        List<EditorView.ImageValue> imageValues = new ArrayList<>();
        Map<String, byte[]> images = r.images(store, imageValues);
        String body = r.one("body").replace("\r\n", "\n");
        return new EditorForm(fields, body, images, new EditorView.Values(text.get("title"), text.get("category"),
                text.get("account"), text.get("author"), text.get("department"), text.get("docNo"),
                text.get("sourceUrl"), text.get("digest"), text.get("cover"), text.get("publishAt"), important,
                headingNumbers, glossary, body, notes, imageValues, text.get("signature"), text.get("signedAt")));
    }

    /** Reads the named parameters into fields and form values. */
    private record Reader(Map<String, List<String>> params) {

        String one(String name) {
            List<String> v = params.get(name);
            return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0);
        }

        List<String> all(String name) {
            return params.getOrDefault(name, List.of());
        }

        /** The text fields as typed, by their names in the form's values. */
        Map<String, String> textFields(Map<String, JsonNode> fields) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String[] f : new String[][] {{"title", "title"}, {"category", "category"}, {"account", "account"},
                    {"author", "author"}, {"department", "department"}, {"doc_no", "docNo"},
                    {"source_url", "sourceUrl"}, {"digest", "digest"}, {"cover", "cover"},
                    {"signature", "signature"}, {"signed_at", "signedAt"}}) {
                String v = one(f[0]);
                values.put(f[1], v);
                if (!v.isBlank()) {
                    fields.put(f[0], JSON.textNode(v.strip()));
                }
            }
            String publishAt = one("publish_at");
            values.put("publishAt", publishAt);
            if (!publishAt.isBlank()) {
                fields.put("publish_at", JSON.textNode(publishAt.strip().replace('T', ' ')));
            }
            return values;
        }

        boolean important(Map<String, JsonNode> fields) {
            boolean important = !one("important").isBlank();
            if (important) {
                fields.put("important", JSON.booleanNode(true));
            }
            return important;
        }

        String headingNumbers(Map<String, JsonNode> fields) {
            String headingNumbers = one("heading_numbers");
            if (headingNumbers.equals("true") || headingNumbers.equals("false")) {
                fields.put("heading_numbers", JSON.booleanNode(Boolean.parseBoolean(headingNumbers)));
            }
            return headingNumbers;
        }

        String glossary(Map<String, JsonNode> fields) {
            String glossary = one("glossary");
            if (glossary.isBlank()) {
                return glossary;
            }
            ArrayNode keys = JSON.arrayNode();
            for (String k : glossary.split("[,，、]")) {
                if (!k.isBlank()) {
                    keys.add(k.strip());
                }
            }
            fields.put("glossary", keys);
            return glossary;
        }

        List<EditorView.NoteValue> notes(Map<String, JsonNode> fields) {
            List<String> terms = all("note_term");
            List<String> texts = all("note_text");
            ObjectNode notes = JSON.objectNode();
            List<EditorView.NoteValue> noteValues = new ArrayList<>();
            for (int i = 0; i < terms.size(); i++) {
                String term = terms.get(i).strip();
                String text = i < texts.size() ? texts.get(i).strip() : "";
                noteValues.add(new EditorView.NoteValue(term, text));
                if (!term.isEmpty() || !text.isEmpty()) {
                    notes.put(term.isEmpty() ? "（未填术语）" : term, text);
                }
            }
            if (noteValues.isEmpty()) {
                noteValues.add(new EditorView.NoteValue("", ""));
            }
            if (!notes.isEmpty()) {
                fields.put("notes", notes);
            }
            return noteValues;
        }

        /** The images the form refers to, by name; what the form shows of them goes to {@code imageValues}. */
        Map<String, byte[]> images(ImageStore store, List<EditorView.ImageValue> imageValues) {
            Map<String, byte[]> images = new LinkedHashMap<>();
            for (String ref : all("image")) {
                int bar = ref.lastIndexOf('|');
                if (bar <= 0) {
                    continue;
                }
                String name = ref.substring(0, bar);
                String sha = ref.substring(bar + 1);
                if (!sha.matches("[0-9a-f]{64}") || images.containsKey(name)) {
                    continue;
                }
                store.get(sha).ifPresent(b -> {
                    images.put(name, b);
                    imageValues.add(new EditorView.ImageValue(name, sha, "/images/" + sha));
                });
            }
            return images;
        }
    }
}

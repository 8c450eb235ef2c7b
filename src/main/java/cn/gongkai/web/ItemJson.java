package cn.gongkai.web;

import cn.gongkai.intake.ImportProblem;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.Note;
import cn.gongkai.review.AuditEntry;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON bodies of the REST API ({@link ItemApi}) as records Jackson writes and reads. */
final class ItemJson {
    private ItemJson() {
    }

    /** GET /api/me. */
    record Me(String name, String role, String roleLabel) {
    }

    /** GET /api/items. */
    record ItemList(List<Summary> items, int count) {
        ItemList(List<Summary> items) {
            this(List.copyOf(items), items.size());
        }
    }

    /** An item in a list and the core of every item answer; {@code reason} only when the item has one. */
    record Summary(long id, String title, String status, String statusLabel, String category, String account,
                   boolean important, String waitingFor, String publishAt, String dueDate, boolean overdue,
                   String contentHash, @JsonInclude(JsonInclude.Include.NON_EMPTY) String reason) {
    }

    /** The answer to a create or update: the item and what the import warned about. */
    record Saved(@JsonUnwrapped Summary item, List<Warning> warnings) {
        static Saved of(Summary item, List<ImportProblem> warnings) {
            return new Saved(item, warnings.stream().map(w -> new Warning(ItemApi.fieldName(w.field()),
                    w.line() > 0 ? w.line() : null, w.message())).toList());
        }
    }

    /** A warning of an import; {@code line} only when the problem has one. */
    record Warning(String field, @JsonInclude(JsonInclude.Include.NON_NULL) Integer line, String message) {
    }

    /** GET /api/items/{id}: the item for the asking user, with its review steps and audit history. */
    record Detail(@JsonUnwrapped Summary item, boolean canReview, String cannotReview, String author,
                  String department, @JsonProperty("doc_no") String docNo, @JsonProperty("source_url") String sourceUrl,
                  String body, Map<String, String> notes, List<String> glossary, List<Image> images, String cover,
                  List<String> steps, String createdAt, String updatedAt, List<History> history, String signature,
                  @JsonProperty("signed_at") String signedAt) {

        static Detail of(Summary summary, DisclosureItem i, boolean canReview, String cannotReview, List<String> steps,
                         List<AuditEntry> history) {
            ItemContent c = i.content();
            Map<String, String> notes = new LinkedHashMap<>();
            for (Note n : c.notes()) {
                notes.put(n.term(), n.explanation());
            }
            return new Detail(summary, canReview, cannotReview, c.author(), c.department(), c.docNo(),
                    c.sourceUrl(), c.body(), notes, c.glossary(), c.images().stream().map(Image::of).toList(),
                    c.cover() == null ? null : c.cover().fileName(), steps, text(i.createdAt()),
                    text(i.updatedAt()), history.stream().map(History::of).toList(), c.signature(),
                    c.signedAt() == null ? null : c.signedAt().toString());
        }
    }

    /** An image of an item. */
    record Image(String name, String sha256, int width, int height, long size, String alt) {
        static Image of(ItemImage img) {
            return new Image(img.fileName(), img.sha256(), img.width(), img.height(), img.size(), img.alt());
        }
    }

    /** One audit entry of an item. */
    record History(String at, String actor, String role, String decision, String from, String to, int step,
                   String comment, String contentHash, String checks) {
        static History of(AuditEntry e) {
            return new History(text(e.at()), e.actor(), e.role(), e.decision(), e.fromStatus(), e.toStatus(),
                    e.step(), e.comment(), e.contentHash(), e.checks());
        }
    }

    /**
     * The body of an approve or reject request: {@code {"contentHash": "…", "comment": "…"}}, both optional here,
     * stripped; a missing, null or non-text value reads as "" and other fields are ignored.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DecisionRequest(@JsonDeserialize(using = LenientText.class) String contentHash,
                           @JsonDeserialize(using = LenientText.class) String comment) {
        DecisionRequest {
            contentHash = contentHash == null ? "" : contentHash;
            comment = comment == null ? "" : comment;
        }

        static final DecisionRequest EMPTY = new DecisionRequest("", "");
    }

    /** The answer of an approve or reject request: the item, and what staff are told (已同意，无需重复操作 ...). */
    record Decided(@JsonUnwrapped Summary item, String message, boolean repeated) {
    }

    /**
     * The body of a reschedule request: {@code {"publishAt": "2026-12-08T09:00+08:00", "reason": "…"}} or
     * {@code {"now": true, "reason": "…"}}; an empty {@code publishAt} without {@code now} means the next slot.
     */
    record RescheduleRequest(@JsonDeserialize(using = LenientText.class) String publishAt, boolean now,
                             @JsonDeserialize(using = LenientText.class) String reason) {
        RescheduleRequest {
            publishAt = publishAt == null ? "" : publishAt;
            reason = reason == null ? "" : reason;
        }
    }

    /** Any JSON value as its stripped text: numbers and booleans as written, arrays and objects as "". */
    static final class LenientText extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.readValueAsTree();
            return node.asText("").strip();
        }
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}

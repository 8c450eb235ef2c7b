package cn.gongkai.web;

import cn.gongkai.review.EditorDrafts;
import cn.gongkai.review.User;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The editor's server-side autosave: {@code POST /items/autosave} (sent by editor.js every few seconds while the
 * form changes, and right before a submit) keeps the form's content per user and per form ({@code new} or the id of
 * the item edited); the editor restores it when the user comes back; {@code POST /items/autosave/discard} (放弃恢复)
 * and a successful save remove it.
 */
final class EditorAutosave {
    private static final Logger LOG = LoggerFactory.getLogger(EditorAutosave.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, List<String>>> FIELDS = new TypeReference<>() {
    };
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** An autosave to show: the form's parameters and when it was taken ({@code HH:mm}, local time). */
    record Restored(Map<String, List<String>> params, String time) {
    }

    private final EditorDrafts drafts;
    private final Clock clock;
    private final ZoneId zone;

    EditorAutosave(EditorDrafts drafts, Clock clock, ZoneId zone) {
        this.drafts = drafts;
        this.clock = clock;
        this.zone = zone;
    }

    void register(RoutesConfig routes) {
        routes.post("/items/autosave/discard", this::discard);
        routes.post("/items/autosave", this::save);
    }

    /** The form a request is about: the item's id when the form edits one, else {@code new}. */
    static String formKey(String itemId) {
        return itemId != null && itemId.matches("\\d{1,18}") ? itemId : "new";
    }

    /** Where the form of {@code key} is edited. */
    static String editorPath(String key) {
        return key.equals("new") ? "/items/new" : "/items/" + key + "/edit";
    }

    private void save(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        String key = formKey(ctx.formParam("item_id"));
        Map<String, List<String>> content = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, values) -> {
            if (EditorForm.CONTENT.contains(name)) {
                content.put(name, values);
            }
        });
        String json;
        try {
            json = JSON.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an autosave as JSON", e);
        }
        var now = clock.instant();
        drafts.save(me.name(), key, new EditorDrafts.Saved(json, now));
        ctx.json(Map.of("saved", HH_MM.format(now.atZone(zone)), "message",
                "已自动保存（" + HH_MM.format(now.atZone(zone)) + "）"));
    }

    private void discard(Context ctx) {
        User me = ConsoleAccess.user(ctx);
        String key = formKey(ctx.formParam("item_id"));
        drafts.delete(me.name(), key);
        ConsoleAccess.flash(ctx, "已放弃自动保存的内容，显示的是上次保存的稿件", false);
        ctx.redirect(editorPath(key));
    }

    /** The user's autosave of form {@code key}, if one is kept and readable. */
    Optional<Restored> restore(User me, String key) {
        return drafts.find(me.name(), key).flatMap(saved -> {
            try {
                return Optional.of(new Restored(JSON.readValue(saved.fieldsJson(), FIELDS),
                        HH_MM.format(saved.savedAt().atZone(zone))));
            } catch (JsonProcessingException e) {
                LOG.warn("Unreadable editor autosave of {} for form {} ignored: {}", me.name(), key,
                        e.getOriginalMessage());
                return Optional.empty();
            }
        });
    }

    /** Removes the user's autosave of form {@code key} (the form was saved). */
    void clear(User me, String key) {
        drafts.delete(me.name(), key);
    }
}

package cn.gongkai.review;

import java.time.Instant;
import java.util.Optional;

/**
 * The editor's server-side autosave: the last state of a form, per user and per form ({@code new} or the id of the
 * item edited), kept until the user saves the item or discards it.
 */
public interface EditorDrafts {

    /** One autosave: the form's fields as JSON (name → list of values) and when it was taken. */
    record Saved(String fieldsJson, Instant savedAt) {
        public Saved {
            if (fieldsJson == null || savedAt == null) {
                throw new IllegalArgumentException("an autosave needs its fields and its time");
            }
        }
    }

    /** Replaces the user's autosave of that form. */
    void save(String user, String formKey, Saved saved);

    Optional<Saved> find(String user, String formKey);

    void delete(String user, String formKey);
}

package cn.gongkai.store;

import cn.gongkai.review.EditorDrafts;
import java.util.Optional;

/** The editor's autosaves in {@code editor_autosave}, one row per user and form. */
final class JdbiEditorDrafts implements EditorDrafts {

    private final JdbiTransactions tx;

    JdbiEditorDrafts(JdbiTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(String user, String formKey, Saved saved) {
        tx.call("cannot autosave the editor form of " + user, h -> {
            h.createUpdate("DELETE FROM editor_autosave WHERE user_name = :user AND form_key = :key")
                    .bind("user", user).bind("key", formKey).execute();
            return h.createUpdate("INSERT INTO editor_autosave (user_name, form_key, fields, saved_at, unit_id)"
                            + " VALUES (:user, :key, :fields, :at, COALESCE((SELECT unit_id FROM app_user"
                            + " WHERE name = :user), 'default'))")
                    .bind("user", user).bind("key", formKey).bind("fields", saved.fieldsJson())
                    .bind("at", saved.savedAt()).execute();
        });
    }

    @Override
    public Optional<Saved> find(String user, String formKey) {
        return tx.call("cannot read the editor autosave of " + user,
                h -> h.createQuery("SELECT fields, saved_at FROM editor_autosave"
                                + " WHERE user_name = :user AND form_key = :key")
                        .bind("user", user).bind("key", formKey)
                        .map((rs, ctx) -> new Saved(rs.getString("fields"), Sql.instant(rs, "saved_at")))
                        .findOne());
    }

    @Override
    public void delete(String user, String formKey) {
        tx.call("cannot remove the editor autosave of " + user, h -> h.createUpdate(
                        "DELETE FROM editor_autosave WHERE user_name = :user AND form_key = :key")
                .bind("user", user).bind("key", formKey).execute());
    }
}

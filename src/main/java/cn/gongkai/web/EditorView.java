package cn.gongkai.web;

import java.util.List;

/**
 * What {@code edit.ftlh} shows: the form's values ({@code v}), the problems that kept it from being saved, the
 * choices (categories, accounts, glossary keys), the item being changed (null for a new one), the image size limit
 * and the name of the role that signs off important items when nobody holds it (empty when someone does).
 */
public record EditorView(Values v, List<Problem> problems, List<String> categories, List<AccountOption> accounts,
                         List<String> glossaryKeys, ItemRef item, long maxImageMb, String unheldSignOff) {

    /** The form's fields as stored or as the user filled them in (a field may be null when the item has none). */
    public record Values(String title, String category, String account, String author, String department,
                         String docNo, String sourceUrl, String digest, String cover, String publishAt,
                         boolean important, String headingNumbers, String glossary, String body,
                         List<NoteValue> notes, List<ImageValue> images, String signature, String signedAt) {
        /** An empty form for {@code account}, with one empty note row. */
        static Values empty(String account) {
            return new Values("", "", account, "", "", "", "", "", "", "", false, "", "", "",
                    List.of(new NoteValue("", "")), List.of(), "", "");
        }
    }

    /** One row of the notes editor. */
    public record NoteValue(String term, String explanation) {
    }

    /** An uploaded image of the item. */
    public record ImageValue(String name, String sha, String url) {
    }

    /** Where the item has a problem (in Chinese) and what it is. */
    public record Problem(String where, String message) {
    }

    /** An account to choose. */
    public record AccountOption(String id, String name) {
    }

    /**
     * The item being changed: whether it is a draft, whether it has entered the review chain, whether saving now is
     * a proofreading change within the current step (校对修改: the chain goes on) and whether it is approved.
     */
    public record ItemRef(long id, String statusLabel, boolean draft, boolean inChain, boolean proofreading,
                          boolean approved) {
    }
}

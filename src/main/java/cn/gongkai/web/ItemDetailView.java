package cn.gongkai.web;

import java.util.List;

/**
 * What {@code item.ftlh} shows of one item: its summary, the content hash the 同意 form approves, the content, the
 * WeChat preview, the pre-publish checks, the review steps, the audit history, the comparison with the last approved
 * version and what this user may do.
 */
public record ItemDetailView(ItemPages.Summary item, String contentHash, Content content, Preview preview,
                             List<ItemPages.FindingView> findings, List<Step> steps, List<HistoryRow> history,
                             Comparison comparison, Permissions may) {

    /** The item's content as the page shows it. */
    public record Content(String title, String category, String author, String department, String docNo,
                          String sourceUrl, String publishAt, List<Note> notes, List<Image> images) {
    }

    /** One 名词解释. */
    public record Note(String term, String explanation) {
    }

    /** One image of the item. */
    public record Image(String name, String url, String caption) {
    }

    /** The WeChat rendering ({@code html}), or why it failed; the digest is null when it failed. */
    public record Preview(String html, String error, String digest) {
    }

    /** One review step: its role, {@code done}, {@code current} or {@code todo}, and who approved it when. */
    public record Step(String label, String state, String by) {
    }

    /** One audit entry. */
    public record HistoryRow(String at, String actor, String role, String decision, String comment, String hash,
                             String checks) {
    }

    /** The text under review and, when there is an earlier approved text, the line diff against it. */
    public record Comparison(String reviewText, String note, List<DiffLine> lines) {
    }

    /** One line of the diff: {@code added}, {@code removed} or {@code same}. */
    public record DiffLine(String kind, String text) {
    }

    /**
     * What the user may do here, and why they may not review an item in review: {@code delete} an item never
     * approved, {@code reschedule} (调整发布时间, 立即发布本篇) an approved one.
     */
    public record Permissions(boolean review, String cannotReview, boolean edit, boolean submit, boolean requeue,
                              boolean delete, boolean reschedule) {
    }
}

package cn.gongkai.web;

import java.util.List;

/**
 * What {@code item.ftlh} shows of one item: its summary, the content hash the 同意 form approves, the content, the
 * WeChat preview with its feed card, the pre-publish checks, the review steps, the audit history, the comparison
 * with the version last reviewed, where it was published (WeChat, and each portal of 报区政府办), whom a phone
 * preview can go to and what this user may do.
 */
public record ItemDetailView(ItemPages.Summary item, String contentHash, Content content, Preview preview,
                             FeedCard card, List<ItemPages.FindingView> findings, List<Step> steps,
                             List<HistoryRow> history, Comparison comparison, Published published,
                             PhoneTargets phone, Permissions may, PortalItemStatus.Card portal) {

    /**
     * The card WeChat shows in the chat list: the cover cut to 2.35:1 ({@code coverUrl}, empty for the account's
     * default cover), the title and the digest.
     */
    public record FeedCard(String title, String digest, String coverUrl) {
    }

    /** Where the item was published (empty when it was not) and whether this user may withdraw or correct it. */
    public record Published(List<Link> links, boolean withdraw, boolean correct) {
    }

    /** One published article: 发布 or 群发, its link, when, and when it was withdrawn (empty if not). */
    public record Link(String mode, String url, String at, String withdrawnAt) {
    }

    /**
     * Who can get the article on their phone: the names configured for the account ({@code preview-to}), the one
     * preselected (the user's own name when configured), and whether it goes to the simulator (sandbox).
     */
    public record PhoneTargets(List<String> names, String mine, boolean sandbox) {
    }

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

    /**
     * The text under review and, when a version was reviewed before, the line diff against it; {@code version} names
     * that version (“12月5日 14:30 退回时的版本”), empty when there is none.
     */
    public record Comparison(String reviewText, String note, List<DiffLine> lines, String version) {
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

package cn.gongkai.publish;

/**
 * The points of the batch state machine where a crash leaves a distinct situation behind: after each commit, and
 * between a WeChat answer and the commit of what it said. {@link BoundaryListener} is told of each.
 */
public enum Boundary {
    /** The batch and its claim on the items are committed (PREPARED). */
    CLAIMED,
    /** An image was uploaded and its URL or media_id cached; the batch is still PREPARED. */
    IMAGE_UPLOADED,
    /** IMAGES_UPLOADED is committed. */
    IMAGES_COMMITTED,
    /** {@code draft/add} answered; its media_id is not committed yet. */
    DRAFT_ANSWERED,
    /** DRAFTED(media_id) is committed. */
    DRAFT_COMMITTED,
    /** SUBMITTING is committed; the publishing call is about to go out. */
    SUBMITTING_COMMITTED,
    /** {@code freepublish/submit} or the mass send answered; the id is not committed yet. */
    SUBMIT_ANSWERED,
    /** SUBMITTED(publish_id) is committed. */
    SUBMITTED_COMMITTED,
    /** WeChat said the job finished; the ledger and item status are not committed yet. */
    STATUS_ANSWERED,
    /** PUBLISHED (or FAILED) with the ledger rows is committed. */
    FINISHED_COMMITTED
}

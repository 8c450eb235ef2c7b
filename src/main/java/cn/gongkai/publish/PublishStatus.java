package cn.gongkai.publish;

import java.util.List;

/**
 * The outcome of a {@code freepublish} job as WeChat reports it.
 *
 * @param state     what {@code publish_status} means
 * @param articleId set when the job succeeded
 * @param articles  permanent article links, by 1-based index, when it succeeded
 * @param failIdx   1-based indexes of failing articles (states 2 and 4)
 */
public record PublishStatus(String publishId, State state, int rawStatus, String articleId,
                            List<PublishedArticle> articles, List<Integer> failIdx) {
    public PublishStatus {
        articleId = articleId == null ? "" : articleId;
        articles = List.copyOf(articles == null ? List.of() : articles);
        failIdx = List.copyOf(failIdx == null ? List.of() : failIdx);
    }

    /** A published article of the job: its 1-based index and permanent URL. */
    public record PublishedArticle(int index, String url) {
    }

    /** Meaning of {@code publish_status}. */
    public enum State {
        SUCCESS, PUBLISHING, ORIGINALITY_FAILED, FAILED, REJECTED_BY_REVIEW, DELETED_AFTER_SUCCESS, BANNED_AFTER_SUCCESS;

        public static State of(int code) {
            return switch (code) {
                case 0 -> SUCCESS;
                case 1 -> PUBLISHING;
                case 2 -> ORIGINALITY_FAILED;
                case 3 -> FAILED;
                case 4 -> REJECTED_BY_REVIEW;
                case 5 -> DELETED_AFTER_SUCCESS;
                case 6 -> BANNED_AFTER_SUCCESS;
                default -> throw new IllegalArgumentException("unknown publish_status " + code);
            };
        }

        /** Whether the articles went out (even if later deleted or banned). */
        public boolean published() {
            return this == SUCCESS || this == DELETED_AFTER_SUCCESS || this == BANNED_AFTER_SUCCESS;
        }
    }
}

package cn.gongkai.publish;

/**
 * States of a durable publishing batch (design.md §5). A mass batch goes from SUBMITTING (sending) straight to
 * PUBLISHED; a rehearsal (dry run) ends in REHEARSED after {@code draft/add}.
 */
public enum BatchState {
    PREPARED, IMAGES_UPLOADED, DRAFTED, SUBMITTING, SUBMITTED, PUBLISHED, FAILED, REHEARSED;

    public boolean finished() {
        return this == PUBLISHED || this == FAILED || this == REHEARSED;
    }

    /** The Chinese label staff see. */
    public String label() {
        return switch (this) {
            case PREPARED -> "已排队";
            case IMAGES_UPLOADED -> "图片已上传";
            case DRAFTED -> "草稿已建";
            case SUBMITTING -> "提交中";
            case SUBMITTED -> "微信发布中";
            case PUBLISHED -> "已发布";
            case FAILED -> "失败";
            case REHEARSED -> "演练（仅草稿）";
        };
    }
}

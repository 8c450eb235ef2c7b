package cn.gongkai.publish;

/** States of a durable publishing batch (design.md §5). */
public enum BatchState {
    PREPARED, IMAGES_UPLOADED, DRAFTED, SUBMITTING, SUBMITTED, PUBLISHED, FAILED;

    public boolean finished() {
        return this == PUBLISHED || this == FAILED;
    }
}

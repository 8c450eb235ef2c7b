package cn.gongkai.review;

import java.util.Optional;

/**
 * What an audit row records, stored as the enum name in {@code audit_log.decision}, with the Chinese label staff
 * see on the console, in {@code item show} and in exports. Rows written by older versions may hold codes not listed
 * here: {@link #labelOf} shows them raw.
 */
public enum AuditAction {
    CREATE("创建草稿"),
    SUBMIT("提交审核"),
    EDIT("修改"),
    PROOFREAD("校对修改"),
    RESCHEDULE("调整发布时间"),
    DELETE("删除"),
    CHECK("发布前检查"),
    APPROVE("同意"),
    REJECT("退回"),
    PUBLISH("已发布"),
    MASS_SEND("已群发"),
    REHEARSAL("演练（建草稿，未发布）"),
    FAIL("发布失败"),
    REQUEUE("重新排队"),
    WITHDRAW("撤回"),
    CORRECTION_QUEUED("起草更正说明"),
    CORRECTED("已更正"),
    PORTAL_SENT("已报送"),
    PORTAL_RESEND("重新报送"),
    PORTAL_ADOPTED("报送已采用"),
    PORTAL_NOT_ADOPTED("报送未采用");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    /** The Chinese name staff see. */
    public String label() {
        return label;
    }

    /** Whether the row records this action. */
    public boolean is(AuditEntry entry) {
        return name().equals(entry.decision());
    }

    /** Whether a row of this action starts the review chain again (approvals before it no longer count). */
    public boolean restartsReview() {
        return this == SUBMIT || this == EDIT || this == REJECT || this == CREATE;
    }

    /** Whether a row of this action makes its actor an author of the item (who may not approve it). */
    public boolean authors() {
        return this == SUBMIT || this == EDIT || this == CREATE;
    }

    /** The action a stored code names, if it is one of ours. */
    public static Optional<AuditAction> of(String code) {
        for (AuditAction a : values()) {
            if (a.name().equals(code)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The label of a stored code, or the code itself when it names no action (an older or foreign row). */
    public static String labelOf(String code) {
        return of(code).map(AuditAction::label).orElse(code == null ? "" : code);
    }
}

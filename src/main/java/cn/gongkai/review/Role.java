package cn.gongkai.review;

/**
 * What a staff member may do: draft, review one step of the chain, or administer a unit; or, for the district office,
 * administer units and their administrators ({@link #DISTRICT_ADMIN}) or inspect everything without changing anything
 * ({@link #DISTRICT_INSPECTOR}). The district roles belong to no unit and act on no item.
 */
public enum Role {
    DRAFTER("drafter", "起草人"),
    DEPT_LEADER("dept-leader", "业务部门分管领导"),
    OFFICE_DIRECTOR("office-director", "办公室主任"),
    OFFICE_LEADER("office-leader", "办公室分管领导"),
    PRINCIPAL_LEADER("principal-leader", "主要领导"),
    ADMIN("admin", "管理员"),
    DISTRICT_ADMIN("district-admin", "区政府办管理员"),
    DISTRICT_INSPECTOR("district-inspector", "区政府办巡查员");

    private final String id;
    private final String label;

    Role(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name used in configuration and on the command line, e.g. {@code dept-leader}. */
    public String id() {
        return id;
    }

    /** The Chinese name staff see. */
    public String label() {
        return label;
    }

    /** True for the district office's roles, which belong to no unit and only read items. */
    public boolean district() {
        return this == DISTRICT_ADMIN || this == DISTRICT_INSPECTOR;
    }

    /** Parses a role by its id (case-insensitive) or its Chinese name. */
    public static Role parse(String text) {
        String t = text == null ? "" : text.strip();
        for (Role r : values()) {
            if (r.id.equalsIgnoreCase(t) || r.label.equals(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException("未知的角色“" + text + "”（可用：" + allIds() + "）");
    }

    /** Every role id, comma separated, for messages. */
    public static String allIds() {
        StringBuilder sb = new StringBuilder();
        for (Role r : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(r.id).append(' ').append(r.label);
        }
        return sb.toString();
    }
}

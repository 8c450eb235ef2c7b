package cn.gongkai.publish;

import java.util.Locale;

/** Where a ledger row came from. */
public enum LedgerSource {
    /** Published by gongkai; the row belongs to an item. */
    GONGKAI("gongkai", "本系统发布"),
    /** History imported from a file ({@code gongkai ledger import}); no item. */
    IMPORT("import", "历史导入"),
    /** Found in WeChat by {@code gongkai ledger reconcile}: published by hand in the back office; no item. */
    EXTERNAL("external", "外部发布");

    private final String code;
    private final String label;

    LedgerSource(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The value stored in the ledger's source column. */
    public String code() {
        return code;
    }

    /** What staff see. */
    public String label() {
        return label;
    }

    public static LedgerSource ofCode(String code) {
        for (LedgerSource s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown ledger source: " + code + " (known: "
                + java.util.Arrays.stream(values()).map(s -> s.code).toList() + ")");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

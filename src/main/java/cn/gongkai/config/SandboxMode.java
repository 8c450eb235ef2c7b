package cn.gongkai.config;

/** Whether accounts are served by the built-in WeChat simulator. */
public enum SandboxMode {
    /** Every account without a secret goes to the simulator. */
    AUTO,
    /** Every account goes to the simulator, even with a secret. */
    ON,
    /** No simulator; an account without a secret is a configuration error. */
    OFF;

    static SandboxMode parse(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> AUTO;
            case "on", "true" -> ON;
            case "off", "false" -> OFF;
            default -> throw new ConfigException("sandbox", String.valueOf(text), "只能是 auto、on 或 off");
        };
    }
}

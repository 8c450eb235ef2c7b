package cn.gongkai.config;

/** A configuration value is missing or wrong; the message names the key, the value and what is expected. */
public final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String value, String expected) {
        super("配置项 " + key + " 的值 \"" + value + "\" 无效：" + expected);
        this.key = key;
    }

    public ConfigException(String key, String message) {
        super("配置项 " + key + "：" + message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}

package cn.gongkai.config;

/** The console and API listener. */
public record WebConfig(String host, int port) {
    public WebConfig {
        if (host == null || host.isBlank()) {
            throw new ConfigException("web.host", String.valueOf(host), "监听地址不能为空，例如 0.0.0.0 或 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException("web.port", String.valueOf(port), "端口需在 0–65535 之间（0 表示任选空闲端口）");
        }
    }
}

package cn.gongkai.config;

/** Where the store lives. {@code ${data-dir}} in the URL is replaced by the data directory. */
public record DatabaseConfig(String url, String user, Secret password) {
    public DatabaseConfig {
        if (url == null || !(url.startsWith("jdbc:h2:") || url.startsWith("jdbc:postgresql:"))) {
            throw new ConfigException("database.url", String.valueOf(url),
                    "只支持 jdbc:h2:…（内置文件库）或 jdbc:postgresql://主机:端口/库名");
        }
        user = user == null ? "" : user;
        password = password == null ? Secret.empty() : password;
    }

    /** The URL with any credentials it carries removed, for printing. */
    public String safeUrl() {
        return url.replaceAll("(?i)(password|pwd)=[^;&]*", "$1=******");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + safeUrl() + ", user=" + user + ", password=" + password + "]";
    }
}

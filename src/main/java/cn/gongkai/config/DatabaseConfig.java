package cn.gongkai.config;

/** Where the store lives. {@code ${data-dir}} in the URL is replaced by the data directory. */
public record DatabaseConfig(String url, String user, Secret password) {
    public DatabaseConfig {
        if (url == null || !(url.startsWith("jdbc:h2:") || url.startsWith("jdbc:postgresql:"))) {
            throw new ConfigException("database.url", String.valueOf(JdbcUrls.mask(url)),
                    "只支持 jdbc:h2:…（内置文件库）或 jdbc:postgresql://主机:端口/库名");
        }
        if (JdbcUrls.hasUserInfo(url)) {
            throw new ConfigException("database.url", JdbcUrls.mask(url), "地址中不能写“用户名:密码@”（数据库驱动不支持这种写法，"
                    + "密码还会出现在日志里）。请写成 jdbc:postgresql://主机:端口/库名，用户名写在 database.user，"
                    + "密码放在环境变量 GONGKAI_DATABASE_PASSWORD 中");
        }
        user = user == null ? "" : user;
        password = password == null ? Secret.empty() : password;
    }

    /** The URL with any credentials it carries removed, for printing. */
    public String safeUrl() {
        return JdbcUrls.mask(url);
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + safeUrl() + ", user=" + user + ", password=" + password + "]";
    }
}

package cn.gongkai.testsupport;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.Secret;

/**
 * An account configuration with sensible defaults (红旗商务, a valid AppID and secret, freepublish on weekday mornings,
 * 8 articles per draft, no callback, sandbox on); set only what a test is about.
 */
public final class AccountBuilder {
    private String id = Fixtures.ACCOUNT;
    private String name = "红旗商务";
    private String appId = "wx0123456789abcdef";
    private Secret secret = Secret.of("test-secret-value");
    private String apiBaseUrl = "http://127.0.0.1:1";
    private String mode = AccountConfig.FREEPUBLISH;
    private String cron = "0 0 10 ? * MON-FRI";
    private int maxArticlesPerDraft = 8;
    private Secret callbackToken = Secret.empty();
    private boolean sandbox = true;
    private int dailyCap;
    private boolean dryRun;
    private Secret callbackAesKey = Secret.empty();

    private AccountBuilder() {
    }

    /** The default account, {@value Fixtures#ACCOUNT}. */
    public static AccountBuilder anAccount() {
        return new AccountBuilder();
    }

    public AccountBuilder id(String value) {
        id = value;
        return this;
    }

    public AccountBuilder name(String value) {
        name = value;
        return this;
    }

    public AccountBuilder appId(String value) {
        appId = value;
        return this;
    }

    public AccountBuilder secret(String value) {
        secret = Secret.of(value);
        return this;
    }

    public AccountBuilder apiBaseUrl(String value) {
        apiBaseUrl = value;
        return this;
    }

    public AccountBuilder mode(String value) {
        mode = value;
        return this;
    }

    public AccountBuilder cron(String value) {
        cron = value;
        return this;
    }

    public AccountBuilder maxArticlesPerDraft(int value) {
        maxArticlesPerDraft = value;
        return this;
    }

    /** The callback token; empty for none. */
    public AccountBuilder callbackToken(String value) {
        callbackToken = value.isEmpty() ? Secret.empty() : Secret.of(value);
        return this;
    }

    /** The EncodingAESKey of a safe-mode callback; empty for plain mode. */
    public AccountBuilder callbackAesKey(String value) {
        callbackAesKey = value.isEmpty() ? Secret.empty() : Secret.of(value);
        return this;
    }

    public AccountBuilder sandbox(boolean value) {
        sandbox = value;
        return this;
    }

    public AccountBuilder dailyCap(int value) {
        dailyCap = value;
        return this;
    }

    public AccountBuilder dryRun(boolean value) {
        dryRun = value;
        return this;
    }

    public AccountConfig build() {
        return new AccountConfig(id, name, appId, secret, apiBaseUrl, mode, cron, maxArticlesPerDraft, callbackToken,
                sandbox, dailyCap, dryRun, callbackAesKey);
    }
}

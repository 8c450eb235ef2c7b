package cn.gongkai.wechat;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.WeChatClientConfig;
import cn.gongkai.publish.CallBudget;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import okhttp3.Interceptor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link GuardedOkHttpService} per configured account, each counting its requests against the daily
 * {@link CallBudget} before they are sent.
 */
final class AccountServices implements AutoCloseable {

    private final Map<String, GuardedOkHttpService> services;

    AccountServices(List<AccountConfig> accounts, WeChatClientConfig client, CallBudget budget) {
        Map<String, GuardedOkHttpService> map = new LinkedHashMap<>();
        for (AccountConfig account : accounts) {
            if (map.containsKey(account.id())) {
                throw new IllegalArgumentException("WeChat account '" + account.id() + "' is configured twice");
            }
            map.put(account.id(), new GuardedOkHttpService(storage(account), client, guard(account.id(), budget)));
        }
        this.services = Map.copyOf(map);
    }

    /** The service of a configured account; an unknown id is a programming error. */
    GuardedOkHttpService of(String account) {
        GuardedOkHttpService s = services.get(account);
        if (s == null) {
            throw new IllegalArgumentException("unknown WeChat account '" + account + "'; configured accounts: "
                    + services.keySet());
        }
        return s;
    }

    /** Shuts down every account's HTTP client. */
    @Override
    public void close() {
        services.values().forEach(GuardedOkHttpService::close);
    }

    /** Counts each request under its API name (the path after {@code /cgi-bin/}) before it is sent. */
    private static Interceptor guard(String account, CallBudget budget) {
        return chain -> {
            budget.spend(account, apiName(chain.request().url().encodedPath()));
            return chain.proceed(chain.request());
        };
    }

    static String apiName(String path) {
        int at = path.indexOf("/cgi-bin/");
        String api = at < 0 ? path : path.substring(at + "/cgi-bin/".length());
        while (api.startsWith("/")) {
            api = api.substring(1);
        }
        while (api.endsWith("/")) {
            api = api.substring(0, api.length() - 1);
        }
        return api;
    }

    private static WxMpDefaultConfigImpl storage(AccountConfig account) {
        WxMpDefaultConfigImpl cfg = new MaskedWxConfig();
        cfg.setAppId(account.appId());
        cfg.setSecret(account.secret().reveal());
        cfg.useStableAccessToken(true);
        String base = account.apiBaseUrl();
        cfg.setHostConfig(WxMpHostConfig.builder().apiHost(base).mpHost(base).openHost(base).build());
        return cfg;
    }
}

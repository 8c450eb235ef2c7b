package cn.gongkai.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code openapi/quota/get}: the account's daily limit, use and remainder of one API ({@code cgi_path}). For an API
 * the account may not call (a publishing API of an unverified account) it answers a daily limit of 0 — the real
 * API's answer for that case is not documented; the shape is the documented example's.
 */
final class QuotaApi {
    private final SimState state;

    QuotaApi(SimState state) {
        this.state = state;
    }

    Reply get(Call call, Endpoints endpoints) {
        String path = Json.text(call.json(), "cgi_path");
        if (path == null || !path.startsWith("/cgi-bin/")) {
            throw new ApiError(76003, "invalid cgi_path");
        }
        Endpoints.Route route = endpoints.route(path)
                .orElseThrow(() -> new ApiError(76021, "cgi_path not found, please check"));
        boolean allowed = !route.publishing() || call.account().account.verified();
        int limit = allowed ? state.quotas.limit(route.name()) : 0;
        int used = allowed ? state.quotas.used(call.appId(), route.name(), call.now()) : 0;
        ObjectNode node = Json.error(0, "ok");
        ObjectNode quota = node.putObject("quota");
        quota.put("daily_limit", limit);
        quota.put("used", used);
        quota.put("remain", Math.max(0, limit - used));
        return Reply.json(node);
    }
}

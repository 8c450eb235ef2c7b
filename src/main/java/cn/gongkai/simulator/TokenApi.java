package cn.gongkai.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code token}, {@code stable_token} and {@code clear_quota}. */
final class TokenApi {
    private final SimState state;

    TokenApi(SimState state) {
        this.state = state;
    }

    /** {@code GET /cgi-bin/token}: a new token each time; a wrong secret is 40001 as the real endpoint answers. */
    Reply token(Call call) {
        if (!"client_credential".equals(call.query().get("grant_type"))) {
            throw new ApiError(40002, "invalid grant_type");
        }
        String appId = call.query().get("appid");
        if (appId == null || appId.isBlank()) {
            throw new ApiError(41002, "appid missing");
        }
        AccountState account = state.account(appId);
        state.quotas.consume(appId, "token", call.now());
        if (!account.account.secret().equals(call.query().get("secret"))) {
            throw new ApiError(40001, "invalid credential, AppSecret error or access_token is invalid");
        }
        return issued(state.tokens.fetch(appId, call.now()));
    }

    /** {@code POST /cgi-bin/stable_token}: the shared token, rotated only by force; a wrong secret is 40125. */
    Reply stableToken(Call call) {
        ObjectNode body = call.json();
        if (!"client_credential".equals(Json.text(body, "grant_type"))) {
            throw new ApiError(40002, "invalid grant_type");
        }
        String appId = Json.text(body, "appid");
        if (appId == null || appId.isBlank()) {
            throw new ApiError(41002, "appid missing");
        }
        AccountState account = state.account(appId);
        state.quotas.consume(appId, "stable_token", call.now());
        if (!account.account.secret().equals(Json.text(body, "secret"))) {
            throw new ApiError(40125, "invalid appsecret");
        }
        JsonNode force = body.get("force_refresh");
        boolean forceRefresh = force != null && (force.asBoolean(false) || "true".equalsIgnoreCase(force.asText()));
        if (forceRefresh) {
            state.quotas.consume(appId, "stable_token#force", call.now());
        }
        return issued(state.tokens.stable(appId, forceRefresh, call.now()));
    }

    /** {@code POST /cgi-bin/clear_quota}: resets the account's daily counters, ten times a month. */
    Reply clearQuota(Call call) {
        String appId = Json.text(call.json(), "appid");
        if (appId == null || appId.isBlank()) {
            throw new ApiError(41002, "appid missing");
        }
        if (!appId.equals(call.appId())) {
            throw new ApiError(40013, "invalid appid");
        }
        state.quotas.clearByApi(appId, call.now());
        return Reply.ok();
    }

    private static Reply issued(TokenStore.Issued issued) {
        ObjectNode node = Json.object();
        node.put("access_token", issued.token());
        node.put("expires_in", issued.expiresIn());
        return Reply.json(node);
    }
}

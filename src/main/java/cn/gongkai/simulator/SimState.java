package cn.gongkai.simulator;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** All simulated WeChat state behind one lock (this object), plus the guard every authenticated call passes. */
final class SimState {
    /** A PUBLISHJOBFINISH event waiting to be pushed, built under the lock and sent outside it. */
    record Event(URI url, String token, String xml) {
    }

    final Clock clock;
    final Ids ids;
    final TokenStore tokens;
    final Faults faults;
    final Quotas quotas;
    final SimulatorRecord record = new SimulatorRecord();
    private final Map<String, AccountState> accounts = new HashMap<>();
    private final List<Event> events = new ArrayList<>();

    SimState(Clock clock, long seed) {
        this.clock = clock;
        this.ids = new Ids(seed);
        this.tokens = new TokenStore(ids);
        this.faults = new Faults(this::revokeTokens);
        this.quotas = new Quotas(faults);
    }

    Instant now() {
        return clock.instant();
    }

    synchronized SimAccount register(SimAccount account) {
        AccountState existing = accounts.get(account.appId());
        if (existing != null && !existing.account.equals(account)) {
            throw new IllegalArgumentException("appId " + account.appId() + " is already registered differently");
        }
        if (existing == null) {
            accounts.put(account.appId(), new AccountState(account));
        }
        return account;
    }

    synchronized void setCallback(String appId, URI url, String token) {
        account(appId).callback = url == null ? null : new AccountState.Callback(url, token == null ? "" : token);
    }

    /** The account with this appid; 40013 when there is none. */
    synchronized AccountState account(String appId) {
        AccountState state = appId == null ? null : accounts.get(appId);
        if (state == null) {
            throw new ApiError(40013, "invalid appid");
        }
        return state;
    }

    synchronized boolean knows(String appId) {
        return appId != null && accounts.containsKey(appId);
    }

    synchronized String tokenOwner(String token) {
        return tokens.ownerOf(token);
    }

    synchronized void revokeTokens(String appId) {
        account(appId);
        tokens.revokeAll(appId);
    }

    synchronized void resetQuota(String appId) {
        quotas.reset(appId);
    }

    /** Runs one call: token check, publishing permission, daily quota, then the operation. */
    synchronized Reply execute(Endpoints.Route route, Call call) {
        Instant now = call.now();
        try {
            if (!route.authenticated()) {
                return route.operation().apply(call);
            }
            String appId = tokens.check(call.query().get("access_token"), now);
            AccountState account = account(appId);
            if (route.publishing() && !account.account.verified()) {
                throw new ApiError(48001, "api unauthorized");
            }
            quotas.consume(appId, route.name(), now);
            return route.operation().apply(new Call(call.endpoint(), call.query(), call.contentType(), call.body(),
                    now, account));
        } catch (ApiError e) {
            return error(e);
        }
    }

    Reply error(ApiError e) {
        var node = Json.error(e.code(), e.getMessage() + " rid: " + HexFormat.of().toHexDigits(ids.word(8).hashCode())
                + "-" + ids.word(8));
        if (e.extraJsonField() != null) {
            node.set(e.extraJsonField(), Json.MAPPER.valueToTree(e.extraJsonValue()));
        }
        return Reply.json(node);
    }

    synchronized List<AccountState> allAccounts() {
        return List.copyOf(accounts.values());
    }

    synchronized void queue(Event event) {
        events.add(event);
    }

    synchronized List<Event> takeEvents() {
        List<Event> taken = List.copyOf(events);
        events.clear();
        return taken;
    }
}

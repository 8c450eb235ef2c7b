package cn.gongkai.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** Serves {@code /cgi-bin/*}: counts the call, applies faults, runs the endpoint, answers or drops the answer. */
final class ApiHandler implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());

    private final SimState state;
    private final Endpoints endpoints;
    private final CallbackNotifier notifier;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    ApiHandler(SimState state, Endpoints endpoints, CallbackNotifier notifier) {
        this.state = state;
        this.endpoints = endpoints;
        this.notifier = notifier;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try {
            serve(exchange);
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "simulator failed on " + exchange.getRequestURI(), e);
            Http.send(exchange, new Reply(500, Reply.JSON, Json.bytes(Json.error(-1, "system error"))));
        } finally {
            exchange.close();
            notifier.send(state.takeEvents());
            inFlight.decrementAndGet();
        }
    }

    /** Routes one call, counts it, applies the faults set for it and replies (or drops the connection). */
    private void serve(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Optional<Endpoints.Route> found = endpoints.route(exchange.getRequestURI().getPath());
        if (found.isEmpty()) {
            Http.send(exchange, new Reply(404, Reply.JSON, Json.bytes(Json.error(404, "api not found"))));
            return;
        }
        Endpoints.Route route = found.get();
        Map<String, String> query = Http.query(exchange.getRequestURI().getRawQuery());
        String appId = accountHint(route, query, body);
        state.record.countCall(appId, route.name());
        Optional<String> blockedIp = state.faults.blockedIp(appId);
        if (blockedIp.isPresent()) {
            String ip = blockedIp.get();
            Http.send(exchange, state.error(new ApiError(40164, "invalid ip " + ip + " ipv6 ::ffff:" + ip
                    + ", not in whitelist")));
            return;
        }
        FaultRule fault = delayedFault(route, appId);
        Optional<Reply> injected = injected(route, fault);
        if (injected.isPresent()) {
            Http.send(exchange, injected.get());
            return;
        }
        Call call = new Call(route.name(), query, exchange.getRequestHeaders().getFirst("Content-Type"), body,
                state.now(), null);
        Reply reply = state.execute(route, call);
        if (fault != null && fault.action() == FaultRule.Action.DROP) {
            state.record.countFault(route.name(), "drop");
            exchange.close();
            return;
        }
        Http.send(exchange, reply);
    }

    /** Waits the delay the faults set for this call, if any; the terminal fault for it, or null. */
    private FaultRule delayedFault(Endpoints.Route route, String appId) {
        Faults.Decision decision = state.faults.decide(route.name(), appId);
        if (decision.delayMillis() > 0) {
            state.record.countFault(route.name(), "delay");
        }
        pause(decision.delayMillis());
        return decision.terminal();
    }

    /** The reply a fault injects instead of handling the call (an errcode or an HTTP error page), if any. */
    private Optional<Reply> injected(Endpoints.Route route, FaultRule fault) {
        if (fault != null && fault.action() == FaultRule.Action.ERRCODE) {
            state.record.countFault(route.name(), "errcode " + fault.errcode());
            return Optional.of(state.error(ApiError.injected(fault.errcode())));
        }
        if (fault != null && fault.action() == FaultRule.Action.HTTP) {
            state.record.countFault(route.name(), "http " + fault.httpStatus());
            return Optional.of(Http.htmlError(fault.httpStatus()));
        }
        return Optional.empty();
    }

    /** Requests being handled right now (a delayed one stays in flight after its caller gave up). */
    int inFlight() {
        return inFlight.get();
    }

    /** The account a call is for, without judging it: appid for token calls, the token's owner otherwise. */
    private String accountHint(Endpoints.Route route, Map<String, String> query, byte[] body) {
        String appId;
        if (route.name().equals("token")) {
            appId = query.get("appid");
        } else if (route.name().equals("stable_token")) {
            try {
                ObjectNode json = Json.body(body);
                appId = Json.text(json, "appid");
            } catch (ApiError e) {
                appId = null;
            }
        } else {
            appId = state.tokenOwner(query.get("access_token"));
        }
        return state.knows(appId) ? appId : SimulatorRecord.UNKNOWN_ACCOUNT;
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

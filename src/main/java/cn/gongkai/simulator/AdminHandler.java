package cn.gongkai.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;

/**
 * Serves {@code /sim/*}: {@code GET /sim/healthz}, {@code GET /sim/record}, {@code GET|POST|DELETE
 * /sim/admin/faults}, {@code POST /sim/admin/reset-quota}, {@code POST /sim/admin/invalidate-tokens},
 * {@code POST /sim/admin/accounts}. Answers JSON; bad input is HTTP 400 with {@code {"error":...}}.
 */
final class AdminHandler implements HttpHandler {
    private final WeChatSimulator simulator;

    AdminHandler(WeChatSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            Reply reply;
            try {
                reply = switch (route) {
                    case "GET /sim/healthz" -> Reply.json(Json.object().put("status", "ok"));
                    case "GET /sim/record" -> Reply.json(simulator.record().toJson());
                    case "GET /sim/admin/faults" -> Reply.json(Json.object()
                            .set("rules", Json.MAPPER.valueToTree(simulator.faults().rules())));
                    case "POST /sim/admin/faults" -> addFaults(body);
                    case "DELETE /sim/admin/faults" -> {
                        simulator.faults().clear();
                        yield done();
                    }
                    case "POST /sim/admin/reset-quota" -> {
                        simulator.resetQuota(body.length == 0 ? null : Json.text(json(body), "appid"));
                        yield done();
                    }
                    case "POST /sim/admin/invalidate-tokens" -> {
                        simulator.faults().invalidateTokens(required(json(body), "appid"));
                        yield done();
                    }
                    case "POST /sim/admin/accounts" -> register(json(body));
                    default -> new Reply(404, Reply.JSON, Json.bytes(Json.object().put("error", "no route " + route)));
                };
            } catch (IllegalArgumentException | ApiError e) {
                reply = new Reply(400, Reply.JSON, Json.bytes(Json.object().put("error", String.valueOf(e.getMessage()))));
            }
            Http.send(exchange, reply);
        }
    }

    /** Accepts one rule ({@code {"action":...}}), an array of rules, or a whole {@link FaultPlan}. */
    private Reply addFaults(byte[] body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            FaultPlan plan;
            if (node != null && node.isArray()) {
                plan = new FaultPlan(Json.MAPPER.convertValue(node,
                        Json.MAPPER.getTypeFactory().constructCollectionType(java.util.List.class, FaultRule.class)),
                        null, null, null, null, null, null);
            } else if (node != null && node.has("action")) {
                plan = new FaultPlan(java.util.List.of(Json.MAPPER.treeToValue(node, FaultRule.class)),
                        null, null, null, null, null, null);
            } else {
                plan = Json.MAPPER.treeToValue(node, FaultPlan.class);
            }
            simulator.faults().apply(plan);
            return Reply.json(Json.object().put("errcode", 0).put("rules", simulator.faults().rules().size()));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("bad fault plan: " + rootMessage(e), e);
        }
    }

    private Reply register(ObjectNode body) {
        SimAccount account = simulator.registerAccount(required(body, "appid"), required(body, "secret"),
                AccountType.valueOf(Json.text(body, "type") == null ? "SERVICE"
                        : Json.text(body, "type").toUpperCase(java.util.Locale.ROOT)),
                body.path("verified").asBoolean(true));
        String callback = Json.text(body, "callbackUrl");
        if (callback != null) {
            simulator.setCallback(account.appId(), URI.create(callback), Json.text(body, "callbackToken"));
        }
        return done();
    }

    private static ObjectNode json(byte[] body) {
        try {
            return Json.body(body);
        } catch (ApiError e) {
            throw new IllegalArgumentException("body must be a JSON object");
        }
    }

    private static String required(ObjectNode body, String field) {
        String value = Json.text(body, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static Reply done() {
        return Reply.json(Json.object().put("errcode", 0).put("errmsg", "ok"));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}

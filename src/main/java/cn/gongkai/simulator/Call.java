package cn.gongkai.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/** One WeChat API request as an endpoint sees it; {@code account} is null for the token endpoints. */
record Call(String endpoint, Map<String, String> query, String contentType, byte[] body, Instant now,
            AccountState account) {

    ObjectNode json() {
        return Json.body(body);
    }

    String appId() {
        return account.account.appId();
    }
}

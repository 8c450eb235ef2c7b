package cn.gongkai.wechat;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.gongkai.wechat.WireServer.TOKEN_PATH;
import static cn.gongkai.wechat.WireServer.json;
import static cn.gongkai.wechat.WxJavaGatewayWireTest.CLOCK;
import static cn.gongkai.wechat.WxJavaGatewayWireTest.FAST;
import static org.assertj.core.api.Assertions.assertThat;

class MultiAccountTest {

    static final String STATUS = "/cgi-bin/freepublish/get";

    @Test
    void callsForSeveralAccountsFromManyThreadsGoToEachAccountsOwnHostWithItsOwnAppId() throws Exception {
        try (WireServer a = new WireServer(); WireServer b = new WireServer()) {
            a.always(STATUS, json("{\"publish_id\":\"1\",\"publish_status\":0,\"article_id\":\"FROM-A\"}"));
            b.always(STATUS, json("{\"publish_id\":\"1\",\"publish_status\":0,\"article_id\":\"FROM-B\"}"));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try (WxJavaGateway gateway = new WxJavaGateway(List.of(
                    WxJavaGatewayWireTest.account("hongqi", "wxaaaaaaaaaaaaaaaa", a),
                    WxJavaGatewayWireTest.account("dongfang", "wxbbbbbbbbbbbbbbbb", b)), FAST, CLOCK)) {
                List<Future<String>> results = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String account = i % 2 == 0 ? "hongqi" : "dongfang";
                    results.add(pool.submit(() -> account + ":" + gateway.publishStatus(account, "1").articleId()));
                }
                for (int i = 0; i < results.size(); i++) {
                    String expected = i % 2 == 0 ? "hongqi:FROM-A" : "dongfang:FROM-B";
                    assertThat(results.get(i).get()).isEqualTo(expected);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(a.count(STATUS)).isEqualTo(20);
            assertThat(b.count(STATUS)).isEqualTo(20);
            assertThat(a.requests(TOKEN_PATH)).isNotEmpty().allSatisfy(r ->
                    assertThat(r.getBody().string(StandardCharsets.UTF_8)).contains("wxaaaaaaaaaaaaaaaa"));
            assertThat(b.requests(TOKEN_PATH)).isNotEmpty().allSatisfy(r ->
                    assertThat(r.getBody().string(StandardCharsets.UTF_8)).contains("wxbbbbbbbbbbbbbbbb"));
        }
    }

    @Test
    void theSameAccountIdTwiceIsRejected() throws Exception {
        try (WireServer a = new WireServer()) {
            var account = WxJavaGatewayWireTest.account("hongqi", "wxaaaaaaaaaaaaaaaa", a);
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> new WxJavaGateway(List.of(account, account), FAST, CLOCK))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hongqi");
        }
    }

}

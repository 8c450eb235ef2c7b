package cn.gongkai.wechat;

import static cn.gongkai.wechat.WxJavaGatewayWireTest.FAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.publish.CallBudget;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-account WxJava services behind the gateway: the API name a request is counted under, unknown accounts. */
class AccountServicesTest {

    @Test
    void aRequestIsCountedUnderItsPathAfterCgiBin() {
        assertThat(AccountServices.apiName("/cgi-bin/freepublish/submit")).isEqualTo("freepublish/submit");
        assertThat(AccountServices.apiName("/relay/cgi-bin//draft/add/")).isEqualTo("draft/add");
        assertThat(AccountServices.apiName("/other/path")).isEqualTo("other/path");
    }

    @Test
    void anUnknownAccountIsRefusedNamingTheConfiguredOnes() throws Exception {
        try (WireServer wire = new WireServer();
             AccountServices services = new AccountServices(
                     List.of(WxJavaGatewayWireTest.account("hongqi", "wxaaaaaaaaaaaaaaaa", wire)), FAST,
                     CallBudget.inMemory(FAST.dailyLimits(), FAST.quotaShare(), WxJavaGatewayWireTest.CLOCK))) {
            assertThat(services.of("hongqi")).isNotNull();
            assertThatThrownBy(() -> services.of("dongfang")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("dongfang").hasMessageContaining("[hongqi]");
        }
    }
}

package cn.gongkai.wechat;

import cn.gongkai.publish.WeChatException;
import cn.gongkai.publish.WeChatException.Kind;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WeChatErrorsTest {

    static final List<Integer> DOCUMENTED = List.of(-1, -99, 40001, 40014, 42001, 40002, 40005, 40007, 40009, 40113,
            40114, 40164, 41039, 44003, 45002, 45003, 45004, 45008, 45009, 45011, 45028, 45065, 45066, 45067, 45103,
            45166, 48001, 48006, 50002, 53402, 53404, 53405, 53406, 53503, 53504, 53505, 53600, 88000, 89503,
            40013, 40125, 40243, 89506, 89507);

    @Test
    void everyDocumentedCodeHasItsOwnChineseMessage() {
        assertThat(WeChatErrors.knownCodes()).containsAll(DOCUMENTED);
        for (int code : DOCUMENTED) {
            String message = WeChatErrors.staffMessage(code, "");
            assertThat(message).as("code %d", code).containsPattern("\\p{IsHan}{4,}")
                    .doesNotContain("本系统不认识");
        }
    }

    @Test
    void retryableCodesAreTransientAndQuotaCodesAreQuota() {
        assertThat(List.of(-1, -99, -2, 45011, 45066, 89503)).allSatisfy(c ->
                assertThat(WeChatErrors.kindOf(c)).isEqualTo(Kind.TRANSIENT));
        assertThat(WeChatErrors.kindOf(45009)).isEqualTo(Kind.QUOTA);
        assertThat(WeChatErrors.kindOf(45028)).isEqualTo(Kind.QUOTA);
        assertThat(List.of(40001, 40014, 42001, 48001, 40164, 40125, 40013, 45002, 45003, 45004, 45166, 40005, 40009,
                40007, 53503)).allSatisfy(c -> assertThat(WeChatErrors.kindOf(c)).isEqualTo(Kind.PERMANENT));
    }

    @Test
    void anUnknownCodeGetsAGenericPermanentMessageWithTheCodeAndErrmsg() {
        WeChatException e = WeChatErrors.toException("hongqi", "draft/add", 61999, "something new", null,
                Clock.systemUTC());

        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.staffMessage()).contains("61999", "something new");
        assertThat(e.getMessage()).contains("hongqi", "draft/add", "61999");
    }

    @Test
    void theWhitelistMessageNamesTheIpWeChatSawWhenItIsInTheErrmsg() {
        assertThat(WeChatErrors.staffMessage(40164,
                "invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: 6601a-2b"))
                .startsWith("服务器 IP（微信看到的是 1.2.3.4）不在公众号的 IP 白名单中：请公众号管理员在 "
                        + "mp.weixin.qq.com → 设置与开发 → 基本配置 → IP白名单 中添加该 IP。");
        assertThat(WeChatErrors.staffMessage(40164, "not in whitelist"))
                .startsWith("服务器 IP不在公众号的 IP 白名单中");
    }

    @Test
    void quotaWorkMayRunAgainAtTheNextMidnightInBeijing() {
        Clock lateEvening = Clock.fixed(Instant.parse("2026-03-02T15:59:00Z"), ZoneOffset.UTC); // 23:59 Beijing
        Clock justAfter = Clock.fixed(Instant.parse("2026-03-02T16:00:00Z"), ZoneOffset.UTC); // 00:00 Beijing

        assertThat(WeChatErrors.toException("a", "x", 45009, "", null, lateEvening).retryAfter())
                .isEqualTo(Instant.parse("2026-03-02T16:00:00Z"));
        assertThat(WeChatErrors.toException("a", "x", 45028, "", null, justAfter).retryAfter())
                .isEqualTo(Instant.parse("2026-03-03T16:00:00Z"));
        assertThat(WeChatErrors.toException("a", "x", 48001, "", null, justAfter).retryAfter()).isNull();
    }

    @Test
    void theErrmsgInAMessageIsScrubbed() {
        assertThat(WeChatErrors.staffMessage(-1, "busy at /cgi-bin/x?access_token=TOK123&a=1"))
                .doesNotContain("TOK123").contains("access_token=***");
    }
}

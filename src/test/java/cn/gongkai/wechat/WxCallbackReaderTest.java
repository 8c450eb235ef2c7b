package cn.gongkai.wechat;

import static cn.gongkai.testsupport.AccountBuilder.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.publish.CallbackReader;
import cn.gongkai.publish.PublishStatus;
import java.util.List;
import java.util.Optional;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.Test;

class WxCallbackReaderTest {
    private static final String APP_ID = "wx0123456789abcdef";
    private static final String TOKEN = "callback-token-1";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private static AccountConfig account(String id, String token, String aesKey) {
        return anAccount().id(id).appId(APP_ID).secret("s").apiBaseUrl("https://api.weixin.qq.com")
                .callbackToken(token).sandbox(false).callbackAesKey(aesKey).build();
    }

    private final WxCallbackReader reader = new WxCallbackReader(List.of(account("plain", TOKEN, ""),
            account("aes", TOKEN, AES_KEY), account("none", "", "")));

    static String event(long publishId, int status, String inner) {
        return "<xml><ToUserName><![CDATA[gh_4d00ed8d6399]]></ToUserName>"
                + "<FromUserName><![CDATA[oV5CrjpxgaGXNHIQigzNlgLTnwic]]></FromUserName>"
                + "<CreateTime>1481013459</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[PUBLISHJOBFINISH]]></Event><PublishEventInfo>"
                + "<publish_id>" + publishId + "</publish_id><publish_status>" + status + "</publish_status>"
                + inner + "</PublishEventInfo></xml>";
    }

    static final String TWO_ARTICLES = "<article_id><![CDATA[b5O2OUs25HBxRceL7hfReg-U9QGeq9zQjiDvy]]></article_id>"
            + "<article_detail><count>2</count>"
            + "<item><idx>1</idx><article_url><![CDATA[https://mp.weixin.qq.com/s/one]]></article_url></item>"
            + "<item><idx>2</idx><article_url><![CDATA[https://mp.weixin.qq.com/s/two]]></article_url></item>"
            + "</article_detail>";

    private static CallbackReader.Request plain(String body) {
        return new CallbackReader.Request("1714000000", "12345", SHA1.gen(TOKEN, "1714000000", "12345"), null, null,
                body);
    }

    @Test
    void aUrlVerificationWithTheRightSignatureEchoesEchostr() {
        String signature = SHA1.gen(TOKEN, "1714000000", "987");

        assertThat(reader.verify("plain", "1714000000", "987", signature, "echo-me")).contains("echo-me");
        assertThat(reader.verify("plain", "1714000000", "987", "0".repeat(40), "echo-me")).isEmpty();
        assertThat(reader.verify("plain", "1714000000", "987", null, "echo-me")).isEmpty();
    }

    @Test
    void readsAPlainModeEventWithEveryArticleLink() {
        Optional<PublishStatus> status = reader.read("plain", plain(event(2247503051L, 0, TWO_ARTICLES)));

        assertThat(status).hasValueSatisfying(s -> {
            assertThat(s.publishId()).isEqualTo("2247503051");
            assertThat(s.state()).isEqualTo(PublishStatus.State.SUCCESS);
            assertThat(s.articleId()).isEqualTo("b5O2OUs25HBxRceL7hfReg-U9QGeq9zQjiDvy");
            assertThat(s.articles()).extracting(PublishStatus.PublishedArticle::url)
                    .containsExactly("https://mp.weixin.qq.com/s/one", "https://mp.weixin.qq.com/s/two");
        });
    }

    @Test
    void readsOneArticleAndEveryFailIdx() {
        String one = "<article_id><![CDATA[A1]]></article_id><article_detail><count>1</count><item><idx>1</idx>"
                + "<article_url><![CDATA[https://mp.weixin.qq.com/s/x]]></article_url></item></article_detail>";
        assertThat(reader.read("plain", plain(event(7, 0, one)))).hasValueSatisfying(s ->
                assertThat(s.articles()).singleElement().extracting(PublishStatus.PublishedArticle::index)
                        .isEqualTo(1));

        assertThat(reader.read("plain", plain(event(8, 4, "<fail_idx>1</fail_idx><fail_idx>3</fail_idx>"))))
                .hasValueSatisfying(s -> {
                    assertThat(s.state()).isEqualTo(PublishStatus.State.REJECTED_BY_REVIEW);
                    assertThat(s.failIdx()).containsExactly(1, 3);
                });
        assertThat(reader.read("plain", plain(event(9, 2, "<fail_idx>2</fail_idx>"))))
                .hasValueSatisfying(s -> assertThat(s.failIdx()).containsExactly(2));
    }

    @Test
    void aWrongSignatureIsRejected() {
        CallbackReader.Request forged = new CallbackReader.Request("1714000000", "12345", "0".repeat(40), null, null,
                event(1, 0, TWO_ARTICLES));

        assertThatThrownBy(() -> reader.read("plain", forged)).isInstanceOf(CallbackReader.Rejected.class)
                .hasMessageContaining("signature");
    }

    @Test
    void otherMessagesAndEventsAreIgnored() {
        String text = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName>"
                + "<CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content>"
                + "<MsgId>1</MsgId></xml>";
        String subscribe = text.replace("<MsgType><![CDATA[text]]></MsgType>",
                "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event>");

        assertThat(reader.read("plain", plain(text))).isEmpty();
        assertThat(reader.read("plain", plain(subscribe))).isEmpty();
    }

    @Test
    void decryptsAnAesModeEventAndChecksItsMsgSignature() {
        WxCryptUtil crypt = new WxCryptUtil(TOKEN, AES_KEY, APP_ID);
        WxCryptUtil.EncryptContext sealed = crypt.encryptContext(event(2247503099L, 0, TWO_ARTICLES));
        String body = "<xml><ToUserName><![CDATA[gh_4d00ed8d6399]]></ToUserName><Encrypt><![CDATA["
                + sealed.getEncrypt() + "]]></Encrypt></xml>";

        Optional<PublishStatus> status = reader.read("aes", new CallbackReader.Request(sealed.getTimeStamp(),
                sealed.getNonce(), SHA1.gen(TOKEN, sealed.getTimeStamp(), sealed.getNonce()), "aes",
                sealed.getSignature(), body));

        assertThat(status).hasValueSatisfying(s -> {
            assertThat(s.publishId()).isEqualTo("2247503099");
            assertThat(s.articles()).hasSize(2);
        });
        assertThatThrownBy(() -> reader.read("aes", new CallbackReader.Request(sealed.getTimeStamp(),
                sealed.getNonce(), "", "aes", "0".repeat(40), body))).isInstanceOf(CallbackReader.Rejected.class);
        assertThatThrownBy(() -> reader.read("plain", new CallbackReader.Request(sealed.getTimeStamp(),
                sealed.getNonce(), "", "aes", sealed.getSignature(), body)))
                .isInstanceOf(CallbackReader.Rejected.class).hasMessageContaining("callback-aes-key");
    }

    @Test
    void anAesBodyThatDecryptsToADoctypeOrNonNumericFieldsIsMalformedNotACrash() {
        WxCryptUtil crypt = new WxCryptUtil(TOKEN, AES_KEY, APP_ID);
        for (String inner : List.of("<!DOCTYPE xml [<!ENTITY x \"y\">]><xml><MsgType>&x;</MsgType></xml>",
                event(2247503099L, 0, TWO_ARTICLES.replace("<idx>2</idx>", "<idx>2a</idx>")))) {
            WxCryptUtil.EncryptContext sealed = crypt.encryptContext(inner);
            String body = "<xml><ToUserName><![CDATA[gh_4d00ed8d6399]]></ToUserName><Encrypt><![CDATA["
                    + sealed.getEncrypt() + "]]></Encrypt></xml>";

            assertThatThrownBy(() -> reader.read("aes", new CallbackReader.Request(sealed.getTimeStamp(),
                    sealed.getNonce(), "", "aes", sealed.getSignature(), body)))
                    .isInstanceOf(CallbackReader.Malformed.class);
        }
    }

    @Test
    void aPlainBodyThatIsNotWellFormedOrTooDeepIsMalformedOnceTheSignatureIsRight() {
        assertThatThrownBy(() -> reader.read("plain", plain("<xml><a></xml>")))
                .isInstanceOf(CallbackReader.Malformed.class).hasMessageContaining("well-formed");
        assertThatThrownBy(() -> reader.read("plain", plain("<xml>" + "<a>".repeat(9) + "</a>".repeat(9) + "</xml>")))
                .isInstanceOf(CallbackReader.Malformed.class).hasMessageContaining("deeper");
        assertThatThrownBy(() -> reader.read("plain", new CallbackReader.Request("1714000000", "12345",
                "0".repeat(40), null, null, "<xml><a></xml>"))).isInstanceOf(CallbackReader.Rejected.class);
    }

    @Test
    void anAccountWithoutACallbackTokenHasNoCallback() {
        assertThat(reader.enabled("none")).isFalse();
        assertThat(reader.enabled("plain")).isTrue();
        assertThat(reader.enabled("unknown")).isFalse();
        assertThatThrownBy(() -> reader.read("none", plain(event(1, 0, ""))))
                .isInstanceOf(CallbackReader.Rejected.class);
    }
}

package cn.gongkai.wechat;

import cn.gongkai.publish.WeChatException.Kind;
import cn.gongkai.wechat.Failure.Delivery;
import com.google.gson.JsonSyntaxException;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class CallPolicyTest {

    static final Clock CLOCK = Clock.systemUTC();

    @Test
    void aRefusedConnectionNeverReachedWeChat() {
        Failure f = Failure.of(new WxErrorException(new ConnectException("Failed to connect to /127.0.0.1:1")));

        assertThat(f.delivery()).isEqualTo(Delivery.NOT_SENT);
        assertThat(CallPolicy.DRAFT.retries(f)).isTrue();
        assertThat(CallPolicy.PUBLISH.retries(f)).isFalse();
        assertThat(CallPolicy.PUBLISH.toException("a", "freepublish/submit", f, CLOCK).kind()).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void aTimeoutOrBrokenStreamMayHaveReachedWeChat() {
        Failure timeout = Failure.of(new WxErrorException(new SocketTimeoutException("timeout")));
        Failure eof = Failure.of(new WxErrorException(new IOException("unexpected end of stream")));

        assertThat(timeout.delivery()).isEqualTo(Delivery.NO_ANSWER);
        assertThat(eof.delivery()).isEqualTo(Delivery.NO_ANSWER);
        assertThat(CallPolicy.IDEMPOTENT.retries(timeout)).isTrue();
        assertThat(CallPolicy.DRAFT.retries(timeout)).isFalse();
        assertThat(CallPolicy.PUBLISH.toException("a", "s", eof, CLOCK).kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
    }

    @Test
    void wxJavasGiveUpAfterBusyIsReadAsBusy() {
        Failure f = Failure.of(new WxRuntimeException(Failure.WXJAVA_BUSY_GAVE_UP));

        assertThat(f.code()).isEqualTo(-1);
        assertThat(f.delivery()).isEqualTo(Delivery.ANSWERED);
    }

    @Test
    void aTokenFetchThatFailedOnTheNetworkSentNothingElse() {
        Failure f = Failure.of(new WxRuntimeException(new IOException("connection reset")));

        assertThat(f.delivery()).isEqualTo(Delivery.NOT_SENT);
        assertThat(f.code()).isEqualTo(WeChatErrors.NETWORK);
    }

    @Test
    void uncheckedExceptionsFromWxJavaBecomeUnreadableAnswers() {
        Failure json = Failure.of(new JsonSyntaxException("Expected BEGIN_OBJECT but was STRING"));
        Failure npe = Failure.of(new NullPointerException());

        assertThat(json.code()).isEqualTo(WeChatErrors.UNREADABLE);
        assertThat(npe.code()).isEqualTo(WeChatErrors.UNREADABLE);
        assertThat(json.delivery()).isEqualTo(Delivery.NO_ANSWER);
    }

    @Test
    void anAnsweredErrorKeepsWeChatsOriginalEnglishErrmsg() {
        WxError error = WxError.fromJson("{\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit\"}",
                me.chanjar.weixin.common.enums.WxType.MP);

        Failure f = Failure.of(new WxErrorException(error));

        assertThat(f.code()).isEqualTo(45009);
        assertThat(f.errmsg()).isEqualTo("reach max api daily quota limit");
        assertThat(CallPolicy.IDEMPOTENT.retries(f)).isFalse();
        assertThat(CallPolicy.PUBLISH.toException("a", "s", f, CLOCK).kind()).isEqualTo(Kind.QUOTA);
    }
}

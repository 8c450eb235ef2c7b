package cn.gongkai.wechat;

import com.google.gson.JsonParseException;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/**
 * What went wrong in one WxJava call: WeChat's errcode (or −99 / −2), its errmsg, and whether the request reached
 * WeChat at all — the fact that decides whether a non-idempotent call may be sent again.
 *
 * @param errmsg already scrubbed of tokens and secrets
 */
record Failure(int code, String errmsg, Delivery delivery, Throwable cause) {

    /** How far the request got. */
    enum Delivery {
        /** Never left this machine (connection refused, unknown host, token fetch failed first): WeChat did nothing. */
        NOT_SENT,
        /** WeChat answered with an errcode. */
        ANSWERED,
        /** Sent, but the answer was lost or unreadable (timeout, dropped connection, HTML 5xx): WeChat may have acted. */
        NO_ANSWER
    }

    /** WxJava's message when its own −1 retry loop gives up; with maxRetryTimes 0 it replaces the −1 error. */
    static final String WXJAVA_BUSY_GAVE_UP = "微信服务端异常，超出重试次数";

    static Failure of(Throwable t) {
        if (t instanceof WxErrorException e) {
            return ofWxError(e);
        }
        if (t instanceof WxRuntimeException e) {
            return ofWxRuntime(e);
        }
        if (t instanceof JsonParseException) {
            return new Failure(WeChatErrors.UNREADABLE, "answer is not WeChat JSON (an HTML error page?): "
                    + describe(t), Delivery.NO_ANSWER, t);
        }
        return new Failure(WeChatErrors.UNREADABLE, describe(t), Delivery.NO_ANSWER, t);
    }

    private static Failure ofWxError(WxErrorException e) {
        WxError error = e.getError();
        if (error == null) {
            return new Failure(WeChatErrors.UNREADABLE, describe(e), Delivery.NO_ANSWER, e);
        }
        int code = error.getErrorCode();
        if (code == WeChatErrors.NETWORK) {
            // executeInternal wraps the transport's IOException; without one it is an empty body ("无响应内容")
            if (e.getCause() instanceof IOException io) {
                return new Failure(code, describe(io), deliveryOf(io), e);
            }
            return new Failure(code, LogScrubber.scrub(error.getErrorMsg()), Delivery.NO_ANSWER, e);
        }
        String msg = error.getErrorMsgEn() != null ? error.getErrorMsgEn() : error.getErrorMsg();
        return new Failure(code, LogScrubber.scrub(msg), Delivery.ANSWERED, e);
    }

    private static Failure ofWxRuntime(WxRuntimeException e) {
        if (WXJAVA_BUSY_GAVE_UP.equals(e.getMessage())) {
            return new Failure(-1, "system error", Delivery.ANSWERED, e);
        }
        // WxRuntimeException wrapping an IOException or InterruptedException comes from the access-token fetch,
        // which runs before the actual request is built
        if (e.getCause() instanceof IOException || e.getCause() instanceof InterruptedException) {
            return new Failure(WeChatErrors.NETWORK, "access_token fetch failed: " + describe(e.getCause()),
                    Delivery.NOT_SENT, e);
        }
        return new Failure(WeChatErrors.UNREADABLE, describe(e), Delivery.NO_ANSWER, e);
    }

    private static Delivery deliveryOf(IOException io) {
        boolean neverConnected = io instanceof ConnectException || io instanceof UnknownHostException
                || io instanceof NoRouteToHostException || io instanceof SSLHandshakeException;
        return neverConnected ? Delivery.NOT_SENT : Delivery.NO_ANSWER;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage() == null ? "" : ": " + t.getMessage();
        return LogScrubber.scrub(t.getClass().getSimpleName() + message);
    }

    boolean answered(int... codes) {
        if (delivery != Delivery.ANSWERED) {
            return false;
        }
        for (int c : codes) {
            if (c == code) {
                return true;
            }
        }
        return false;
    }
}

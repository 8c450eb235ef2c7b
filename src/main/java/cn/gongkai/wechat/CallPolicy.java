package cn.gongkai.wechat;

import cn.gongkai.publish.WeChatException;
import cn.gongkai.publish.WeChatException.Kind;
import cn.gongkai.wechat.Failure.Delivery;

import java.time.Clock;

/**
 * Which failures a call may be retried on, and what a final failure means for the caller.
 * <ul>
 * <li>{@link #IDEMPOTENT} (uploads, draft/get, freepublish/get and batchget, token): sending twice is harmless, so
 * retry on busy (−1), per-minute limit (45011), network errors, timeouts and unreadable answers.</li>
 * <li>{@link #DRAFT} (draft/add): a second draft is harmless but clutters the draft box, so retry only when WeChat
 * certainly created nothing — busy (−1; WeChat rejects before acting), 45011, or a request that never left this
 * machine. A lost answer is not retried here; the caller sees TRANSIENT and the message warns about a possible
 * duplicate draft.</li>
 * <li>{@link #PUBLISH} (freepublish/submit): never retried. A lost or unreadable answer, and −1 (WeChat does not
 * promise that "busy" means the job was not created), are {@link Kind#UNKNOWN_OUTCOME}; 45011 and the quota codes are
 * rejections before any work and keep their kinds; a request that never left this machine is TRANSIENT.</li>
 * <li>{@link #MASS} (message/mass/sendall): as {@link #PUBLISH}; the unknown outcome is settled by sending again with
 * the same clientmsgid, which WeChat recognises (45065).</li>
 * <li>{@link #CAUTIOUS} (mass preview, clear_quota): acting twice costs something (a second preview on a phone, a
 * second of ten monthly resets), so retry only when WeChat certainly did nothing, as {@link #DRAFT}.</li>
 * </ul>
 */
enum CallPolicy {
    IDEMPOTENT {
        @Override
        boolean retries(Failure f) {
            return f.delivery() != Delivery.ANSWERED || f.answered(-1, 45011);
        }
    },
    DRAFT {
        @Override
        boolean retries(Failure f) {
            return f.delivery() == Delivery.NOT_SENT || f.answered(-1, 45011);
        }
    },
    PUBLISH {
        @Override
        boolean retries(Failure f) {
            return false;
        }
    },
    MASS {
        @Override
        boolean retries(Failure f) {
            return false;
        }
    },
    CAUTIOUS {
        @Override
        boolean retries(Failure f) {
            return f.delivery() == Delivery.NOT_SENT || f.answered(-1, 45011);
        }
    };

    abstract boolean retries(Failure f);

    WeChatException toException(String account, String api, Failure f, Clock clock) {
        if ((this == PUBLISH || this == MASS) && (f.delivery() == Delivery.NO_ANSWER || f.answered(-1))) {
            String message = this == PUBLISH ? unknownOutcome(f) : unknownMassOutcome(f);
            return WeChatErrors.toException(account, api, f.code(), Kind.UNKNOWN_OUTCOME, message, f.cause(), clock);
        }
        if (f.delivery() == Delivery.ANSWERED) {
            return WeChatErrors.toException(account, api, f.code(), f.errmsg(), f.cause(), clock);
        }
        String message = WeChatErrors.staffMessage(f.code(), f.errmsg());
        if (this == DRAFT && f.delivery() == Delivery.NO_ANSWER) {
            message += "草稿可能已经建好但答复丢失：如果稍后在草稿箱中看到重复的草稿，可以删掉多余的一份。";
        }
        if (this == CAUTIOUS && f.delivery() == Delivery.NO_ANSWER) {
            message += "微信可能已经执行了这次操作但答复丢失，系统没有自动重发。";
        }
        return WeChatErrors.toException(account, api, f.code(), Kind.TRANSIENT, message, f.cause(), clock);
    }

    private static String unknownMassOutcome(Failure f) {
        String why = f.answered(-1) ? "微信答复“系统繁忙”" : "没有收到微信的有效答复";
        return "群发请求已经发出，但" + why + "，无法确定是否已经群发。系统会用同一个群发批次号（clientmsgid）再提交一次，"
                + "微信会识别出已经群发过的批次而不会重复群发；请不要在公众号后台手动重复群发。【技术信息：errcode " + f.code() + "，"
                + f.errmsg() + "】";
    }

    private static String unknownOutcome(Failure f) {
        String why = f.answered(-1) ? "微信答复“系统繁忙”" : "没有收到微信的有效答复";
        return "发布请求已经发出，但" + why + "，无法确定文章是否已经发布。系统会先向微信核对（草稿是否还在、发表记录中是否已有该文章），"
                + "请不要在公众号后台手动重复发布。【技术信息：errcode " + f.code() + "，" + f.errmsg() + "】";
    }
}

package cn.gongkai.wechat;

import cn.gongkai.publish.MassSendResult;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.bean.WxMpMassPreviewMessage;
import me.chanjar.weixin.mp.bean.WxMpMassTagMessage;
import me.chanjar.weixin.mp.bean.result.WxMpMassSendResult;

import java.nio.charset.StandardCharsets;

import static cn.gongkai.wechat.Args.field;
import static cn.gongkai.wechat.Args.requireText;

/** Mass messages: {@code message/mass/sendall} to all followers and {@code message/mass/preview} to one phone. */
final class MassMessages {

    private static final int MAX_CLIENT_MSG_ID_BYTES = 64;
    /** WeChat's answer when this clientmsgid was already sent; the original msg_id is in the error JSON. */
    private static final int ALREADY_SENT = 45065;

    private final AccountServices services;
    private final CallRunner runner;

    MassMessages(AccountServices services, CallRunner runner) {
        this.services = services;
        this.runner = runner;
    }

    /** {@code POST /cgi-bin/message/mass/sendall} once (mpnews to all, with clientmsgid); the token is fetched first. */
    MassSendResult sendAll(String account, String draftMediaId, String clientMsgId) {
        requireText(draftMediaId, "draftMediaId");
        requireText(clientMsgId, "clientMsgId");
        if (clientMsgId.getBytes(StandardCharsets.UTF_8).length > MAX_CLIENT_MSG_ID_BYTES) {
            throw new IllegalArgumentException("clientMsgId must be at most " + MAX_CLIENT_MSG_ID_BYTES
                    + " bytes: " + clientMsgId);
        }
        GuardedOkHttpService wx = services.of(account);
        WxMpMassTagMessage message = toAll(draftMediaId, clientMsgId);
        runner.run(account, "stable_token", CallPolicy.IDEMPOTENT, () -> wx.getAccessToken());
        return runner.run(account, "message/mass/sendall", CallPolicy.MASS, () -> {
            try {
                WxMpMassSendResult r = wx.getMassMessageService().massGroupMessageSend(message);
                return new MassSendResult(CallRunner.require(r.getMsgId(), "msg_id"), r.getMsgDataId(), false);
            } catch (WxErrorException e) {
                return sentBefore(e);
            }
        });
    }

    /** {@code POST /cgi-bin/message/mass/preview} (mpnews); retried only when WeChat certainly sent nothing. */
    void preview(String account, String draftMediaId, String reviewer, boolean byWeChatId) {
        requireText(draftMediaId, "draftMediaId");
        requireText(reviewer, "reviewer");
        GuardedOkHttpService wx = services.of(account);
        WxMpMassPreviewMessage message = new WxMpMassPreviewMessage();
        message.setMsgType(WxConsts.MassMsgType.MPNEWS);
        message.setMediaId(draftMediaId);
        if (byWeChatId) {
            message.setToWxUserName(reviewer);
        } else {
            message.setToWxUserOpenid(reviewer);
        }
        runner.run(account, "message/mass/preview", CallPolicy.CAUTIOUS,
                () -> wx.getMassMessageService().massMessagePreview(message));
    }

    private static WxMpMassTagMessage toAll(String draftMediaId, String clientMsgId) {
        WxMpMassTagMessage message = new WxMpMassTagMessage();
        message.setSendAll(true);
        message.setMsgType(WxConsts.MassMsgType.MPNEWS);
        message.setMediaId(draftMediaId);
        message.setSendIgnoreReprint(false);
        message.setClientMsgId(clientMsgId);
        return message;
    }

    /** The earlier send's result when WeChat answered 45065 with its msg_id; otherwise the error again. */
    private static MassSendResult sentBefore(WxErrorException e) throws WxErrorException {
        String earlier = e.getError() != null && e.getError().getErrorCode() == ALREADY_SENT
                ? field(e.getError().getJson(), "msg_id") : null;
        if (earlier == null) {
            throw e;
        }
        return new MassSendResult(earlier, field(e.getError().getJson(), "msg_data_id"), true);
    }
}

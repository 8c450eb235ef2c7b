package cn.gongkai.simulator;

import cn.gongkai.item.WeChatLimits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;

/** {@code message/mass/sendall} and {@code message/mass/preview} with an mpnews draft. */
final class MassApi {
    static final int SUBSCRIPTION_SENDS_PER_DAY = 1;
    static final int SERVICE_SENDS_PER_MONTH = 4;
    static final int CLIENT_MSG_ID_MAX_BYTES = WeChatLimits.CLIENT_MSG_ID_BYTES;
    static final Duration CLIENT_MSG_ID_WINDOW = Duration.ofHours(24);
    static final Duration CLIENT_MSG_ID_RETRY = Duration.ofMinutes(1);

    private final SimState state;

    MassApi(SimState state) {
        this.state = state;
    }

    Reply sendAll(Call call) {
        ObjectNode body = call.json();
        AccountState account = call.account();
        String mediaId = mpnewsMediaId(body);
        boolean toAll = body.path("filter").path("is_to_all").asBoolean(false);
        String clientMsgId = Json.text(body, "clientmsgid");
        if (clientMsgId != null) {
            if (clientMsgId.getBytes(StandardCharsets.UTF_8).length > CLIENT_MSG_ID_MAX_BYTES) {
                throw new ApiError(45067, "clientmsgid size out of limit");
            }
            AccountState.MassSend earlier = account.massByClientMsgId.get(clientMsgId);
            if (earlier != null && call.now().isBefore(earlier.sentAt().plus(CLIENT_MSG_ID_WINDOW))) {
                if (call.now().isBefore(earlier.sentAt().plus(CLIENT_MSG_ID_RETRY))) {
                    throw new ApiError(45066, "same clientmsgid retry too fast");
                }
                throw new ApiError(45065, "clientmsgid exist", "msg_id", earlier.msgId());
            }
        }
        AccountState.Draft draft = DraftApi.draft(call, mediaId);
        if (toAll) {
            spendQuota(account, call);
        }
        AccountState.MassSend send = new AccountState.MassSend(state.ids.msgId(), state.ids.msgDataId(), call.now());
        if (clientMsgId != null) {
            account.massByClientMsgId.put(clientMsgId, send);
        }
        if (toAll) {
            account.drafts.remove(draft.mediaId());
        }
        state.record.addMassSend(new SimulatorRecord.MassSend(call.appId(), send.msgId(), draft.mediaId(), toAll,
                draft.articles().stream().map(Article::title).toList(), call.now()));
        ObjectNode node = Json.error(0, "send job submission success");
        node.put("msg_id", send.msgId());
        node.put("msg_data_id", send.msgDataId());
        return Reply.json(node);
    }

    Reply preview(Call call) {
        ObjectNode body = call.json();
        String mediaId = mpnewsMediaId(body);
        if (Json.text(body, "touser") == null && Json.text(body, "towxname") == null) {
            throw new ApiError(40003, "invalid openid");
        }
        DraftApi.draft(call, mediaId);
        ObjectNode node = Json.error(0, "preview success");
        node.put("msg_id", state.ids.msgId());
        return Reply.json(node);
    }

    private static String mpnewsMediaId(ObjectNode body) {
        if (!"mpnews".equals(Json.text(body, "msgtype"))) {
            throw new ApiError(40008, "invalid message type");
        }
        JsonNode id = body.path("mpnews").path("media_id");
        return id.isMissingNode() || id.isNull() ? null : id.asText();
    }

    private void spendQuota(AccountState account, Call call) {
        LocalDate today = LocalDate.ofInstant(call.now(), Quotas.CHINA);
        if (!today.equals(account.massDay)) {
            account.massDay = today;
            account.massSendsOnDay = 0;
        }
        YearMonth month = YearMonth.from(today);
        if (!month.equals(account.massMonth)) {
            account.massMonth = month;
            account.massSendsInMonth = 0;
        }
        boolean spent = account.account.type() == AccountType.SUBSCRIPTION
                ? account.massSendsOnDay >= SUBSCRIPTION_SENDS_PER_DAY
                : account.massSendsInMonth >= SERVICE_SENDS_PER_MONTH;
        if (spent) {
            throw new ApiError(45028, "has no masssend quota");
        }
        account.massSendsOnDay++;
        account.massSendsInMonth++;
    }
}

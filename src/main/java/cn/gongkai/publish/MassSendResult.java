package cn.gongkai.publish;

/**
 * WeChat's answer to a mass send ({@code message/mass/sendall}).
 *
 * @param msgId       the mass message id (digits)
 * @param msgDataId   the id of the sent articles' data, or empty when WeChat did not give one (a repeated send)
 * @param alreadySent true when WeChat recognised the {@code clientmsgid} of an earlier send (45065): nothing was
 *                    sent now, {@code msgId} is the original send's
 */
public record MassSendResult(String msgId, String msgDataId, boolean alreadySent) {
    public MassSendResult {
        if (msgId == null || msgId.isBlank()) {
            throw new IllegalArgumentException("mass send msgId must not be blank");
        }
        msgDataId = msgDataId == null ? "" : msgDataId;
    }
}

package cn.gongkai.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/** The {@code PUBLISHJOBFINISH} event XML (wechat-api.md §1.7) and the plain-mode callback signature. */
final class PublishEvent {
    /** The openid of the 群发助手 sender; the same for every event, as on the real platform. */
    static final String MPHELPER_OPENID = "oSimMphelperAAAAAAAAAAAAAAAA";

    private PublishEvent() {
    }

    static String xml(SimAccount account, PublishJob job, Instant now) {
        StringBuilder x = new StringBuilder();
        x.append("<xml>")
                .append("<ToUserName><![CDATA[").append(account.originalId()).append("]]></ToUserName>")
                .append("<FromUserName><![CDATA[").append(MPHELPER_OPENID).append("]]></FromUserName>")
                .append("<CreateTime>").append(now.getEpochSecond()).append("</CreateTime>")
                .append("<MsgType><![CDATA[event]]></MsgType>")
                .append("<Event><![CDATA[PUBLISHJOBFINISH]]></Event>")
                .append("<PublishEventInfo>")
                .append("<publish_id>").append(job.publishId).append("</publish_id>")
                .append("<publish_status>").append(job.status).append("</publish_status>");
        if (job.status == 0) {
            x.append("<article_id><![CDATA[").append(job.articleId).append("]]></article_id>")
                    .append("<article_detail><count>").append(job.urls.size()).append("</count>");
            for (int i = 0; i < job.urls.size(); i++) {
                x.append("<item><idx>").append(i + 1).append("</idx><article_url><![CDATA[")
                        .append(job.urls.get(i)).append("]]></article_url></item>");
            }
            x.append("</article_detail>");
        }
        if (job.status == 2 || job.status == 4) {
            job.outcome.failIdx().forEach(i -> x.append("<fail_idx>").append(i).append("</fail_idx>"));
        }
        return x.append("</PublishEventInfo></xml>").toString();
    }

    /** WeChat's plain-mode signature: hex SHA-1 of the sorted, concatenated token, timestamp and nonce. */
    static String signature(String token, String timestamp, String nonce) {
        String[] parts = {token, timestamp, nonce};
        Arrays.sort(parts);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 missing from the JDK", e);
        }
    }
}

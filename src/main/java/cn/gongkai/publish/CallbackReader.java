package cn.gongkai.publish;

import java.util.Optional;

/**
 * Reads what WeChat sends to an account's callback URL (the 服务器配置 of the official account): the GET that
 * verifies the URL, and POSTed messages, of which only PUBLISHJOBFINISH events matter here (wechat-api.md §1.7).
 * Plain mode is signed with the callback token; 安全/兼容 mode ({@code encrypt_type=aes}) carries an AES-encrypted
 * body signed with {@code msg_signature}.
 */
public interface CallbackReader {

    /** A callback request as it arrived: its query parameters and body (read whole, as text). */
    record Request(String timestamp, String nonce, String signature, String encryptType, String msgSignature,
                   String body) {
        public Request {
            timestamp = timestamp == null ? "" : timestamp;
            nonce = nonce == null ? "" : nonce;
            signature = signature == null ? "" : signature;
            encryptType = encryptType == null ? "" : encryptType;
            msgSignature = msgSignature == null ? "" : msgSignature;
            body = body == null ? "" : body;
        }

        /** True for 安全/兼容 mode. */
        public boolean encrypted() {
            return encryptType.equalsIgnoreCase("aes");
        }
    }

    /** The request does not come from WeChat: wrong signature, or a body that cannot be decrypted or read. */
    final class Rejected extends RuntimeException {
        private final String account;

        public Rejected(String account, String reason, Throwable cause) {
            super("callback of account " + account + " rejected: " + reason, cause);
            this.account = account;
        }

        public String account() {
            return account;
        }
    }

    /**
     * The request is not a well-formed WeChat callback: a body that is not well-formed XML, XML with a DOCTYPE or
     * entities, nesting deeper than WeChat's messages, or a field of PublishEventInfo that is not a number. The
     * message says which, without the request's content.
     */
    final class Malformed extends RuntimeException {
        public Malformed(String account, String reason) {
            super("callback of account " + account + " malformed: " + reason, null, false, false);
        }
    }

    /** Whether the account has a callback configured (a callback token). */
    boolean enabled(String account);

    /** The {@code echostr} to answer a URL verification with, when its signature is right; else empty. */
    Optional<String> verify(String account, String timestamp, String nonce, String signature, String echostr);

    /**
     * Checks the signature and reads the message: the job's result when it is a PUBLISHJOBFINISH event, empty for
     * any other message or event.
     *
     * @throws Rejected  when the signature is wrong or an encrypted body cannot be decrypted with the account's key
     * @throws Malformed when the (decrypted) body is not a well-formed, plain WeChat message
     */
    Optional<PublishStatus> read(String account, Request request);
}

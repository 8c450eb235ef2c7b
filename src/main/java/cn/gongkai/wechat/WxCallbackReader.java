package cn.gongkai.wechat;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.publish.CallbackReader;
import cn.gongkai.publish.PublishStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;

/**
 * {@link CallbackReader} on WxJava: the plain-mode signature is WxJava's {@code SHA1.gen} over token, timestamp and
 * nonce; 安全/兼容 mode is decrypted and checked by {@code WxMpXmlMessage.fromEncryptedXml} (WxMpCryptUtil). The body
 * is parsed from a String, because {@code fromXml(InputStream)} leaves {@code allFieldsMap} empty, and the nested
 * {@code PublishEventInfo} is read from that map (WxJava has no typed PUBLISHJOBFINISH). WxJava's message router is
 * not used: its dedupe drops a second event of the same second (wechat-api.md §6.4); repeats are recognised later by
 * publish_id. Every body (and every decrypted body) passes {@link CallbackXml} before WxJava parses it, and every
 * number in PublishEventInfo must be one: anything else is {@link CallbackReader.Malformed}, never a crash.
 */
public final class WxCallbackReader implements CallbackReader {
    static final String EVENT = "PUBLISHJOBFINISH";

    private final Map<String, AccountConfig> accounts = new LinkedHashMap<>();

    public WxCallbackReader(List<AccountConfig> accounts) {
        accounts.forEach(a -> this.accounts.put(a.id(), a));
    }

    @Override
    public boolean enabled(String account) {
        AccountConfig a = accounts.get(account);
        return a != null && a.callbackConfigured();
    }

    private AccountConfig configured(String account) {
        AccountConfig a = accounts.get(account);
        if (a == null || !a.callbackConfigured()) {
            throw new Rejected(account, "no callback is configured for this account", null);
        }
        return a;
    }

    @Override
    public Optional<String> verify(String account, String timestamp, String nonce, String signature, String echostr) {
        AccountConfig a = configured(account);
        return signedBy(a, timestamp, nonce, signature) && echostr != null ? Optional.of(echostr) : Optional.empty();
    }

    private static boolean signedBy(AccountConfig a, String timestamp, String nonce, String signature) {
        if (timestamp == null || nonce == null || signature == null || signature.isEmpty()) {
            return false;
        }
        String expected = SHA1.gen(a.callbackToken().reveal(), timestamp, nonce);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public Optional<PublishStatus> read(String account, Request request) {
        AccountConfig a = configured(account);
        WxMpXmlMessage message;
        if (request.encrypted()) {
            if (a.callbackAesKey().isEmpty()) {
                throw new Rejected(account, "an encrypted message came, but no callback-aes-key is configured", null);
            }
            CallbackXml.check(account, request.body());
            String plain;
            try {
                plain = new WxMpCryptUtil(cryptConfig(a)).decryptXml(request.msgSignature(), request.timestamp(),
                        request.nonce(), request.body());
            } catch (RuntimeException e) {
                throw new Rejected(account, "msg_signature wrong or body not decryptable", null);
            }
            message = parse(account, plain);
        } else {
            if (!signedBy(a, request.timestamp(), request.nonce(), request.signature())) {
                throw new Rejected(account, "signature wrong", null);
            }
            message = parse(account, request.body());
        }
        if (message == null || !"event".equalsIgnoreCase(message.getMsgType())
                || !EVENT.equalsIgnoreCase(message.getEvent())) {
            return Optional.empty();
        }
        Map<String, Object> fields = message.getAllFieldsMap();
        Object info = fields == null ? null : fields.get("PublishEventInfo");
        if (!(info instanceof Map<?, ?> map)) {
            throw new Malformed(account, "PUBLISHJOBFINISH without PublishEventInfo");
        }
        return Optional.of(publishStatus(account, map));
    }

    private static WxMpXmlMessage parse(String account, String xml) {
        CallbackXml.check(account, xml);
        try {
            return WxMpXmlMessage.fromXml(xml);
        } catch (RuntimeException e) {
            throw new Malformed(account, "body is not a WeChat message (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static WxMpDefaultConfigImpl cryptConfig(AccountConfig a) {
        WxMpDefaultConfigImpl cfg = new MaskedWxConfig();
        cfg.setAppId(a.appId());
        cfg.setToken(a.callbackToken().reveal());
        cfg.setAesKey(a.callbackAesKey().reveal());
        return cfg;
    }

    static PublishStatus publishStatus(String account, Map<?, ?> info) {
        String publishId = PublishIds.normalize(text(info.get("publish_id")));
        if (publishId == null) {
            throw new Malformed(account, "PUBLISHJOBFINISH without a readable publish_id");
        }
        int status = number(account, "publish_status", info.get("publish_status"));
        try {
            PublishStatus.State.of(status);
        } catch (IllegalArgumentException e) {
            throw new Malformed(account, "PUBLISHJOBFINISH with an unknown publish_status " + status);
        }
        List<PublishStatus.PublishedArticle> articles = new ArrayList<>();
        if (info.get("article_detail") instanceof Map<?, ?> detail) {
            for (Object item : list(detail.get("item"))) {
                if (item instanceof Map<?, ?> m) {
                    if (!text(m.get("idx")).isBlank()) {
                        articles.add(new PublishStatus.PublishedArticle(number(account, "idx", m.get("idx")),
                                text(m.get("article_url")).strip()));
                    }
                }
            }
        }
        List<Integer> failIdx = new ArrayList<>();
        for (Object i : list(info.get("fail_idx"))) {
            if (!text(i).isBlank()) {
                failIdx.add(number(account, "fail_idx", i));
            }
        }
        return new PublishStatus(publishId, PublishStatus.State.of(status), status,
                text(info.get("article_id")).strip(), articles, failIdx);
    }

    /** A small non-negative number of PublishEventInfo. */
    private static int number(String account, String field, Object value) {
        String s = text(value).strip();
        if (!s.matches("[0-9]{1,6}")) {
            throw new Malformed(account, "PUBLISHJOBFINISH field " + field + " is not a number");
        }
        return Integer.parseInt(s);
    }

    private static List<?> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> c) {
            return List.copyOf(c);
        }
        return List.of(value);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}

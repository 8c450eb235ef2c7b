package cn.gongkai.portal;

import java.time.Instant;

/**
 * What a package states besides the item itself: the WeChat link and time when WeChat published it first (else empty
 * and null), and when the delivery was prepared (the package's date; the same for every attempt).
 */
public record DeliveryFacts(String wechatUrl, Instant publishedAt, Instant preparedAt) {
    public DeliveryFacts {
        wechatUrl = wechatUrl == null ? "" : wechatUrl;
    }
}

package cn.gongkai.delivery;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.config.Secret;
import cn.gongkai.portal.Attachment;
import cn.gongkai.portal.DeliveryIdentity;
import cn.gongkai.portal.PortalPackage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** A 报送 package with Chinese names and binary files, its identity, and mail settings for the test servers. */
final class TestPackages {
    static final String DOCX_NAME = "红旗区商务局：以旧换新补贴发放情况.docx";
    static final String PICTURE_NAME = "图1 活动现场（东湖广场）.jpg";
    static final String SUBJECT = "【信息报送】红旗区商务局：以旧换新补贴发放情况";
    static final String BODY = "标题：以旧换新补贴发放情况\n报送单位：红旗区商务局\n\n本周发放补贴 1,280 万元。";
    static final String METADATA = "{\"id\":12,\"title\":\"以旧换新补贴发放情况\",\"category\":\"工作动态\"}";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private TestPackages() {
    }

    /** Every byte value, so an encoding mistake anywhere changes the content. */
    static byte[] binary(int size, int seed) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    static PortalPackage sample() {
        return new PortalPackage(12, "qzfb", "以旧换新补贴发放情况", SUBJECT, BODY, METADATA, List.of(
                new Attachment(DOCX_NAME, DOCX, binary(40_000, 7)),
                new Attachment(PICTURE_NAME, "image/jpeg", binary(25_000, 3)),
                new Attachment("metadata.json", "application/json", METADATA.getBytes(StandardCharsets.UTF_8))));
    }

    static DeliveryIdentity identity() {
        return new DeliveryIdentity("<gongkai.12.qzfb.5f3a9c1e@gongkai.local>", "gk-12-qzfb-5f3a9c1e");
    }

    static PortalConfig.Email email(int port, PortalConfig.Tls tls, String user, String password) {
        return new PortalConfig.Email("127.0.0.1", port, tls, user, Secret.of(password), "红旗区商务局 <shangwu@hq.gov.cn>",
                List.of("office@hq.gov.cn"), List.of("xinxi@hq.gov.cn"), Duration.ofSeconds(5));
    }

    static PortalConfig.Email email(String host, int port, PortalConfig.Tls tls, Duration timeout) {
        return new PortalConfig.Email(host, port, tls, "", Secret.empty(), "shangwu@hq.gov.cn",
                List.of("office@hq.gov.cn"), List.of(), timeout);
    }
}

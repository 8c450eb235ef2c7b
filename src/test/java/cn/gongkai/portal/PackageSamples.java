package cn.gongkai.portal;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.item.ContentHash;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.Note;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.testsupport.ItemBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** A sample item with two pictures, notes, a table and a 落款, and the portal it goes to, for the package tests. */
final class PackageSamples {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** 2026-12-07 10:00 in Beijing. */
    static final Instant PREPARED = Instant.parse("2026-12-07T02:00:00Z");

    static final String BODY = """
            红旗区商务局开展**以旧换新**促消费活动，惠及群众。

            ## 活动安排

            ![展会现场](zhanhui.png)

            1. 家电以旧换新
            2. 汽车以旧换新[^1]

            - 线上报名
            - 线下兑付

            | 品类 | 补贴 |
            |---|---|
            | 家电 | 15% |

            现场图片见下<script>alert('x')</script>。![签约仪式](qianyue.png)

            [^1]: 报废旧车并购买新车。
            """;

    private final Map<String, byte[]> bytes = new HashMap<>();
    final ItemImage first;
    final ItemImage second;

    PackageSamples() {
        first = image("zhanhui.png", Fixtures.png(1600, 900, 0x3366cc), 1600, 900, "展会现场/主会场：全景");
        second = image("qianyue.png", Fixtures.png(400, 300, 0xcc6633), 400, 300, "");
    }

    private ItemImage image(String name, byte[] png, int w, int h, String caption) {
        String sha = ContentHash.sha256(png);
        bytes.put(sha, png);
        return new ItemImage(sha, name, "image/png", w, h, png.length, caption, "");
    }

    ItemBuilder item() {
        return ItemBuilder.anItem().title("红旗区启动2026年以旧换新活动").category("促消费").department("商贸流通股")
                .docNo("红商〔2026〕12号").body(BODY).images(List.of(first, second))
                .notes(List.of(new Note("以旧换新", "交回旧商品、购买新商品时享受补贴的方式。")))
                .signed("红旗区商务局", LocalDate.of(2026, 12, 5));
    }

    PackageSource source(ItemContent content) {
        return new PackageSource(12, content, i -> Optional.ofNullable(bytes.get(i.sha256())),
                List.of(new Note("以旧换新", "重复的术语只列一次。"), new Note("消费券", "政府发放的购物优惠券。")), false,
                List.of(new PackageSource.Approval("业务部门分管领导审核", "张科长", Instant.parse("2026-12-04T01:00:00Z")),
                        new PackageSource.Approval("办公室主任校对", "李主任", Instant.parse("2026-12-04T03:30:00Z"))),
                content.contentHash(), Instant.parse("2026-12-07T01:00:00Z"), null,
                "https://mp.weixin.qq.com/s/abc", PREPARED, CHINA);
    }

    static PortalConfig portal(String subject) {
        return new PortalConfig("qzfb", "红旗区人民政府办公室", List.of(), PortalConfig.Delivery.FOLDER, null, null,
                new PortalConfig.Folder(Path.of("out")), subject, "红旗区商务局", "王五", "0451-1234567");
    }

    static XWPFDocument docx(PortalPackage pkg) {
        try {
            return new XWPFDocument(new ByteArrayInputStream(pkg.attachments().get(0).content()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

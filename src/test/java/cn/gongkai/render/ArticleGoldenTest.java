package cn.gongkai.render;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ContentHash;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.Note;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exact HTML of one representative article, against a golden file. After a deliberate change to the templates
 * or the renderer, run with {@code -Dgolden.update=true} and review the diff of the golden file.
 */
class ArticleGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/render/golden-article.html");

    @Test
    void aRepresentativeArticleRendersExactlyAsTheGoldenFile() throws IOException {
        byte[] fake = "meeting".getBytes(StandardCharsets.UTF_8);
        ItemImage photo = new ItemImage(ContentHash.sha256(fake), "meeting.jpg", "image/jpeg", 640, 480, 1000,
                "会议现场照片", "推进会现场");
        ItemContent item = new ItemContent("hongqi", "促消费", "红旗区商务局召开促消费工作推进会", "红旗区商务局",
                "商贸流通股", """
                5月12日，红旗区商务局召开促消费工作推进会，部署家电以旧换新和夜间经济工作。

                ![推进会现场](meeting.jpg "会议现场照片")

                ## 补贴标准

                | 品类 | 补贴比例 |
                | --- | --- |
                | 冰箱 | 10% |

                详见[通知全文](https://www.example.gov.cn/zwgk/123.html)，往期见[上期推送](https://mp.weixin.qq.com/s/abc)。
                """, List.of(new Note("夜间经济", "傍晚到次日清晨的餐饮、购物、文旅等消费活动。")),
                List.of("以旧换新"), List.of(photo), null, "红商〔2023〕12号",
                "https://www.example.gov.cn/zwgk/123.html", null);

        String html = ArticleRenderer.load(Path.of("templates")).render(item, "红旗商务",
                img -> "https://mmbiz.qpic.cn/mmbiz_jpg/" + img.sha256().substring(0, 8)).html() + "\n";

        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, html, StandardCharsets.UTF_8);
        }
        assertThat(html).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }
}

package cn.gongkai.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaterialEndpointsTest extends SimulatorFixture {

    private SimClient.Answer uploadimg(String name, byte[] data) {
        return client.upload("/cgi-bin/media/uploadimg?access_token=" + token(), name, data);
    }

    private SimClient.Answer material(String type, String name, byte[] data) {
        return client.upload("/cgi-bin/material/add_material?type=" + type + "&access_token=" + token(), name, data);
    }

    @Test
    void answersUploadimgAsTextPlainWithAnMmbizUrl() {
        SimClient.Answer a = uploadimg("a.png", TestImages.png(10, 10));
        assertThat(a.contentType()).isEqualTo("text/plain");
        assertThat(a.json().get("url").asText()).matches("http://mmbiz\\.qpic\\.cn/sz_mmbiz_png/[\\w-]+/0\\?wx_fmt=png");
        SimClient.Answer jpg = uploadimg("b.jpg", TestImages.jpeg(10, 10));
        assertThat(jpg.json().get("url").asText()).matches("http://mmbiz\\.qpic\\.cn/sz_mmbiz_jpg/[\\w-]+/0\\?wx_fmt=jpeg");
    }

    @Test
    void refusesWebpOnUploadimgEvenWithAPngName() {
        assertThat(uploadimg("disguised.png", TestImages.webp()).errcode()).isEqualTo(40005);
    }

    @Test
    void refusesGifOnUploadimg() {
        assertThat(uploadimg("a.gif", TestImages.gif(10, 10)).errcode()).isEqualTo(40005);
    }

    @Test
    void tellsJpegByContentNotByName() {
        assertThat(uploadimg("photo.webp", TestImages.jpeg(10, 10)).json().has("url")).isTrue();
    }

    @Test
    void refusesUploadimgOfOneMegabyteOrMore() {
        byte[] big = TestImages.noisyPng(620, 620);
        assertThat(big.length).isGreaterThanOrEqualTo(1024 * 1024);
        assertThat(uploadimg("big.png", big).errcode()).isEqualTo(40009);
    }

    @Test
    void answers41005WhenTheMediaPartIsMissing() {
        SimClient.Answer a = client.post("/cgi-bin/media/uploadimg?access_token=" + token(), "{}");
        assertThat(a.errcode()).isEqualTo(41005);
    }

    @Test
    void addsPermanentImagesOfEveryAllowedFormat() {
        for (byte[] image : new byte[][] {TestImages.png(8, 8), TestImages.jpeg(8, 8), TestImages.gif(8, 8),
                TestImages.bmp(8, 8)}) {
            SimClient.Answer a = material("image", "cover.bin", image);
            assertThat(a.json().get("media_id").asText()).as(a.body()).isNotBlank();
            assertThat(a.json().get("url").asText()).startsWith("http://mmbiz.qpic.cn/");
        }
    }

    @Test
    void refusesWebpAsPermanentImage() {
        assertThat(material("image", "cover.webp", TestImages.webp()).errcode()).isEqualTo(40005);
    }

    @Test
    void acceptsOnlySmallJpegThumbs() {
        SimClient.Answer ok = material("thumb", "t.jpg", TestImages.jpeg(40, 40));
        assertThat(ok.json().get("media_id").asText()).isNotBlank();
        assertThat(ok.json().has("url")).isFalse();
        assertThat(material("thumb", "t.png", TestImages.png(40, 40)).errcode()).isEqualTo(40005);
        byte[] big = TestImages.noisyJpeg(500, 500);
        assertThat(big.length).isGreaterThan(64 * 1024);
        assertThat(material("thumb", "big.jpg", big).errcode()).isEqualTo(40009);
    }

    @Test
    void refusesUnsupportedMaterialTypes() {
        assertThat(material("voice", "a.mp3", new byte[] {1, 2, 3}).errcode()).isEqualTo(40004);
    }
}

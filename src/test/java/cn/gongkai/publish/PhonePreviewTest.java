package cn.gongkai.publish;

import static cn.gongkai.testsupport.Fixtures.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.render.ImagePreparer;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.FakeWeChat;
import cn.gongkai.testsupport.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Previews on a reviewer's phone: a temporary draft, WeChat's mass preview, the draft deleted again. */
class PhonePreviewTest {
    private static final String WECHAT_ID = "zhangke2023";
    private static final String OPENID = "o6_bmjrPTlm6_2sgVt7hMZOPfL2M";

    private Database db;
    private FakeWeChat wechat;
    private PhonePreview preview;
    private final AccountConfig account = Fixtures.account(ACCOUNT, 8);

    @BeforeEach
    void setUp() {
        db = Fixtures.memoryDatabase();
        wechat = new FakeWeChat();
        preview = new PhonePreview(db.images(), db.mediaCache(), wechat, ArticleRenderer.load(Path.of("templates")),
                new ImagePreparer());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private ItemContent itemWithPhoto() {
        ItemImage photo = Fixtures.storeImage(db, "photo.png", Fixtures.png(400, 300, 0x3366aa), 400, 300);
        return Fixtures.content("家电以旧换新补贴活动开始报名", "促消费", List.of(photo));
    }

    @Test
    void aPreviewByWeChatIdSendsATemporaryDraftAndDeletesIt() {
        PhonePreview.Sent sent = preview.send(account, itemWithPhoto(), WECHAT_ID, false);

        assertThat(wechat.previews()).singleElement().satisfies(p -> {
            assertThat(p.reviewer()).isEqualTo(WECHAT_ID);
            assertThat(p.byWeChatId()).isTrue();
            assertThat(p.draftMediaId()).isEqualTo(sent.draftMediaId());
        });
        assertThat(sent.draftDeleted()).isTrue();
        assertThat(wechat.drafts()).isZero();
        assertThat(wechat.draftArticles()).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("家电以旧换新补贴活动开始报名");
            assertThat(a.content()).contains("http://mmbiz.qpic.cn/fake/").contains("名词解释");
            assertThat(a.picCrop11()).isEqualTo("0.125_0_0.875_1");
        });
        assertThat(wechat.published()).isEmpty();
    }

    @Test
    void anOpenidIsSentAsAnOpenid() {
        preview.send(account, itemWithPhoto(), OPENID, false);

        assertThat(wechat.previews()).singleElement().satisfies(p -> assertThat(p.byWeChatId()).isFalse());
    }

    @Test
    void imagesUploadedForOnePreviewAreNotUploadedAgain() {
        ItemContent item = itemWithPhoto();

        preview.send(account, item, WECHAT_ID, false);
        preview.send(account, item, WECHAT_ID, false);

        assertThat(wechat.calls("media/uploadimg")).isEqualTo(1);
        assertThat(wechat.calls("material/add_material")).isEqualTo(1);
        assertThat(wechat.previews()).hasSize(2);
    }

    @Test
    void theDraftCanBeKeptInTheDraftBox() {
        PhonePreview.Sent sent = preview.send(account, itemWithPhoto(), WECHAT_ID, true);

        assertThat(sent.draftDeleted()).isFalse();
        assertThat(wechat.draft(sent.draftMediaId())).hasSize(1);
        assertThat(wechat.calls("draft/delete")).isZero();
    }

    @Test
    void aRefusedPreviewStillDeletesTheDraft() {
        wechat.fail("message/mass/preview", 45028, WeChatException.Kind.QUOTA);

        assertThatThrownBy(() -> preview.send(account, itemWithPhoto(), WECHAT_ID, false))
                .isInstanceOf(WeChatException.class);

        assertThat(wechat.calls("draft/delete")).isEqualTo(1);
        assertThat(wechat.drafts()).isZero();
    }

    @Test
    void aDraftThatCannotBeDeletedIsReportedNotHidden() {
        wechat.fail("draft/delete", -1, WeChatException.Kind.TRANSIENT);

        PhonePreview.Sent sent = preview.send(account, itemWithPhoto(), WECHAT_ID, false);

        assertThat(sent.draftDeleted()).isFalse();
        assertThat(sent.warnings()).anySatisfy(w -> assertThat(w).contains("未能删除").contains(sent.draftMediaId()));
        assertThat(wechat.previews()).hasSize(1);
    }
}

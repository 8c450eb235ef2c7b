package cn.gongkai.wechat;

import cn.gongkai.publish.MediaFile;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.mp.bean.material.WxMpMaterial;

/** Body images ({@code media/uploadimg}) and permanent cover images ({@code material/add_material}). */
final class MediaUploads {

    private final AccountServices services;
    private final CallRunner runner;

    MediaUploads(AccountServices services, CallRunner runner) {
        this.services = services;
        this.runner = runner;
    }

    /** {@code POST /cgi-bin/media/uploadimg} (multipart {@code media}); idempotent, retried. */
    String bodyImage(String account, MediaFile image) {
        GuardedOkHttpService wx = services.of(account);
        try (MediaTempFile file = MediaTempFile.write(image)) {
            return runner.run(account, "media/uploadimg", CallPolicy.IDEMPOTENT,
                    () -> CallRunner.require(wx.getMaterialService().mediaImgUpload(file.file()).getUrl(), "url"));
        }
    }

    /** {@code POST /cgi-bin/material/add_material?type=image}; idempotent, retried. */
    String coverImage(String account, MediaFile image) {
        GuardedOkHttpService wx = services.of(account);
        try (MediaTempFile file = MediaTempFile.write(image)) {
            WxMpMaterial material = new WxMpMaterial(image.fileName(), file.file(), null, null);
            return runner.run(account, "material/add_material", CallPolicy.IDEMPOTENT,
                    () -> CallRunner.require(wx.getMaterialService()
                            .materialFileUpload(WxConsts.MediaFileType.IMAGE, material).getMediaId(), "media_id"));
        }
    }
}

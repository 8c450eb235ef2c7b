package cn.gongkai.simulator;

import cn.gongkai.item.WeChatLimits;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** {@code media/uploadimg} and {@code material/add_material}; formats are told by magic bytes only. */
final class MaterialApi {
    private final SimState state;

    MaterialApi(SimState state) {
        this.state = state;
    }

    /** Body image: jpg/png under 1 MB; answered as {@code text/plain}, like the real endpoint. */
    Reply uploadImg(Call call) {
        byte[] data = media(call);
        ImageFormat format = ImageFormat.sniff(data);
        if (format != ImageFormat.JPEG && format != ImageFormat.PNG) {
            throw new ApiError(40005, "invalid file type");
        }
        if (data.length >= WeChatLimits.UPLOADIMG_BYTES) {
            throw new ApiError(40009, "invalid image size");
        }
        String url = mmbizUrl(format);
        call.account().uploadedUrls.add(url);
        ObjectNode node = Json.object();
        node.put("url", url);
        return new Reply(200, "text/plain", Json.bytes(node));
    }

    /** Permanent material of type image (bmp/png/jpeg/gif, 10 MB) or thumb (jpg, 64 KB). */
    Reply addMaterial(Call call) {
        String type = call.query().getOrDefault("type", "");
        if (!type.equals("image") && !type.equals("thumb")) {
            throw new ApiError(40004, "invalid media type");
        }
        byte[] data = media(call);
        ImageFormat format = ImageFormat.sniff(data);
        boolean image = type.equals("image");
        boolean allowed = image
                ? format == ImageFormat.JPEG || format == ImageFormat.PNG || format == ImageFormat.GIF
                || format == ImageFormat.BMP
                : format == ImageFormat.JPEG;
        if (!allowed) {
            throw new ApiError(40005, "invalid file type");
        }
        if (data.length > (image ? WeChatLimits.IMAGE_MATERIAL_BYTES : WeChatLimits.THUMB_MATERIAL_BYTES)) {
            throw new ApiError(40009, "invalid image size");
        }
        String mediaId = state.ids.word(43);
        String url = mmbizUrl(format);
        call.account().materials.put(mediaId, new AccountState.Material(mediaId, type, url));
        ObjectNode node = Json.object();
        node.put("media_id", mediaId);
        if (image) {
            node.put("url", url);
        }
        return Reply.json(node);
    }

    private byte[] media(Call call) {
        Map<String, Multipart.Part> parts = Multipart.parse(call.contentType(), call.body());
        Multipart.Part media = parts.get("media");
        if (media == null || media.data().length == 0) {
            throw new ApiError(41005, "media data missing");
        }
        return media.data();
    }

    private String mmbizUrl(ImageFormat format) {
        return "http://mmbiz.qpic.cn/sz_mmbiz_" + format.folder() + "/" + state.ids.word(54) + "/0?wx_fmt="
                + format.wxFmt();
    }
}

package cn.gongkai.render;

import cn.gongkai.item.ItemImage;
import java.util.Map;

/**
 * Rendering choices that come from the configuration rather than from the templates.
 *
 * @param headingNumbers 公文-style heading numbers (一、（一）1.（1）) for items that do not say otherwise
 * @param qrCodes        the QR-code image shown in the footer, by account id; accounts without one show none. The
 *                       image bytes must be in the image store so the publisher can upload them like body images.
 */
public record RenderSettings(boolean headingNumbers, Map<String, ItemImage> qrCodes) {
    public RenderSettings {
        qrCodes = Map.copyOf(qrCodes == null ? Map.of() : qrCodes);
    }

    /** No heading numbers, no QR codes. */
    public static RenderSettings defaults() {
        return new RenderSettings(false, Map.of());
    }
}

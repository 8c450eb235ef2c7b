package cn.gongkai.portal;

import cn.gongkai.item.ItemContent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The package's {@code metadata.json}: id, title, category, unit, doc_no, department, planned_at, published_at,
 * wechat_url, content_hash, approvals [{step, name, at}], portal, portal_name, prepared_at and the attachment names.
 * Times are ISO-8601 with the zone's offset ({@code 2026-12-07T09:00:00+08:00}); an absent time or link is
 * {@code null}.
 */
final class PackageMetadata {
    static final String FILE_NAME = "metadata.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PackageMetadata() {
    }

    static String json(PackageSource src, String portalId, String portalName, String unit, List<String> files) {
        ItemContent c = src.content();
        ObjectNode root = JSON.createObjectNode();
        root.put("id", src.itemId());
        root.put("title", c.title());
        root.put("category", c.category());
        root.put("unit", unit);
        root.put("doc_no", c.docNo());
        root.put("department", c.department());
        root.put("planned_at", time(src.plannedAt(), src.zone()));
        root.put("published_at", time(src.publishedAt(), src.zone()));
        root.put("wechat_url", src.wechatUrl().isEmpty() ? null : src.wechatUrl());
        root.put("content_hash", src.contentHash());
        approvals(root.putArray("approvals"), src);
        root.put("portal", portalId);
        root.put("portal_name", portalName);
        root.put("prepared_at", time(src.preparedAt(), src.zone()));
        files.forEach(root.putArray("attachments")::add);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new PackageException("稿件 " + src.itemId() + " 的元数据无法生成：" + e.getOriginalMessage(), e);
        }
    }

    private static void approvals(ArrayNode array, PackageSource src) {
        for (PackageSource.Approval a : src.approvals()) {
            array.addObject().put("step", a.step()).put("name", a.name()).put("at", time(a.at(), src.zone()));
        }
    }

    private static String time(Instant at, ZoneId zone) {
        return at == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone));
    }
}

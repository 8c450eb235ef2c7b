package cn.gongkai.portal;

import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.Note;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the {@link PackageBuilder} needs to make one item's 报送 package, gathered from the stores by the caller.
 *
 * @param itemId         the item
 * @param content        the approved content (title, category, department, doc_no, Markdown body, notes, images with
 *                       captions, 落款)
 * @param imageBytes     the bytes of each body image, e.g. {@code image -> imageStore.get(image.sha256())}; empty
 *                       when they are missing (the builder then refuses, naming the picture)
 * @param glossaryNotes  the item's glossary terms resolved to their explanations (名词解释), after the item's own notes
 * @param headingNumbers whether the body gets 公文 heading numbers (the item's choice, else the configured default)
 * @param approvals      the review steps that approved the current content, in order
 * @param contentHash    the approved content hash
 * @param plannedAt      the planned publication time, or null
 * @param publishedAt    when WeChat published it, or null when it has not (yet)
 * @param wechatUrl      the WeChat article link, or empty
 * @param preparedAt     when the package is made (its 日期 line); the same instant for every attempt of a delivery
 * @param zone           the zone dates and times are shown in (Asia/Shanghai)
 */
public record PackageSource(long itemId, ItemContent content, Function<ItemImage, Optional<byte[]>> imageBytes,
                            List<Note> glossaryNotes, boolean headingNumbers, List<Approval> approvals,
                            String contentHash, Instant plannedAt, Instant publishedAt, String wechatUrl,
                            Instant preparedAt, ZoneId zone) {

    /**
     * One approval of the content.
     *
     * @param step the step's name, e.g. 业务部门分管领导审核
     * @param name who approved
     * @param at   when
     */
    public record Approval(String step, String name, Instant at) {
        public Approval {
            Objects.requireNonNull(at, "at");
            step = step == null ? "" : step.strip();
            name = name == null ? "" : name.strip();
        }
    }

    public PackageSource {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(imageBytes, "imageBytes");
        Objects.requireNonNull(preparedAt, "preparedAt");
        Objects.requireNonNull(zone, "zone");
        glossaryNotes = List.copyOf(glossaryNotes == null ? List.of() : glossaryNotes);
        approvals = List.copyOf(approvals == null ? List.of() : approvals);
        contentHash = contentHash == null ? "" : contentHash.strip();
        wechatUrl = wechatUrl == null ? "" : wechatUrl.strip();
    }

    /** The item's own notes, then the glossary notes whose term is not already explained. */
    public List<Note> notes() {
        Map<String, Note> byTerm = new LinkedHashMap<>();
        content.notes().forEach(n -> byTerm.putIfAbsent(n.term(), n));
        glossaryNotes.forEach(n -> byTerm.putIfAbsent(n.term(), n));
        return List.copyOf(byTerm.values());
    }
}

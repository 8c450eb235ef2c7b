package cn.gongkai.review;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Transactions;
import java.time.Clock;
import java.util.List;

/**
 * The review chain (design.md §4): items are queued into review, each step approves or rejects, and every decision
 * is an audit row bound to the content hash. The current step is derived from the audit rows of the current content,
 * so an approval of an older text never counts.
 */
public final class ReviewService {
    /** Role names staff see. */
    public static String roleLabel(String role) {
        return switch (role) {
            case "dept-leader" -> "业务部门分管领导";
            case "office-director" -> "办公室主任";
            case "office-leader" -> "办公室分管领导";
            case "principal-leader" -> "主要领导";
            default -> role;
        };
    }

    private final List<String> chain;
    private final ItemRepository items;
    private final AuditLog audit;
    private final Transactions tx;
    private final Clock clock;

    public ReviewService(List<String> chain, ItemRepository items, AuditLog audit, Transactions tx, Clock clock) {
        this.chain = List.copyOf(chain);
        this.items = items;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public List<String> chain() {
        return chain;
    }

    /** The status a newly queued item gets: in review, or approved when the chain is empty. */
    public ItemStatus initialStatus() {
        return chain.isEmpty() ? ItemStatus.APPROVED : ItemStatus.IN_REVIEW;
    }

    /** Writes the audit row for an item that was just queued by {@code actor} (via {@code channel}). */
    public void recordQueued(DisclosureItem item, String actor, String channel) {
        audit.append(new AuditEntry(0, item.id(), actor, "drafter", "SUBMIT", "", item.status().name(), -1,
                "经" + channel + "提交", item.contentHash(), "", clock.instant()));
        if (chain.isEmpty()) {
            audit.append(new AuditEntry(0, item.id(), "oa", "", "APPROVE", ItemStatus.IN_REVIEW.name(),
                    ItemStatus.APPROVED.name(), -1, "review.chain 为空：稿件已在单位 OA 系统中审批，直接进入待发布",
                    item.contentHash(), "", clock.instant()));
        }
    }

    /** The index of the step now waiting for a decision, derived from the audit rows of the current content. */
    public int currentStep(DisclosureItem item) {
        int step = 0;
        for (AuditEntry e : audit.history(item.id())) {
            if (e.decision().equals("SUBMIT") || e.decision().equals("REJECT")) {
                step = 0;
            } else if (e.decision().equals("APPROVE") && e.step() == step
                    && e.contentHash().equals(item.contentHash())) {
                step++;
            }
        }
        return step;
    }

    /**
     * Approves the current step as {@code actor}. The final step makes the item APPROVED.
     *
     * @return the item after the decision
     */
    public DisclosureItem approve(long itemId, String actor, String comment) {
        return tx.inTransaction(() -> {
            DisclosureItem item = load(itemId);
            requireInReview(item);
            if (!item.content().contentHash().equals(item.contentHash())) {
                throw new ReviewException(itemId, "内容与登记的内容指纹不符，请重新提交审核");
            }
            String submitter = submitter(item);
            if (actor.equals(submitter)) {
                throw new ReviewException(itemId, "不能审核自己提交的稿件（提交人：" + submitter + "）");
            }
            int step = currentStep(item);
            for (AuditEntry e : audit.history(itemId)) {
                if (e.decision().equals("APPROVE") && e.actor().equals(actor)
                        && e.contentHash().equals(item.contentHash()) && e.step() < step) {
                    throw new ReviewException(itemId, actor + " 已审核过第 " + (e.step() + 1) + " 步，同一人不能审核两步");
                }
            }
            String role = chain.get(step);
            boolean last = step == chain.size() - 1;
            ItemStatus to = last ? ItemStatus.APPROVED : ItemStatus.IN_REVIEW;
            if (last && !items.transition(itemId, ItemStatus.IN_REVIEW, ItemStatus.APPROVED, null, "",
                    clock.instant())) {
                throw new ReviewException(itemId, "稿件状态已被他人改变，请刷新后重试");
            }
            audit.append(new AuditEntry(0, itemId, actor, role, "APPROVE", ItemStatus.IN_REVIEW.name(), to.name(),
                    step, comment, item.contentHash(), "", clock.instant()));
            return load(itemId);
        });
    }

    /** Rejects the item back to its drafter with a reason. */
    public DisclosureItem reject(long itemId, String actor, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new ReviewException(itemId, "退回必须写明原因（--comment）");
        }
        return tx.inTransaction(() -> {
            DisclosureItem item = load(itemId);
            requireInReview(item);
            int step = currentStep(item);
            if (!items.transition(itemId, ItemStatus.IN_REVIEW, ItemStatus.REJECTED, null, comment,
                    clock.instant())) {
                throw new ReviewException(itemId, "稿件状态已被他人改变，请刷新后重试");
            }
            audit.append(new AuditEntry(0, itemId, actor, chain.get(step), "REJECT", ItemStatus.IN_REVIEW.name(),
                    ItemStatus.REJECTED.name(), step, comment, item.contentHash(), "", clock.instant()));
            return load(itemId);
        });
    }

    private DisclosureItem load(long itemId) {
        return items.find(itemId).orElseThrow(() -> new ReviewException(itemId, "稿件不存在"));
    }

    private void requireInReview(DisclosureItem item) {
        if (item.status() != ItemStatus.IN_REVIEW) {
            throw new ReviewException(item.id(), "当前状态为“" + item.status().label() + "”，不在审核中");
        }
    }

    private String submitter(DisclosureItem item) {
        return audit.history(item.id()).stream().filter(e -> e.decision().equals("SUBMIT")).map(AuditEntry::actor)
                .reduce((a, b) -> b).orElse("");
    }
}

package cn.gongkai;

import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.delivery.SandboxMailbox;
import cn.gongkai.delivery.Senders;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ImageStore;
import cn.gongkai.item.Note;
import cn.gongkai.portal.DeliveryFacts;
import cn.gongkai.portal.PackageBuilder;
import cn.gongkai.portal.PackageSource;
import cn.gongkai.portal.PortalPackages;
import cn.gongkai.portal.PortalSenders;
import cn.gongkai.render.Glossary;
import cn.gongkai.review.AuditAction;
import cn.gongkai.review.AuditLog;
import cn.gongkai.review.ReviewService;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where the 报区政府办 channel meets the parts built beside it: the senders of {@code cn.gongkai.delivery} (e-mail,
 * webhook, folder, and the sandbox mailbox when a portal's mail has no server) and the {@link PackageBuilder}, whose
 * {@link PackageSource} is filled here from the item, the image store, the glossary, and the approvals bound to the
 * content being sent.
 */
final class PortalSeams {

    private PortalSeams() {
    }

    /** The sender of each portal; a portal whose mail has no server gets the sandbox mailbox of this process. */
    static PortalSenders senders(Supplier<SandboxMailbox> sandbox) {
        return portal -> Senders.forPortal(portal, sandbox);
    }

    /** The package maker: the item's approved content with its pictures, notes and approvals, in the configured zone. */
    static PortalPackages packages(GongkaiConfig config, ImageStore images, Supplier<Glossary> glossary,
                                   AuditLog audit) {
        PackageBuilder builder = new PackageBuilder();
        return (item, portal, facts) -> builder.build(source(config, images, glossary.get(), audit, item, facts),
                portal);
    }

    private static PackageSource source(GongkaiConfig config, ImageStore images, Glossary glossary, AuditLog audit,
                                        DisclosureItem item, DeliveryFacts facts) {
        List<Note> glossaryNotes = item.content().glossary().stream()
                .flatMap(term -> glossary.explain(term).map(text -> new Note(term, text)).stream())
                .toList();
        boolean headingNumbers = item.content().headingNumbers() != null ? item.content().headingNumbers()
                : config.render().headingNumbers();
        return new PackageSource(item.id(), item.content(), image -> images.get(image.sha256()), glossaryNotes,
                headingNumbers, approvals(audit, item), item.contentHash(), item.content().publishAt(),
                facts.publishedAt(), facts.wechatUrl(), facts.preparedAt(), config.timezone());
    }

    /** The approvals of the content being sent (rows of another version of the text are not its approvals). */
    private static List<PackageSource.Approval> approvals(AuditLog audit, DisclosureItem item) {
        return audit.history(item.id()).stream()
                .filter(e -> e.decision().equals(AuditAction.APPROVE.name()))
                .filter(e -> e.contentHash().equals(item.contentHash()))
                .map(e -> new PackageSource.Approval(ReviewService.roleLabel(e.role()), e.actor(), e.at()))
                .toList();
    }
}

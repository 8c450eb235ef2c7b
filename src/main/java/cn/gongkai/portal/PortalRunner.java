package cn.gongkai.portal;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.config.UnitConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers approved, due items to each portal (the scheduled job and {@code gongkai portal run} run the same
 * {@link #run()}), independently of WeChat. Per portal it first sends again what is pending (a failure for a passing
 * reason whose wait is over, or a row a killed process left PREPARED), then prepares and sends what became due: the
 * PREPARED row with the delivery's identity is committed before anything is sent, and every later attempt uses that
 * same identity, so a crash at any point neither loses an item nor sends it under a new one.
 */
public final class PortalRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PortalRunner.class);
    /** At most this many items per portal and run; the rest go in the next run. */
    static final int PER_RUN = 100;

    private final List<PortalConfig> portals;
    private final DeliveryStore store;
    private final ItemRepository items;
    private final PortalSenders senders;
    private final DeliveryAttempt attempt;
    private final DeliveryIdentities identities = new DeliveryIdentities();
    private final RetryPolicy retry;
    private final DeliveryBoundary.Listener boundaries;
    private final Clock clock;
    /** The unit whose {@code portals:} lists each portal: only its items go there (empty: any unit's). */
    private final java.util.Map<String, String> unitOfPortal;

    public PortalRunner(List<PortalConfig> portals, DeliveryStore store, DeliveryParts parts, PortalSenders senders,
                        RetryPolicy retry, DeliveryBoundary.Listener boundaries, Clock clock) {
        this(portals, List.of(), store, parts, senders, retry, boundaries, clock);
    }

    /** A runner that sends each portal only the items of the unit listing it in {@code units}. */
    public PortalRunner(List<PortalConfig> portals, List<UnitConfig> units, DeliveryStore store, DeliveryParts parts,
                        PortalSenders senders, RetryPolicy retry, DeliveryBoundary.Listener boundaries, Clock clock) {
        this.portals = List.copyOf(portals);
        java.util.Map<String, String> owners = new java.util.HashMap<>();
        units.forEach(u -> u.portals().forEach(p -> owners.put(p, u.id())));
        this.unitOfPortal = java.util.Map.copyOf(owners);
        this.store = store;
        this.items = parts.items();
        this.senders = senders;
        this.retry = retry;
        this.boundaries = boundaries;
        this.clock = clock;
        this.attempt = new DeliveryAttempt(store, parts.items(), parts.ledger(), parts.audit(), parts.packages(),
                retry, boundaries, clock);
    }

    /** Whether any portal is configured (the scheduled job is skipped without one). */
    public boolean hasPortals() {
        return !portals.isEmpty();
    }

    /** Delivers what is pending and due now to every portal. */
    public DeliveryReport run() {
        DeliveryReport total = DeliveryReport.NONE;
        for (PortalConfig portal : portals) {
            try {
                total = total.plus(run(portal));
            } catch (RuntimeException e) {
                LOG.error("delivery to portal {} stopped; the next run goes on from the stored rows", portal.id(), e);
            }
        }
        return total;
    }

    private DeliveryReport run(PortalConfig portal) {
        PortalSender sender = senders.forPortal(portal);
        Tally tally = new Tally();
        for (PortalDelivery row : store.pending(portal.id(), clock.instant(), PER_RUN)) {
            claimAndSend(portal, row, sender, tally);
        }
        for (long itemId : store.undelivered(portal.id(), unitOfPortal.get(portal.id()), portal.categories(),
                clock.instant(), PER_RUN)) {
            items.find(itemId).flatMap(item -> prepare(portal, item))
                    .ifPresent(row -> tally.add(attempt.send(portal, row, sender)));
        }
        if (tally.report().sent() + tally.report().failed() + tally.report().retried() > 0) {
            LOG.info("portal {}: {}", portal.id(), tally.report().toText());
        }
        return tally.report();
    }

    /** Sends one pending row now (after staff's resend); empty when it was not pending or is gone. */
    public Optional<PortalDelivery> sendNow(String portalId, long itemId) {
        PortalConfig portal = portal(portalId);
        Optional<PortalDelivery> row = store.find(itemId, portalId);
        row.ifPresent(r -> claimAndSend(portal, r, senders.forPortal(portal), new Tally()));
        return store.find(itemId, portalId);
    }

    private void claimAndSend(PortalConfig portal, PortalDelivery row, PortalSender sender, Tally tally) {
        Instant now = clock.instant();
        if (store.claim(row.itemId(), row.portalId(), now, retry.claimUntil(now))) {
            store.find(row.itemId(), row.portalId()).ifPresent(claimed -> tally.add(attempt.send(portal, claimed,
                    sender)));
        }
    }

    /** PREPARE: the row with a new identity, committed before anything is sent; empty when another run was first. */
    private Optional<PortalDelivery> prepare(PortalConfig portal, DisclosureItem item) {
        Instant now = clock.instant();
        Instant planned = item.content().publishAt();
        PortalDelivery row = new PortalDelivery(item.id(), portal.id(), item.title(), DeliveryState.PREPARED,
                identities.next(item.id(), portal), "", "", "", 1, "", item.content().category(),
                item.contentHash(), planned == null ? now : planned, now, retry.claimUntil(now), null, null);
        if (!store.prepare(row)) {
            return Optional.empty();
        }
        boundaries.reached(DeliveryBoundary.PREPARED, item.id(), portal.id());
        return Optional.of(row);
    }

    /** The configured portal with this id; an {@link IllegalArgumentException} in Chinese naming the ids otherwise. */
    public PortalConfig portal(String id) {
        return portals.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("没有编号为“" + id + "”的报送单位（已配置：" + (portals.isEmpty() ? "无"
                        : String.join("、", portals.stream().map(PortalConfig::id).toList())) + "）"));
    }

    /** How the portal is reached, in one line without secrets (the sender's own description). */
    public String describe(PortalConfig portal) {
        return senders.forPortal(portal).describe();
    }

    /** The configured portals. */
    public List<PortalConfig> portals() {
        return portals;
    }

    /** Counts the results of the attempts of one portal's run. */
    private static final class Tally {
        private int sent;
        private int adopted;
        private int retried;
        private int failed;

        void add(DeliveryAttempt.Result result) {
            switch (result) {
                case SENT -> sent++;
                case ADOPTED -> {
                    sent++;
                    adopted++;
                }
                case RETRY -> retried++;
                case FAILED -> failed++;
            }
        }

        DeliveryReport report() {
            return new DeliveryReport(sent, adopted, retried, failed);
        }
    }
}

package cn.gongkai.portal;

import cn.gongkai.item.Scope;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The delivery rows of the 报区政府办 channel ({@code portal_delivery}, one per item and portal). Every write is a
 * compare-and-set on the row's state, so two runs (the scheduled job and {@code gongkai portal run}) never send the
 * same row at once.
 *
 * <p>Each row carries the unit of its item ({@code unit_id}, V25). What a person sees is read with a {@link Scope}
 * (their unit's rows, or every unit's for the district roles): outside it a row does not exist. The methods without
 * one read every unit's rows, for the program's own jobs (the portal runner, the internal inbox by its portals).
 */
public interface DeliveryStore {

    /**
     * Items the portal has no row for yet that are due at {@code now}: approved (or published or being published
     * since the channel began — items published before it are not sent afterwards), planned for {@code now} or
     * earlier or not planned, of one of {@code categories} (all when empty); oldest first, at most {@code limit}.
     */
    default List<Long> undelivered(String portalId, List<String> categories, Instant now, int limit) {
        return undelivered(portalId, null, categories, now, limit);
    }

    /**
     * {@link #undelivered(String, List, Instant, int)} among the items of one unit only (the unit whose
     * {@code portals:} lists the portal); {@code unitId} null: every unit's.
     */
    List<Long> undelivered(String portalId, String unitId, List<String> categories, Instant now, int limit);

    /**
     * Stores a new PREPARED row (attempts 1, claimed until its {@code nextAttemptAt}) in one transaction.
     *
     * @return false when the item already has a row for the portal (another run prepared it first)
     */
    boolean prepare(PortalDelivery row);

    /** Rows of the portal that a run may send now: PREPARED or FAILED with a next attempt at or before {@code now}. */
    List<PortalDelivery> pending(String portalId, Instant now, int limit);

    /**
     * Claims a pending row for one attempt: counts the attempt and holds it until {@code until} (a process that dies
     * while sending leaves it for the next run after that).
     *
     * @return false when it is no longer pending (another run took it)
     */
    boolean claim(long itemId, String portalId, Instant now, Instant until);

    /** PREPARED/FAILED → SENT, or ADOPTED by {@code portal} when {@code adoptedUrl} is not empty. */
    boolean sent(long itemId, String portalId, String reference, String adoptedUrl, Instant at);

    /** PREPARED/FAILED → FAILED with the reason; {@code nextAttempt} null waits for staff. */
    boolean failed(long itemId, String portalId, String failure, Instant nextAttempt);

    /** FAILED → FAILED due now (staff fixed the cause and asked to send again under the same identity). */
    boolean resend(long itemId, String portalId, Instant now);

    /**
     * Records the office's decision: SENT/ADOPTED/NOT_ADOPTED → {@code to} (ADOPTED or NOT_ADOPTED) with the link
     * (empty for NOT_ADOPTED), who recorded it and when.
     */
    boolean decide(long itemId, String portalId, DeliveryState to, String url, String recordedBy, Instant at);

    Optional<PortalDelivery> find(long itemId, String portalId);

    /** The rows of an item, one per portal it went to. */
    List<PortalDelivery> ofItem(long itemId);

    /** The newest rows (of one portal, or all when null), newest prepared first, at most {@code limit}. */
    List<PortalDelivery> recent(String portalId, int limit);

    /**
     * One page of the rows (of one portal, or all when null), newest prepared first: {@code limit} rows after the
     * first {@code offset}.
     */
    List<PortalDelivery> page(String portalId, int offset, int limit);

    /** How many rows there are (of one portal, or all when null). */
    int count(String portalId);

    /** Rows sent in [from, until) (of one portal, or all when null): what the counts read. */
    List<PortalDelivery> sentBetween(Instant from, Instant until, String portalId);

    /** {@link #find(long, String)} within {@code scope}: another unit's row is empty. */
    Optional<PortalDelivery> find(long itemId, String portalId, Scope scope);

    /** {@link #ofItem(long)} within {@code scope}: none for another unit's item. */
    List<PortalDelivery> ofItem(long itemId, Scope scope);

    /** One page of the rows in {@code scope}, newest prepared first: {@code limit} rows after the first {@code offset}. */
    List<PortalDelivery> pageIn(Scope scope, int offset, int limit);

    /** How many rows {@code scope} has. */
    int countIn(Scope scope);

    /** The rows in {@code scope} sent in [from, until): what a unit's counts read. */
    List<PortalDelivery> sentIn(Scope scope, Instant from, Instant until);

    /**
     * Which of {@code messageIds} (with angle brackets, as in the mail) are the Message-IDs of rows in
     * {@code scope}: the mails a unit's delivery sent.
     */
    Set<String> messageIds(Collection<String> messageIds, Scope scope);
}

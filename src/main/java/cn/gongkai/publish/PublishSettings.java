package cn.gongkai.publish;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.PublishingConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * How publishing behaves.
 *
 * @param zone              the day of the daily cap and of the mass-send limit
 * @param poll              how long one run waits for a job it just submitted
 * @param callbackGrace     with a callback configured, how long to wait for the event before polling
 * @param resubmitAfter     a submit whose answer was lost is sent again only when the draft is still in the draft
 *                          box and at least this long has passed (a job still running may not have taken it yet)
 * @param boundaries        told of each state boundary; {@link BoundaryListener#NONE} in production
 * @param gate              the pre-publish checks run again just before an item is claimed
 */
public record PublishSettings(List<AccountConfig> accounts, ZoneId zone, PollPolicy poll, Duration callbackGrace,
                              Duration resubmitAfter, BoundaryListener boundaries, PublishGate gate) {
    public PublishSettings {
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(poll, "poll");
        if (callbackGrace == null || callbackGrace.isNegative()) {
            throw new IllegalArgumentException("callbackGrace must be >= 0: " + callbackGrace);
        }
        if (resubmitAfter == null || resubmitAfter.isNegative()) {
            throw new IllegalArgumentException("resubmitAfter must be >= 0: " + resubmitAfter);
        }
        boundaries = boundaries == null ? BoundaryListener.NONE : boundaries;
        gate = gate == null ? PublishGate.OPEN : gate;
    }

    /** Settings without a last check before claiming (tools and tests). */
    public PublishSettings(List<AccountConfig> accounts, ZoneId zone, PollPolicy poll, Duration callbackGrace,
                           Duration resubmitAfter, BoundaryListener boundaries) {
        this(accounts, zone, poll, callbackGrace, resubmitAfter, boundaries, PublishGate.OPEN);
    }

    /** Settings from the configuration, for production: no boundary listener. */
    public static PublishSettings of(List<AccountConfig> accounts, ZoneId zone, PublishingConfig config,
                                     PollPolicy poll) {
        return new PublishSettings(accounts, zone, poll, config.callbackGrace(), config.resubmitAfter(),
                BoundaryListener.NONE);
    }

    /** The start of the publishing day (in {@link #zone()}) that holds {@code now}. */
    public Instant startOfDay(Instant now) {
        return LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
    }

    /** Tells the boundary listener that the batch reached the boundary. */
    void reached(Boundary boundary, long batchId) {
        boundaries.reached(boundary, batchId);
    }

    /** The same settings with another boundary listener. */
    public PublishSettings withBoundaries(BoundaryListener listener) {
        return new PublishSettings(accounts, zone, poll, callbackGrace, resubmitAfter, listener, gate);
    }

    /** The same settings with another resubmit delay. */
    public PublishSettings withResubmitAfter(Duration delay) {
        return new PublishSettings(accounts, zone, poll, callbackGrace, delay, boundaries, gate);
    }

    /** The same settings with the given last check before claiming. */
    public PublishSettings withGate(PublishGate check) {
        return new PublishSettings(accounts, zone, poll, callbackGrace, resubmitAfter, boundaries, check);
    }
}

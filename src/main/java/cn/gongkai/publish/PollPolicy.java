package cn.gongkai.publish;

import java.time.Duration;

/**
 * How long a run waits for WeChat to finish a publish job before leaving it for a later run.
 *
 * @param polls    status calls per batch per run ({@code freepublish/get} allows 100 a day)
 * @param interval pause between them
 */
public record PollPolicy(int polls, Duration interval) {
    public PollPolicy {
        if (polls < 0) {
            throw new IllegalArgumentException("polls must be >= 0: " + polls);
        }
        if (interval == null || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be >= 0: " + interval);
        }
    }
}

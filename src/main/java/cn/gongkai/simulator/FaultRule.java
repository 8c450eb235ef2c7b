package cn.gongkai.simulator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One fault-injection rule: when it fires on calls to an endpoint, and what happens then.
 *
 * <p>JSON/YAML form (admin endpoint and fault files), e.g.
 * {@code {"endpoint":"freepublish/submit","when":"nth","n":2,"action":"drop"}}.
 *
 * @param endpoint     endpoint name such as {@code freepublish/submit} (a leading {@code /cgi-bin/} is accepted),
 *                     or {@code *} for every WeChat endpoint
 * @param appId        only calls of this account, or {@code null} for all accounts
 * @param when         trigger: the nth matching call (once), every nth call, with a probability, or always
 * @param n            the n of {@link When#NTH} and {@link When#EVERY}
 * @param probability  the chance of {@link When#RANDOM}
 * @param seed         seed of the {@link When#RANDOM} generator, so runs repeat
 * @param action       answer an errcode, answer an HTTP error page, delay, or do the work and drop the answer
 * @param errcode      the errcode of {@link Action#ERRCODE}
 * @param httpStatus   the status of {@link Action#HTTP} (500, 502, ...)
 * @param delayMillis  the pause of {@link Action#DELAY}
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FaultRule(String endpoint, String appId, When when, int n, double probability, long seed,
                        Action action, int errcode, int httpStatus, long delayMillis) {

    /** When a rule fires; counting starts when the rule is added and covers matching calls only. */
    public enum When { NTH, EVERY, RANDOM, ALWAYS }

    /** What a firing rule does. */
    public enum Action {
        /** Answer {@code {"errcode":errcode}} without doing the work. */
        ERRCODE,
        /** Answer an HTML error page with {@code httpStatus} without doing the work. */
        HTTP,
        /** Wait {@code delayMillis} of real time, then answer normally. */
        DELAY,
        /** Do the work, then close the connection without any answer. */
        DROP
    }

    public FaultRule {
        endpoint = Endpoints.normalise(endpoint == null ? "*" : endpoint);
        when = when == null ? When.ALWAYS : when;
        if (action == null) {
            throw new IllegalArgumentException("fault rule action is required (errcode, http, delay, drop)");
        }
        if ((when == When.NTH || when == When.EVERY) && n < 1) {
            throw new IllegalArgumentException("fault rule n must be >= 1 for when=" + when + ", was " + n);
        }
        if (when == When.RANDOM && (probability < 0 || probability > 1)) {
            throw new IllegalArgumentException("fault rule probability must be in [0,1], was " + probability);
        }
        if (action == Action.HTTP && (httpStatus < 400 || httpStatus > 599)) {
            throw new IllegalArgumentException("fault rule httpStatus must be 4xx/5xx, was " + httpStatus);
        }
        if (action == Action.ERRCODE && errcode == 0) {
            throw new IllegalArgumentException("fault rule errcode must not be 0");
        }
        if (action == Action.DELAY && delayMillis <= 0) {
            throw new IllegalArgumentException("fault rule delayMillis must be > 0");
        }
    }

    /** Answer {@code errcode} on the nth call to the endpoint (counted from now), once. */
    public static FaultRule errcodeOnNth(String endpoint, int n, int errcode) {
        return new FaultRule(endpoint, null, When.NTH, n, 0, 0, Action.ERRCODE, errcode, 0, 0);
    }

    /** Answer {@code errcode} on every k-th call to the endpoint. */
    public static FaultRule errcodeEvery(String endpoint, int k, int errcode) {
        return new FaultRule(endpoint, null, When.EVERY, k, 0, 0, Action.ERRCODE, errcode, 0, 0);
    }

    /** Answer {@code errcode} with probability {@code p}, drawn from a generator seeded with {@code seed}. */
    public static FaultRule errcodeRandomly(String endpoint, double p, long seed, int errcode) {
        return new FaultRule(endpoint, null, When.RANDOM, 0, p, seed, Action.ERRCODE, errcode, 0, 0);
    }

    /** Answer an HTML page with HTTP {@code status} on the nth call, once. */
    public static FaultRule httpErrorOnNth(String endpoint, int n, int status) {
        return new FaultRule(endpoint, null, When.NTH, n, 0, 0, Action.HTTP, 0, status, 0);
    }

    /** Answer an HTML page with HTTP {@code status} with probability {@code p}, drawn from a generator seeded with {@code seed}. */
    public static FaultRule httpErrorRandomly(String endpoint, double p, long seed, int status) {
        return new FaultRule(endpoint, null, When.RANDOM, 0, p, seed, Action.HTTP, 0, status, 0);
    }

    /**
     * Wait before doing the work and answering, with probability {@code p}; a wait beyond the caller's read timeout
     * is a timeout whose work was nevertheless done.
     */
    public static FaultRule delayRandomly(String endpoint, double p, long seed, long millis) {
        return new FaultRule(endpoint, null, When.RANDOM, 0, p, seed, Action.DELAY, 0, 0, millis);
    }

    /** Wait before answering every call to the endpoint. */
    public static FaultRule delayAlways(String endpoint, long millis) {
        return new FaultRule(endpoint, null, When.ALWAYS, 0, 0, 0, Action.DELAY, 0, 0, millis);
    }

    /** Do the nth call's work, then drop the connection without an answer, once. */
    public static FaultRule dropAnswerOnNth(String endpoint, int n) {
        return new FaultRule(endpoint, null, When.NTH, n, 0, 0, Action.DROP, 0, 0, 0);
    }

    /** The same rule limited to one account. */
    public FaultRule forApp(String onlyAppId) {
        return new FaultRule(endpoint, onlyAppId, when, n, probability, seed, action, errcode, httpStatus, delayMillis);
    }
}

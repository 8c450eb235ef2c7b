package cn.gongkai.simulator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * A set of faults and behaviour settings as loaded from a JSON/YAML file or posted to {@code /sim/admin/faults}.
 * Every field is optional.
 *
 * <pre>
 * rules:
 *   - {endpoint: freepublish/submit, when: nth, n: 1, action: drop}
 *   - {endpoint: draft/add, when: random, probability: 0.1, seed: 7, action: errcode, errcode: -1}
 * publishPolls: 2            # polls answering publish_status 1 before a job finishes
 * publishMillis: 3000        # clock time after which a job finishes even unpolled
 * publishOutcomes:           # outcomes of the next submits, in order
 *   - {status: 4, failIdx: [1]}
 * quotas: {freepublish/submit: 5}
 * invalidateTokens: [wx123]
 * ipNotWhitelisted: {wx123: 1.2.3.4}   # every call of the account, token included, answers 40164 with this IP
 * </pre>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FaultPlan(List<FaultRule> rules, Integer publishPolls, Long publishMillis,
                        List<PublishOutcome> publishOutcomes, Map<String, Integer> quotas,
                        List<String> invalidateTokens, Map<String, String> ipNotWhitelisted) {
    public FaultPlan {
        rules = rules == null ? List.of() : List.copyOf(rules);
        publishOutcomes = publishOutcomes == null ? List.of() : List.copyOf(publishOutcomes);
        quotas = quotas == null ? Map.of() : Map.copyOf(quotas);
        invalidateTokens = invalidateTokens == null ? List.of() : List.copyOf(invalidateTokens);
        ipNotWhitelisted = ipNotWhitelisted == null ? Map.of() : Map.copyOf(ipNotWhitelisted);
    }

    /** A plan without IP whitelist faults. */
    public FaultPlan(List<FaultRule> rules, Integer publishPolls, Long publishMillis,
                     List<PublishOutcome> publishOutcomes, Map<String, Integer> quotas, List<String> invalidateTokens) {
        this(rules, publishPolls, publishMillis, publishOutcomes, quotas, invalidateTokens, null);
    }

    /**
     * How a publish job ends.
     *
     * @param status  final {@code publish_status}: 0 success, 2 originality failed, 3 failed, 4 rejected by review
     * @param failIdx 1-based failing article numbers, reported for statuses 2 and 4
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PublishOutcome(int status, List<Integer> failIdx) {
        public PublishOutcome {
            if (status != 0 && status != 2 && status != 3 && status != 4) {
                throw new IllegalArgumentException("publish outcome status must be 0, 2, 3 or 4, was " + status);
            }
            failIdx = failIdx == null ? List.of() : List.copyOf(failIdx);
        }

        static final PublishOutcome SUCCESS = new PublishOutcome(0, List.of());
    }
}

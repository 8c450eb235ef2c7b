package cn.gongkai.publish;

import java.util.ArrayList;
import java.util.List;

/** What one run did, gathered as the parts work: counts and the Chinese messages staff see. */
final class Tally {
    int batches;
    int published;
    int failed;
    int pending;
    final List<String> messages = new ArrayList<>();

    /** Counts a batch that is still open after this run; returns the outcome for chaining. */
    BatchOutcome add(BatchOutcome o) {
        if (o == BatchOutcome.PENDING || o == BatchOutcome.STOPPED) {
            pending++;
        }
        return o;
    }

    void say(String message) {
        messages.add(message);
    }

    RunReport report(String account) {
        return new RunReport(account, batches, published, failed, pending, messages);
    }
}

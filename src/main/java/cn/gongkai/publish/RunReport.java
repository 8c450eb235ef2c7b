package cn.gongkai.publish;

import java.util.List;

/**
 * What one publishing run did for an account.
 *
 * @param published articles that went out in this run
 * @param failed    items that failed in this run
 * @param pending   batches left waiting on WeChat (publishing, parked or to be settled)
 * @param messages  Chinese lines for staff and operators
 */
public record RunReport(String account, int batches, int published, int failed, int pending, List<String> messages) {
    public RunReport {
        messages = List.copyOf(messages);
    }
}

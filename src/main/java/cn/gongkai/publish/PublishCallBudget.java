package cn.gongkai.publish;

import java.time.LocalDate;

/**
 * Calls spent per account, endpoint and Beijing day on endpoints with small daily quotas ({@code freepublish/get}
 * allows 100 a day), shared by every process on the database.
 */
public interface PublishCallBudget {

    /** Takes one call from the day's budget; false (and nothing taken) when {@code limit} calls are spent. */
    boolean take(String account, String endpoint, LocalDate day, int limit);

    /** Calls taken so far that day. */
    int used(String account, String endpoint, LocalDate day);
}

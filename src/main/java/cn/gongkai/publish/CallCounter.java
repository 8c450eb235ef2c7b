package cn.gongkai.publish;

import java.time.LocalDate;
import java.util.Map;

/**
 * WeChat API calls counted per account, API and day, shared by every process that uses the same store. The day is
 * the caller's (Asia/Shanghai for WeChat's quotas).
 */
public interface CallCounter {

    /**
     * Counts one call unless {@code max} calls are already counted for that day; atomic, also across processes.
     *
     * @return true when the call was counted (and may be sent), false when the day's {@code max} is reached
     */
    boolean tryAdd(String account, String api, LocalDate day, long max);

    /** The calls counted for the account on the day, by API. */
    Map<String, Long> counts(String account, LocalDate day);
}

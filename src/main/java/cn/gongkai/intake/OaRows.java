package cn.gongkai.intake;

import java.util.List;
import java.util.Map;

/**
 * Port to the bureau's OA database: the rows of the configured query, each as column name (lower case) → value as
 * text (null when the column is NULL; times as {@code yyyy-MM-dd HH:mm:ss} or ISO-8601 with an offset).
 */
public interface OaRows {

    /**
     * Runs the query.
     *
     * @throws RuntimeException naming the OA URL (without credentials) when the database cannot be read
     */
    List<Map<String, String>> fetch();
}

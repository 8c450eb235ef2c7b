package cn.gongkai.review;

import java.util.Map;
import java.util.Set;

/** Every row that carries a unit (migration V25's {@code unit_id}), counted and moved per table. */
public interface UnitRows {

    /** How many rows of each table belong to {@code unit}, in a fixed order of tables. */
    Map<String, Long> count(String unit);

    /** The accounts named by the unit's items, batches and ledger rows. */
    Set<String> accounts(String unit);

    /** The portals (报区政府办 channels) named by the unit's deliveries. */
    Set<String> portals(String unit);

    /** Gives every row of unit {@code from} to unit {@code to}, in one transaction; the rows moved per table. */
    Map<String, Long> move(String from, String to);
}

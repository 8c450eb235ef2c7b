package cn.gongkai.review;

import java.time.Instant;
import java.util.List;

/**
 * The stored units (the {@code unit} table): those of the configuration, written there when a command first stores an
 * item, and those a district administrator added on the 单位 page (source {@code console}).
 */
public interface UnitTable {

    /** One stored unit; {@code console} when it was added on the 单位 page, else it came from the configuration. */
    record Row(String id, String name, boolean console, Instant createdAt) {
    }

    /** Every stored unit, oldest first. */
    List<Row> list();

    /** The stored unit of that id. */
    java.util.Optional<Row> find(String id);

    /** Stores a unit added on the 单位 page (source {@code console}); false when a unit of that id is stored. */
    boolean addConsoleUnit(String id, String name, Instant at);
}

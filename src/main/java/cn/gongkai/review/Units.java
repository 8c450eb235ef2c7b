package cn.gongkai.review;

import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.config.UnitConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The units there are (issue 19): the configuration's ({@code units:}, read-only on the 单位 page) and those a
 * district administrator added on the 单位 page (the {@code unit} table's {@code console} rows). When the
 * configuration names the id of a console unit, the configuration wins. A console unit has no accounts or portals
 * yet, and the top-level categories and review chains.
 *
 * <p>Cheap for read commands: the table is read only when a unit is not in the configuration, or when every unit is
 * listed; the store behind {@code table} is not even asked for before then.
 */
public final class Units {
    /** The longest unit name the 单位 page takes. */
    public static final int MAX_NAME = 64;

    /** A unit and where it is defined: {@code configured} (配置文件) or added on the 单位 page (控制台). */
    public record Unit(UnitConfig config, boolean configured) {
        public String id() {
            return config.id();
        }

        public String name() {
            return config.name();
        }

        /** Where it is defined, as staff read it. */
        public String sourceLabel() {
            return configured ? "配置文件" : "控制台";
        }
    }

    private final GongkaiConfig config;
    private final Supplier<UnitTable> table;
    private final Clock clock;

    public Units(GongkaiConfig config, Supplier<UnitTable> table, Clock clock) {
        this.config = config;
        this.table = table;
        this.clock = clock;
    }

    /** The configuration the units come from. */
    public GongkaiConfig config() {
        return config;
    }

    /** Every unit: the configuration's in its order, then those added on the 单位 page, oldest first. */
    public List<Unit> all() {
        List<Unit> out = new ArrayList<>();
        config.units().forEach(u -> out.add(new Unit(u, true)));
        for (UnitTable.Row row : table.get().list()) {
            if (row.console() && config.unit(row.id()).isEmpty()) {
                out.add(new Unit(consoleUnit(row), false));
            }
        }
        return out;
    }

    /** The unit of that id; the table is read only when the configuration does not name it. */
    public Optional<Unit> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        Optional<UnitConfig> configured = config.unit(id.strip());
        if (configured.isPresent()) {
            return Optional.of(new Unit(configured.get(), true));
        }
        if (!UnitConfig.isValidId(id.strip())) {
            return Optional.empty();
        }
        return table.get().find(id.strip()).filter(UnitTable.Row::console).map(r -> new Unit(consoleUnit(r), false));
    }

    /**
     * Adds a unit on the 单位 page: the id follows the configuration's rule, the name is needed, and an id in use
     * (in the configuration or added before) is refused naming that unit.
     *
     * @throws UserException naming the problem; nothing is stored then
     */
    public Unit add(String id, String name) {
        String unitId = id == null ? "" : id.strip();
        String unitName = name == null ? "" : name.strip();
        if (!UnitConfig.isValidId(unitId)) {
            throw new UserException("单位编号“" + unitId + "”不可用：需为 1–32 位小写字母、数字、-或_，以字母或数字开头，"
                    + "例如 shangwu");
        }
        if (unitName.isEmpty() || unitName.length() > MAX_NAME) {
            throw new UserException("单位名称不能为空，且不超过 " + MAX_NAME + " 个字，例如 红旗区商务局");
        }
        if (!config.severalUnits()) {
            throw new UserException("配置文件中只有一个单位，不能在控制台添加单位：请先在配置文件 units: 中列出本区的单位"
                    + "（至少两个），再在这里添加其他单位");
        }
        find(unitId).ifPresent(Units::refuseTaken);
        if (!table.get().addConsoleUnit(unitId, unitName, clock.instant())) {
            find(unitId).ifPresent(Units::refuseTaken);
            throw new UserException("单位编号“" + unitId + "”已被使用");
        }
        return new Unit(consoleUnit(new UnitTable.Row(unitId, unitName, true, clock.instant())), false);
    }

    private static void refuseTaken(Unit existing) {
        throw new UserException("单位编号“" + existing.id() + "”已被使用：" + existing.id() + " " + existing.name()
                + "（" + existing.sourceLabel() + "）");
    }

    /** A unit added on the 单位 page: no accounts or portals yet, the top-level categories and chains. */
    private UnitConfig consoleUnit(UnitTable.Row row) {
        return new UnitConfig(row.id(), row.name(), config.categories(), config.reviewChain(),
                config.review().importantChain(), List.of(), List.of(), Path.of(""));
    }

    /** The units as the command line and messages list them: "id 名称", joined by 、. */
    public String choices() {
        return String.join("、", all().stream().map(u -> u.id() + " " + u.name()).toList());
    }
}

package cn.gongkai.cli;

import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.config.UnitConfig;
import cn.gongkai.item.Scope;
import cn.gongkai.review.Role;
import cn.gongkai.review.Units;
import cn.gongkai.review.User;
import java.util.stream.Collectors;

/** The unit of a user the command line adds ({@code --unit}), and how a user's unit is shown. */
final class UserUnits {
    /** What the district office's people show where a unit would be. */
    static final String DISTRICT_OFFICE = "区政府办";

    private UserUnits() {
    }

    /**
     * The unit a new user of {@code role} gets: none for the district office's roles (a given {@code --unit} is
     * refused), the given one when it is a unit (configured, or added on the 单位 page: only then is the table read),
     * the only configured unit when there is one and none is given.
     */
    static String unitFor(Units units, Role role, String given) {
        GongkaiConfig config = units.config();
        String unit = given == null ? null : given.strip();
        if (role.district()) {
            if (unit != null) {
                throw new UserError(role.label() + "属于区政府办，不属于任何单位：请去掉 --unit " + unit);
            }
            return null;
        }
        if (unit == null || unit.isEmpty()) {
            if (config.severalUnits()) {
                throw new UserError("配置了多个单位，请用 --unit 指明用户所属的单位（可用：" + units.choices() + "）");
            }
            return config.units().get(0).id();
        }
        if (units.find(unit).isEmpty()) {
            throw new UserError("没有编号为“" + unit + "”的单位（可用：" + units.choices() + "）");
        }
        return unit;
    }

    /**
     * Whose items a command reads ({@code --unit}): the given unit when it is configured; without one the whole
     * instance when it has a single unit, and a refusal when it has several (say which unit).
     */
    static Scope scopeFor(GongkaiConfig config, String given) {
        String unit = given == null ? "" : given.strip();
        if (unit.isEmpty()) {
            if (config.severalUnits()) {
                throw new UserError("配置了多个单位，请用 --unit 指明单位（可用：" + choices(config) + "）");
            }
            return Scope.district();
        }
        if (config.unit(unit).isEmpty()) {
            throw new UserError("没有编号为“" + unit + "”的单位（可用：" + choices(config) + "）");
        }
        return Scope.unit(unit);
    }

    /** The user's unit as staff read it: its name, or 区政府办 for the district office's roles. */
    static String label(GongkaiConfig config, User user) {
        if (user.unitId() == null) {
            return DISTRICT_OFFICE;
        }
        return config.unit(user.unitId()).map(UnitConfig::name).orElse(user.unitId());
    }

    /** {@link #label(GongkaiConfig, User)}, naming a unit added on the 单位 page too. */
    static String label(Units units, User user) {
        return labels(units, java.util.List.of(user)).apply(user);
    }

    /**
     * The labels of {@code users}' units, naming units added on the 单位 page too: the table is read once, and only
     * when one of them belongs to a unit the configuration does not name.
     */
    static java.util.function.Function<User, String> labels(Units units, java.util.List<User> users) {
        GongkaiConfig config = units.config();
        if (users.stream().allMatch(u -> u.unitId() == null || config.unit(u.unitId()).isPresent())) {
            return u -> label(config, u);
        }
        java.util.Map<String, String> names = new java.util.HashMap<>();
        units.all().forEach(u -> names.put(u.id(), u.name()));
        return u -> u.unitId() == null ? DISTRICT_OFFICE : names.getOrDefault(u.unitId(), u.unitId());
    }

    private static String choices(GongkaiConfig config) {
        return config.units().stream().map(u -> u.id() + " " + u.name()).collect(Collectors.joining("、"));
    }
}

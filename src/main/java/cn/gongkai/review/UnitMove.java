package cn.gongkai.review;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code gongkai unit move --from A --to B}: gives every row of unit A to unit B (how a single bureau's rows, in unit
 * {@code default}, join a district). Refused when B is not a unit, when A is B, or when A's rows name an account that
 * is not B's in the configuration (an item's account belongs to its item's unit), or a delivery of a portal that is
 * not B's.
 */
public final class UnitMove {
    /** What was (or, in a dry run, would be) moved: rows per table. */
    public record Moved(String from, String to, Map<String, Long> rows, boolean dryRun) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Units units;
    private final UnitRows rows;

    public UnitMove(Units units, UnitRows rows) {
        this.units = units;
        this.rows = rows;
    }

    /**
     * Moves A's rows to B, or with {@code dryRun} only counts them.
     *
     * @throws UserException naming the problem; nothing is changed then
     */
    public Moved move(String from, String to, boolean dryRun) {
        String a = from == null ? "" : from.strip();
        String b = to == null ? "" : to.strip();
        if (a.isEmpty() || b.isEmpty()) {
            throw new UserException("请用 --from 和 --to 指明从哪个单位移到哪个单位");
        }
        if (a.equals(b)) {
            throw new UserException("--from 和 --to 是同一个单位 " + a + "，没有要移动的数据");
        }
        Units.Unit target = units.find(b).orElseThrow(() -> new UserException("没有编号为“" + b
                + "”的单位（可用：" + units.choices() + "）"));
        Set<String> foreign = new TreeSet<>(rows.accounts(a));
        foreign.removeAll(target.config().accounts());
        if (!foreign.isEmpty()) {
            throw new UserException("单位 " + a + " 的稿件、发布批次或台账用到的公众号 " + String.join("、", foreign)
                    + " 不属于单位 " + b + "（" + target.name() + "）：每篇稿件的公众号必须属于它所在的单位。"
                    + "请先在配置文件 units: 中把这些公众号列入单位 " + b + " 的 accounts，再移动；数据未改动");
        }
        Set<String> foreignPortals = new TreeSet<>(rows.portals(a));
        foreignPortals.removeAll(target.config().portals());
        if (!foreignPortals.isEmpty()) {
            throw new UserException("单位 " + a + " 的报送记录用到的报送渠道 " + String.join("、", foreignPortals)
                    + " 不属于单位 " + b + "（" + target.name() + "）：请先在配置文件 units: 中把这些报送渠道列入单位 " + b
                    + " 的 portals，再移动；数据未改动");
        }
        return new Moved(a, b, dryRun ? rows.count(a) : rows.move(a, b), dryRun);
    }
}

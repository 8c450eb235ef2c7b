package cn.gongkai.report;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.portal.PortalCounter;
import cn.gongkai.portal.PortalYearCounts;
import java.util.List;

/**
 * The 报区政府办 channel as the counts, the annual report and the REST API read it: the year's 报送 and 采用 of all
 * configured portals or of one, named by its id.
 */
public final class PortalChannel {
    private final PortalCounter counter;
    private final List<PortalConfig> portals;
    private final boolean onlyThese;

    public PortalChannel(PortalCounter counter, List<PortalConfig> portals) {
        this(counter, portals, false);
    }

    /**
     * @param onlyThese whether deliveries to portals not in {@code portals} are left out (a unit's channel in a
     *                  district); otherwise every delivery counts, also to a portal the configuration dropped since
     */
    public PortalChannel(PortalCounter counter, List<PortalConfig> portals, boolean onlyThese) {
        this.counter = counter;
        this.portals = List.copyOf(portals);
        this.onlyThese = onlyThese;
    }

    /**
     * The counts of {@code year} of the portal {@code portalId}, or of all when it is null.
     *
     * @throws IllegalArgumentException in Chinese, naming the configured ids, when no portal has this id
     */
    public PortalYearCounts count(int year, String portalId) {
        if (portalId != null) {
            name(portalId);
        }
        return counter.count(year, portalId, onlyThese
                ? portals.stream().map(PortalConfig::id).collect(java.util.stream.Collectors.toSet()) : null);
    }

    /** The portal's name, e.g. 红旗区人民政府办公室; an {@link IllegalArgumentException} when the id is unknown. */
    public String name(String portalId) {
        return portals.stream().filter(p -> p.id().equals(portalId)).map(PortalConfig::name).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("没有编号为“" + portalId + "”的报送单位（已配置："
                        + (portals.isEmpty() ? "无" : String.join("、", portals.stream().map(PortalConfig::id)
                        .toList())) + "）"));
    }
}

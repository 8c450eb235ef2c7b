package cn.gongkai.report;

import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.config.UnitConfig;
import java.nio.file.Path;

/**
 * Where a unit's annual report facts files ({@code YYYY.yml}) are: with several units its {@code facts:} folder
 * (resolved beside the configuration file), else {@code <factsDir>/<unit id>}; with one unit {@code factsDir} itself
 * (where they were before units existed). {@code factsDir} is the console's folder, {@code report/} beside the
 * configuration. The 年报 page, the district's 年报汇总 and {@code report --unit} all ask here.
 */
public final class UnitFactsFolder {
    private UnitFactsFolder() {
    }

    public static Path of(GongkaiConfig config, Path factsDir, UnitConfig unit) {
        if (!config.severalUnits()) {
            return factsDir;
        }
        return unit.facts().toString().isBlank() ? factsDir.resolve(unit.id())
                : unit.factsDir(Path.of(config.source()), true);
    }
}

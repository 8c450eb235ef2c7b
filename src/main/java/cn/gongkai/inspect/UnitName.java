package cn.gongkai.inspect;

import cn.gongkai.report.FactsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The unit's name as the product already knows it: 单位 of the newest annual report facts file (config/report/年份.yml),
 * else the 报送单位 of the first portal, else 本单位. One value for now; units of a district come later (issue 19).
 */
public final class UnitName {
    public static final String FALLBACK = "本单位";

    private UnitName() {
    }

    /** The name from the facts files in {@code factsDir} (may be null or missing) or the portals' units. */
    public static String of(Path factsDir, List<String> portalUnits) {
        return fromFacts(factsDir).or(() -> portalUnits.stream().filter(u -> u != null && !u.isBlank())
                .map(String::strip).findFirst()).orElse(FALLBACK);
    }

    private static Optional<String> fromFacts(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("\\d{4}\\.yml"))
                    .sorted(Comparator.reverseOrder()).toList()) {
                Optional<String> unit = unitOf(f);
                if (unit.isPresent()) {
                    return unit;
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> unitOf(Path facts) {
        try {
            return Optional.ofNullable(FactsFile.read(facts).unit()).filter(u -> !u.isBlank());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}

package cn.gongkai.intake;

import java.util.List;

/**
 * What an import did: the ids of new items, in file order, or the problems that stopped it. When there are problems
 * nothing was stored.
 */
public record ImportResult(List<Long> newIds, List<ImportProblem> problems) {
    public ImportResult {
        newIds = List.copyOf(newIds);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}

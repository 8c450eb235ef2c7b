package cn.gongkai.intake;

import java.util.List;

/**
 * What an import did: the ids of new (or updated) items, in file order, or the problems that stopped it. When there
 * are problems nothing was stored. Warnings of the pre-publish checks are shown but do not stop anything.
 */
public record ImportResult(List<Long> newIds, List<ImportProblem> problems, List<ImportProblem> warnings) {
    public ImportResult {
        newIds = List.copyOf(newIds);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
    }

    public ImportResult(List<Long> newIds, List<ImportProblem> problems) {
        this(newIds, problems, List.of());
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}

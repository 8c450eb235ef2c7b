package cn.gongkai.intake;

import cn.gongkai.item.ItemContent;
import cn.gongkai.review.checks.CheckReport;
import java.util.List;

/**
 * What an item given as fields would become, without storing it (the console's live preview).
 *
 * @param content  the parsed content, or null when there are problems
 * @param problems what stops the item from being saved, naming the field
 * @param checks   the pre-publish checks on the content (clean when there is no content)
 */
public record ImportPreview(ItemContent content, List<ImportProblem> problems, CheckReport checks) {
    public ImportPreview {
        problems = List.copyOf(problems == null ? List.of() : problems);
        checks = checks == null ? CheckReport.clean() : checks;
    }

    public boolean ok() {
        return content != null && problems.isEmpty();
    }
}

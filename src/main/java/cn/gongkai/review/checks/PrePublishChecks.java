package cn.gongkai.review.checks;

import cn.gongkai.item.ItemContent;
import java.util.List;

/**
 * The automatic checks run when an item is queued and again just before it is published (design.md §4): limits,
 * cover and alt text, external links, personal data, the 错敏字 list, document numbers, images, placeholder captions and raw HTML. Errors block;
 * warnings are shown. Pure Java: the same content always gives the same report.
 */
public final class PrePublishChecks {
    private final CheckLimits limits;
    private final List<Check> checks;

    public PrePublishChecks(CheckLimits limits, WordList words) {
        this.limits = limits;
        this.checks = List.of(new LengthCheck(limits), new CoverCheck(), new LinkCheck(), new PersonalDataCheck(),
                new WordListCheck(words), new DocNumberCheck(), new ImageCheck(limits), new CaptionCheck(),
                new HtmlCheck());
    }

    /** WeChat's limits and no word list. */
    public static PrePublishChecks defaults() {
        return new PrePublishChecks(CheckLimits.wechatDefaults(), WordList.empty());
    }

    public CheckLimits limits() {
        return limits;
    }

    /** Runs every check on the content. */
    public CheckReport check(ItemContent content) {
        Findings out = new Findings();
        for (Check c : checks) {
            c.run(content, out);
        }
        return new CheckReport(out.all());
    }
}

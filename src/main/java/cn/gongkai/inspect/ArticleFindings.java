package cn.gongkai.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The findings of an account's stored articles that are still online: 错敏字, and the state of each link. A link to
 * one of the account's own articles is not probed: it is dead when that article was deleted.
 */
public final class ArticleFindings {
    private final WordFindings words;
    private final LinkJudge links;

    public ArticleFindings(WordFindings words, LinkJudge links) {
        this.words = words;
        this.links = links;
    }

    /** Every finding of {@code articles} (one account's), article by article. */
    public List<Finding> of(List<InspectedArticle> articles) {
        Map<String, InspectedArticle> own = articles.stream().filter(a -> !a.url().isEmpty())
                .collect(Collectors.toMap(InspectedArticle::url, Function.identity(), (x, y) -> x));
        List<Finding> out = new ArrayList<>();
        for (InspectedArticle a : articles) {
            if (a.deleted()) {
                continue;
            }
            out.addAll(words.of(a));
            for (String url : a.links()) {
                LinkJudge.Verdict v = own.containsKey(url)
                        ? new LinkJudge.Verdict(own.get(url).deleted() ? Finding.Kind.DEAD_LINK : null, "本号文章已删除")
                        : links.judge(url);
                if (v.kind() != null) {
                    out.add(new Finding(a.account(), a.articleId(), a.index(), a.title(), a.url(), v.kind(), url,
                            advice(v)));
                }
            }
        }
        return out;
    }

    private static String advice(LinkJudge.Verdict v) {
        String what = switch (v.kind()) {
            case DEAD_LINK -> "请修改或删除该链接";
            case LINK_UNREACHABLE -> "暂时无法访问，明天再查；连续两天无法访问记为死链";
            default -> "请人工打开核对";
        };
        return v.detail().isEmpty() ? what : v.detail() + "：" + what;
    }
}

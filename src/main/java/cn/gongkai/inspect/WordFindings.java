package cn.gongkai.inspect;

import cn.gongkai.review.checks.WordList;
import cn.gongkai.review.checks.WordMatches;
import java.util.ArrayList;
import java.util.List;

/** 错敏字 in a published article's title and text, from the same list the pre-publish checks use. */
public final class WordFindings {
    private final WordList words;

    public WordFindings(WordList words) {
        this.words = words;
    }

    /** One finding per occurrence: a form with a right one is 错别字, a form that must not be used 敏感词. */
    public List<Finding> of(InspectedArticle a) {
        List<Finding> out = new ArrayList<>();
        for (String text : List.of(a.title(), a.text())) {
            for (WordMatches.Match m : WordMatches.in(words, text)) {
                WordList.Entry e = m.entry();
                boolean sensitive = e.right().isEmpty();
                out.add(new Finding(a.account(), a.articleId(), a.index(), a.title(), a.url(),
                        sensitive ? Finding.Kind.SENSITIVE_WORD : Finding.Kind.WRONG_WORD,
                        "“" + e.wrong() + "”：" + m.snippet(),
                        sensitive ? "不应使用，请改写" : "改为“" + e.right() + "”"));
            }
        }
        return out;
    }
}

package cn.gongkai.review.checks;

import cn.gongkai.item.ItemContent;

/** Forms from the 错敏字 list, in every published text field: errors with position and the right form. */
final class WordListCheck implements Check {
    static final String ID = "wording";
    private final WordList words;

    WordListCheck(WordList words) {
        this.words = words;
    }

    @Override
    public void run(ItemContent c, Findings out) {
        for (TextFields.Field f : TextFields.of(c)) {
            for (WordMatches.Match m : WordMatches.in(words, f.text())) {
                WordList.Entry e = m.entry();
                String advice = e.right().isEmpty() ? "不应使用，请改写" : "应为“" + e.right() + "”";
                out.at(Severity.ERROR, ID, f.name(), f.text(), m.start(), m.end(),
                        "“" + e.wrong() + "”" + advice + "（错敏字表）");
            }
        }
    }
}

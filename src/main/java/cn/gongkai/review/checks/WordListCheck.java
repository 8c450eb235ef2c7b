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
            for (WordList.Entry e : words.entries()) {
                scan(f, e, out);
            }
        }
    }

    private static void scan(TextFields.Field f, WordList.Entry e, Findings out) {
        String text = f.text();
        for (int at = text.indexOf(e.wrong()); at >= 0; at = text.indexOf(e.wrong(), at + 1)) {
            if (excepted(text, at, e)) {
                continue;
            }
            String advice = e.right().isEmpty() ? "不应使用，请改写" : "应为“" + e.right() + "”";
            out.at(Severity.ERROR, ID, f.name(), text, at, at + e.wrong().length(), "“" + e.wrong() + "”" + advice + "（错敏字表）");
        }
    }

    /** True when the match lies inside an occurrence of one of the entry's exceptions. */
    private static boolean excepted(String text, int at, WordList.Entry e) {
        for (String ex : e.exceptions()) {
            int offsetInEx = ex.indexOf(e.wrong());
            while (offsetInEx >= 0) {
                int start = at - offsetInEx;
                if (start >= 0 && text.startsWith(ex, start)) {
                    return true;
                }
                offsetInEx = ex.indexOf(e.wrong(), offsetInEx + 1);
            }
        }
        return false;
    }
}

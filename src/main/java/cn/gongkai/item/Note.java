package cn.gongkai.item;

/** A plain-language explanation of a term (备注 / 名词解释). */
public record Note(String term, String explanation) {
    public Note {
        if (term == null || term.isBlank()) {
            throw new IllegalArgumentException("note term must not be blank");
        }
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("note '" + term + "' has no explanation");
        }
        term = term.strip();
        explanation = explanation.strip();
    }
}

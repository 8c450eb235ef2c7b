package cn.gongkai.review.checks;

/** Line and column (1-based, in characters) of an offset in a text. */
record Position(int line, int column) {

    static Position of(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, text.codePointCount(lineStart, Math.min(offset, text.length())) + 1);
    }
}

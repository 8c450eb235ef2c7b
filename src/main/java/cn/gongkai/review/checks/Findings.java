package cn.gongkai.review.checks;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one run; positions are computed from offsets in the field's text. */
final class Findings {
    private final List<Finding> list = new ArrayList<>();

    void error(String check, String field, String message) {
        list.add(new Finding(Severity.ERROR, check, field, 0, 0, message));
    }

    void warning(String check, String field, String message) {
        list.add(new Finding(Severity.WARNING, check, field, 0, 0, message));
    }

    void at(Severity severity, String check, String field, String text, int offset, String message) {
        Position p = Position.of(text, offset);
        list.add(new Finding(severity, check, field, p.line(), p.column(), message));
    }

    List<Finding> all() {
        return list;
    }
}

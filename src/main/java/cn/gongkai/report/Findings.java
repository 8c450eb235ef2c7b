package cn.gongkai.report;

import java.util.ArrayList;
import java.util.List;

/** The findings of the report checks, in the order the checks ran. */
final class Findings {
    private final List<Finding> list = new ArrayList<>();

    void error(String check, String message) {
        list.add(new Finding(check, Finding.Severity.ERROR, message));
    }

    void warn(String check, String message) {
        list.add(new Finding(check, Finding.Severity.WARNING, message));
    }

    List<Finding> list() {
        return List.copyOf(list);
    }
}

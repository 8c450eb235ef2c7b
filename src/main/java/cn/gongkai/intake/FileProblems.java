package cn.gongkai.intake;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The problems found in one item file, each with the file's name, in the order they were found. */
final class FileProblems {
    private final Path file;
    private final List<ImportProblem> problems = new ArrayList<>();

    FileProblems(Path file) {
        this.file = file;
    }

    void add(int line, String field, String message) {
        problems.add(new ImportProblem(file, line, field, message));
    }

    boolean none() {
        return problems.isEmpty();
    }

    List<ImportProblem> list() {
        return problems;
    }
}

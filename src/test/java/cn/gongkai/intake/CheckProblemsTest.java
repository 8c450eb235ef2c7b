package cn.gongkai.intake;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.ItemImage;
import cn.gongkai.review.checks.Finding;
import cn.gongkai.review.checks.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A check finding as an import problem: the line in the file, and the field as the file writes it. */
class CheckProblemsTest {
    private static final Path FILE = Path.of("稿件.md");
    private static final ItemImage PHOTO = new ItemImage("a".repeat(64), "现场.jpg", "image/jpeg", 640, 480, 1000,
            "", "");

    /** Front matter title on line 2, notes on line 5, the body from line 10. */
    private static ParsedItem item() {
        return new ParsedItem(FILE, anItem().body("第一段。\n\n![现场](现场.jpg)\n").images(List.of(PHOTO)).build(),
                Map.of(), "k", 10, Map.of("title", 2, "notes", 5));
    }

    private static ImportProblem one(String field, int line, int column, String message) {
        return CheckProblems.of(item(), List.of(new Finding(Severity.ERROR, "c", field, line, column, message)))
                .get(0);
    }

    @Test
    void aFieldFindingNamesTheFieldsLine() {
        assertThat(one("title", 0, 0, "标题太长")).isEqualTo(new ImportProblem(FILE, 2, "title", "标题太长"));
        assertThat(one("author", 0, 0, "缺少作者")).isEqualTo(new ImportProblem(FILE, 0, "author", "缺少作者"));
    }

    @Test
    void aBodyFindingCountsFromTheFirstLineOfTheBodyAndNamesItsColumn() {
        assertThat(one("body", 3, 7, "身份证号")).isEqualTo(new ImportProblem(FILE, 12, "正文", "第 7 列：身份证号"));
        assertThat(one("body", 0, 0, "正文为空")).isEqualTo(new ImportProblem(FILE, 10, "正文", "正文为空"));
    }

    @Test
    void anImageFindingIsOnTheLineThatUsesTheImage() {
        assertThat(one("images", 0, 0, "图片“现场.jpg”太大")).isEqualTo(new ImportProblem(FILE, 12, "图片",
                "图片“现场.jpg”太大"));
        assertThat(one("images", 0, 0, "图片太多")).isEqualTo(new ImportProblem(FILE, 0, "图片", "图片太多"));
    }

    @Test
    void aFindingOnOneNoteIsOnTheNotesLine() {
        assertThat(one("notes.GDP", 0, 0, "解释太长")).isEqualTo(new ImportProblem(FILE, 5, "notes", "解释太长"));
    }
}

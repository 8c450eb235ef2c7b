package cn.gongkai.intake;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Files staff hand in that are not item files — WPS's own formats and PDF — each refused with what to do instead.
 */
final class OtherFormats {
    private static final Map<String, String> REFUSALS = Map.of(
            ".wps", "这是 WPS 文字的 .wps 文件，无法直接读取。请在 WPS 中点 文件 → 另存为 → Word 文件(*.docx)，"
                    + "再导入另存的 .docx 文件",
            ".et", "这是 WPS 表格（.et）文件，不是稿件文件。稿件请用 Word 文件（.docx 或 .doc）或 Markdown（.md）；"
                    + "历史发布记录请在 WPS 表格中点 文件 → 另存为 → Excel 文件(*.xlsx)，再用 ledger import 导入",
            ".dps", "这是 WPS 演示（.dps）文件，不能作为稿件导入。请把文字复制到 Word 文档中，图片插入文档，"
                    + "在 WPS 中点 文件 → 另存为 → Word 文件(*.docx) 后导入",
            ".pdf", "PDF 文件无法可靠地还原正文、标题和表格，不能直接导入。请找到这份文件的 Word 原稿（.docx 或 .doc）"
                    + "导入；只有 PDF 时，用 WPS 或 Word 打开它，另存为 .docx，核对内容后再导入");

    private OtherFormats() {
    }

    /** The file extensions refused here, for the inbox: such a file is moved to failed/ with its refusal. */
    static boolean isRefused(String fileName) {
        return refusal(fileName).isPresent();
    }

    /** The refusal of a file by its name's extension, or empty when it may be an item file. */
    static Optional<String> refusal(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(REFUSALS.get(lower.substring(dot)));
    }
}

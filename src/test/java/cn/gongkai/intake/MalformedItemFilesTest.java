package cn.gongkai.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus in {@code src/test/resources/intake/malformed/}: each file makes one mistake staff make — in the file,
 * its front matter, its images, or what the pre-publish checks refuse (personal data, 错敏字, document numbers) — and
 * must get exactly one problem naming its line, its field and what is wrong, with nothing stored.
 */
class MalformedItemFilesTest {
    private static final Path CORPUS = Path.of("src/test/resources/intake/malformed");

    /** One corpus file and the single problem it must produce. */
    record Case(String file, int line, String field, String fragment) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("no-front-matter.md", 1, "", "文件第一行应为 ---"),
                new Case("unclosed-front-matter.md", 1, "", "没有结束行 ---"),
                new Case("empty-front-matter.md", 2, "", "YAML 头部是空的"),
                new Case("front-matter-is-a-list.md", 2, "", "应为“字段: 值”形式"),
                new Case("yaml-unclosed-bracket.md", 4, "", "YAML 头部格式错误"),
                new Case("yaml-bad-indentation.md", 6, "", "YAML 头部格式错误"),
                new Case("unknown-field.md", 5, "summary", "未知字段"),
                new Case("misspelled-field.md", 5, "publish-at", "未知字段"),
                new Case("duplicate-field.md", 5, "title", "字段重复出现（第一次在第 2 行）"),
                new Case("missing-title.md", 1, "title", "缺少必填字段 title"),
                new Case("empty-title.md", 2, "title", "缺少必填字段 title"),
                new Case("title-too-long.md", 2, "title", "标题 38 字，超过微信上限 32 字（需删去 6 字）"),
                new Case("title-is-a-list.md", 2, "title", "应为一段文字"),
                new Case("missing-category.md", 1, "category", "缺少必填字段 category"),
                new Case("unknown-category.md", 3, "category", "分类“体育”不在配置的分类中"),
                new Case("author-too-long.md", 4, "author", "作者 24 字，超过微信上限 16 字"),
                new Case("unknown-account.md", 5, "account", "公众号“dongcheng”未配置"),
                new Case("source-url-not-http.md", 5, "source_url", "应以 http:// 或 https:// 开头"),
                new Case("source-url-with-space.md", 5, "source_url", "“阅读原文”链接格式错误"),
                new Case("publish-at-february-30.md", 5, "publish_at", "计划发布时间“2023-02-30 10:00”无效"),
                new Case("publish-at-date-only.md", 5, "publish_at", "请同时写明时间，例如 2023-05-12 10:00"),
                new Case("publish-at-hour-25.md", 5, "publish_at", "计划发布时间“2023-05-12 25:00”无效"),
                new Case("publish-at-slashes.md", 5, "publish_at", "计划发布时间“2023/05/12 10:00”无效"),
                new Case("publish-at-chinese.md", 5, "publish_at", "例如 2023-05-12 10:00"),
                new Case("notes-as-list.md", 5, "notes", "备注应写成“术语: 解释”"),
                new Case("note-without-explanation.md", 5, "notes", "术语“以旧换新”缺少解释"),
                new Case("note-with-blank-explanation.md", 5, "notes", "术语“以旧换新”缺少解释"),
                new Case("glossary-unknown-key.md", 5, "glossary", "术语库 templates/notes/ 中没有“放管服”"),
                new Case("glossary-not-a-list.md", 5, "glossary", "应为术语列表"),
                new Case("empty-body.md", 6, "正文", "正文是空的"),
                new Case("blank-body.md", 6, "正文", "正文是空的"),
                new Case("body-too-long.md", 6, "正文", "正文 23100 字，超过微信上限 20000 字（需删去 3100 字）"),
                new Case("script-tag.md", 8, "正文", "<script"),
                new Case("iframe-after-blank-lines.md", 10, "正文", "<iframe"),
                new Case("onclick-attribute.md", 8, "正文", "onclick"),
                new Case("javascript-link.md", 8, "正文", "javascript:"),
                new Case("style-tag.md", 8, "正文", "<style"),
                new Case("missing-image.md", 8, "图片", "图片“images/meeting.jpg”不存在"),
                new Case("external-image.md", 8, "图片", "是网络地址"),
                new Case("webp-image.md", 10, "图片", "图片“images/photo-webp.jpg”已损坏或不完整"),
                new Case("corrupt-jpeg.md", 8, "图片", "图片“images/corrupt.jpg”已损坏或不完整"),
                new Case("empty-image.md", 8, "图片", "图片“images/empty.jpg”是空文件"),
                new Case("text-named-png.md", 8, "图片", "文件“images/notes.png”不是可识别的图片"),
                new Case("heic-image.md", 8, "图片", "图片“images/IMG_0412.heic”是 HEIC/AVIF 格式"),
                new Case("missing-cover.md", 5, "cover", "图片“images/cover.jpg”不存在"),
                new Case("webp-cover.md", 5, "cover", "图片“images/cover.webp”已损坏或不完整"),
                new Case("empty-file.md", 1, "", "文件第一行应为 ---"),
                new Case("signed-at-not-a-day.md", 5, "signed_at", "成文日期“2023年2月30日”无效"),
                new Case("signature-too-long.md", 4, "signature", "落款单位应为一行、不超过 40 字"),
                new Case("pii-id-number.md", 7, "正文", "疑似身份证号 110***********002X"),
                new Case("pii-id-lowercase-x.md", 6, "正文", "疑似身份证号"),
                new Case("pii-mobile.md", 6, "正文", "疑似手机号 138****5678"),
                new Case("pii-mobile-dashes.md", 6, "正文", "疑似手机号 139****4321"),
                new Case("pii-mobile-plus86.md", 8, "正文", "疑似手机号 186****0000"),
                new Case("pii-bank-card.md", 6, "正文", "疑似银行卡号 622************6789"),
                new Case("pii-bank-card-spaced.md", 6, "正文", "疑似银行卡号"),
                new Case("pii-id-in-title.md", 2, "title", "疑似身份证号"),
                new Case("pii-mobile-in-note.md", 5, "notes", "疑似手机号"),
                new Case("wording-jiaodui.md", 6, "正文", "“校队”应为“校对”"),
                new Case("wording-liangxue.md", 6, "正文", "应为“两学一做”"),
                new Case("wording-guowuyuan.md", 6, "正文", "应为“国务院办公厅”"),
                new Case("wording-zhonghua.md", 6, "正文", "应为“中华人民共和国”"),
                new Case("wording-in-title.md", 2, "title", "应为“营商环境”"),
                new Case("wording-sige-yishi.md", 6, "正文", "“四个意识”"),
                new Case("wording-taiwan.md", 6, "正文", "应为“台湾地区领导人”"),
                new Case("wording-bushu.md", 6, "正文", "应为“部署”"),
                new Case("wording-zaijiezaili.md", 6, "正文", "应为“再接再厉”"),
                new Case("wording-yijiuhuanxin.md", 6, "正文", "应为“以旧换新”"),
                new Case("wording-zhaoshang-title.md", 2, "title", "应为“招商引资”"),
                new Case("wording-in-note.md", 5, "notes", "应为“再接再厉”"),
                new Case("wording-buwang-chuxin.md", 6, "正文", "应为“不忘初心”"),
                new Case("docno-guofaban.md", 6, "正文", "“国发办”应为“国办发”"),
                new Case("docno-guofaban-in-title.md", 2, "title", "“国发办”应为“国办发”"),
                new Case("docno-field-guofaban.md", 5, "doc_no", "“国发办”应为“国办发”"),
                new Case("docno-square-brackets.md", 5, "doc_no", "六角括号〔〕"),
                new Case("docno-lenticular-brackets.md", 5, "doc_no", "六角括号〔〕"),
                new Case("docno-round-brackets.md", 5, "doc_no", "六角括号〔〕"),
                new Case("docno-fullwidth-round.md", 6, "正文", "六角括号〔〕"),
                new Case("docno-missing-hao.md", 5, "doc_no", "缺少“号”字"),
                new Case("docno-in-body-missing-hao.md", 6, "正文", "缺少“号”字"),
                new Case("important-not-boolean.md", 5, "important", "应为 true"),
                new Case("important-is-a-list.md", 5, "important", "应为 true"),
                new Case("title-too-long-by-one.md", 2, "title", "标题 33 字"),
                new Case("author-is-a-list.md", 4, "author", "应为一段文字"),
                new Case("category-is-a-number.md", 3, "category", "分类“123”不在配置的分类中"),
                new Case("doc-no-is-a-map.md", 5, "doc_no", "应为一段文字"),
                new Case("source-url-ftp.md", 5, "source_url", "应以 http:// 或 https:// 开头"),
                new Case("source-url-no-host.md", 5, "source_url", "应以 http:// 或 https:// 开头"),
                new Case("publish-at-month-13.md", 5, "publish_at", "计划发布时间“2023-13-01 10:00”无效"),
                new Case("publish-at-minute-60.md", 5, "publish_at", "计划发布时间“2023-05-12 10:60”无效"),
                new Case("publish-at-february-29-2023.md", 5, "publish_at", "计划发布时间“2023-02-29 10:00”无效"),
                new Case("publish-at-number.md", 5, "publish_at", "计划发布时间“20230512”无效"),
                new Case("publish-at-bad-offset.md", 5, "publish_at", "无效"),
                new Case("notes-is-a-string.md", 5, "notes", "备注应写成“术语: 解释”"),
                new Case("notes-nested-map.md", 5, "notes", "术语“以旧换新”缺少解释"),
                new Case("glossary-one-unknown.md", 5, "glossary", "术语库 templates/notes/ 中没有“放管服”"),
                new Case("account-is-a-list.md", 5, "account", "应为一段文字"),
                new Case("duplicate-cover.md", 6, "cover", "字段重复出现（第一次在第 5 行）"),
                new Case("unknown-field-summary.md", 5, "summary", "未知字段"),
                new Case("digest-too-long.md", 5, "digest", "摘要 130 字，超过微信上限 128 字（需删去 2 字）"),
                new Case("empty-title-quotes.md", 2, "title", "缺少必填字段 title"),
                new Case("title-null.md", 2, "title", "缺少必填字段 title"),
                new Case("front-matter-only-comment.md", 2, "", "YAML 头部是空的"),
                new Case("front-matter-dots-closing.md", 1, "", "没有结束行 ---"),
                new Case("bom-without-front-matter.md", 1, "", "文件第一行应为 ---"),
                new Case("cover-external-url.md", 5, "cover", "是网络地址"),
                new Case("cover-corrupt.md", 5, "cover", "图片“images/corrupt.jpg”已损坏或不完整"),
                new Case("cover-text-file.md", 5, "cover", "文件“images/notes.png”不是可识别的图片"),
                new Case("cover-empty-file.md", 5, "cover", "图片“images/empty.jpg”是空文件"),
                new Case("cover-heic.md", 5, "cover", "图片“images/IMG_0412.heic”是 HEIC/AVIF 格式"),
                new Case("image-data-uri.md", 8, "图片", "是网络地址"),
                new Case("image-encoded-name-missing.md", 8, "图片", "不存在"),
                new Case("image-too-tall.md", 8, "图片", "边长超过 10000 像素"),
                new Case("object-tag.md", 6, "正文", "<object"),
                new Case("embed-tag.md", 6, "正文", "<embed"),
                new Case("form-tag.md", 8, "正文", "<form"),
                new Case("onerror-attribute.md", 6, "正文", "onerror"),
                new Case("javascript-uppercase.md", 6, "正文", "JAVASCRIPT:"),
                new Case("utf16-without-bom.md", 3, "编码", "既不是 UTF-8 也不是 GB18030（GBK）编码"),
                new Case("latin1-encoded.md", 2, "编码", "既不是 UTF-8 也不是 GB18030（GBK）编码"),
                new Case("yaml-tab-indent.md", 4, "", "YAML 头部格式错误"),
                new Case("yaml-colon-in-title.md", 2, "", "YAML 头部格式错误"),
                new Case("gbk-broken-byte.md", 6, "编码", "另存为，“编码”选 UTF-8"));
    }

    private static IntakeStore store;

    @BeforeAll
    static void openStore() {
        store = new IntakeStore();
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachMalformedFileGetsItsOwnSingleProblemAndStoresNothing(Case c) {
        Path file = CORPUS.resolve(c.file());

        ImportResult result = store.importFiles(file);

        assertThat(result.newIds()).isEmpty();
        assertThat(result.problems()).as("problems of %s", c.file()).hasSize(1);
        ImportProblem p = result.problems().get(0);
        assertThat(p.file()).isEqualTo(file);
        assertThat(p.line()).as("line of %s", p).isEqualTo(c.line());
        assertThat(p.field()).as("field of %s", p).isEqualTo(c.field());
        assertThat(p.message()).as("message of %s", c.file()).contains(c.fragment());
        assertThat(p.toString()).startsWith(file.toString());
        assertThat(store.rowCounts()).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
    }

    @Test
    void everyFileOfTheCorpusHasAnExpectedProblem() throws IOException {
        List<String> onDisk;
        try (Stream<Path> s = Files.list(CORPUS)) {
            onDisk = s.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".md")).sorted().toList();
        }

        assertThat(onDisk).hasSizeGreaterThanOrEqualTo(100)
                .containsExactlyInAnyOrderElementsOf(cases().stream().map(Case::file).toList());
    }

    @Test
    void theWholeCorpusImportedTogetherStoresNothingAndReportsEveryFile() throws IOException {
        List<Path> files = cases().stream().map(c -> CORPUS.resolve(c.file())).toList();

        ImportResult result = store.importer.importFiles(files, "drafter", "收件箱");

        assertThat(result.newIds()).isEmpty();
        assertThat(result.problems()).extracting(ImportProblem::file).containsExactlyElementsOf(files);
        assertThat(store.rowCounts()).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
    }
}

package cn.gongkai.docs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.cli.Cli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * README.md and the guides under docs/ name only commands and options the CLI has, and every relative link in them
 * (files, images, {@code file.md#heading}) points at something that exists.
 */
class DocsConsistencyTest {
    private static final Path ROOT = Path.of("");

    @TempDir
    Path tmp;

    @Test
    void everyCommandInTheReadmeAndTheGuidesIsOneTheCliHas() {
        List<String> problems = new ArrayList<>();
        int commands = 0;
        for (Path doc : documents()) {
            for (Mention m : Markdown.commands(read(doc))) {
                commands++;
                for (String p : CliModel.check(m.text())) {
                    problems.add(ROOT.relativize(doc) + ":" + m.line() + ": " + p + " — " + m.text());
                }
            }
        }
        assertThat(commands).as("commands found in the docs").isGreaterThan(50);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRelativeLinkInTheReadmeAndTheGuidesPointsAtSomethingThatExists() {
        List<String> problems = new ArrayList<>();
        int links = 0;
        for (Path doc : documents()) {
            List<Mention> found = Markdown.links(read(doc));
            links += found.size();
            problems.addAll(Links.check(doc, found));
        }
        assertThat(links).as("links found in the docs").isGreaterThan(20);
        assertThat(problems).isEmpty();
    }

    @Test
    void theReadmeIsAShortFrontDoorThatStartsWithTheTwoCommands() {
        List<String> lines = read(ROOT.resolve("README.md")).lines().toList();

        assertThat(lines.size()).isLessThan(200);
        assertThat(lines.subList(0, 6)).contains(
                "mvn -B -q package -DskipTests && target/gongkai serve   "
                        + "# 构建并启动服务（未配置微信密钥时为沙箱模式；Windows 用 target\\gongkai.cmd）",
                "mvn -B verify                                           # 运行全部测试");
    }

    @Test
    void theCommandCheckerRefusesAnUnknownSubcommandAndAnUnknownOption() {
        String doc = """
                ```bash
                java -jar target/gongkai.jar item import --as 刘科员 a.md   # fine
                java -jar target/gongkai.jar item publish 1                  # no such subcommand
                java -jar target/gongkai.jar review approve 1 --as 张科长 \\
                    --force                                                   # no such option
                ```
                Inline: `gongkai counts --year 2023 --group month` and `gongkai quota [--account ID]`.
                Without the program name: `counts --year Y [--by category|month]`, `ledger purge --year Y`, `render`.
                """;

        List<String> problems = Markdown.commands(doc).stream()
                .flatMap(m -> CliModel.check(m.text()).stream().map(p -> m.line() + ": " + p)).toList();

        assertThat(problems).containsExactly(
                "3: 命令 gongkai item 没有子命令 publish",
                "4: 命令 gongkai review approve 没有选项 --force",
                "7: 命令 gongkai counts 没有选项 --group",
                "8: 命令 gongkai ledger 没有子命令 purge");
    }

    @Test
    void theCommandCheckerAcceptsPlaceholdersAlternativesPipesAndHelp() {
        String doc = """
                ```bash
                echo 'pw' | java -jar target/gongkai.jar user add 张科长 --role dept-leader
                LIU=$(java -jar target/gongkai.jar user token 刘科员 2>/dev/null)
                GONGKAI_DATA_DIR=/tmp/x java -jar target/gongkai.jar bench counts --rows 1000000 && echo done
                # java -jar target/gongkai.jar item submit 1 --as 刘科员
                $ gongkai doctor
                ```
                `gongkai review approve|reject ID --as USER`, `gongkai bench render [--n N] FILE.md`,
                `java -jar target/gongkai.jar --help`, `gongkai ledger categorize 17 其他`, `gongkai publish run --account=hongqi`
                """;

        List<Mention> commands = Markdown.commands(doc);

        assertThat(commands).hasSize(10);
        assertThat(commands).allSatisfy(m -> assertThat(CliModel.check(m.text())).isEmpty());
    }

    @Test
    void theLinkCheckerRefusesAMissingFileAndAMissingHeading() throws IOException {
        Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(tmp.resolve("docs/guide.md"), "# 指南\n\n## 微信网关与模拟器：`gongkai doctor`\n\n## English\n\n"
                + "## English\n");
        Files.writeString(tmp.resolve("a.png"), "x");
        String readme = """
                # 首页

                [指南](docs/guide.md) ![图](a.png "说明") [医生](docs/guide.md#微信网关与模拟器gongkai-doctor)
                [第二个 English](docs/guide.md#english-1) [本页](#首页) [外部](https://example.com/nowhere.md)
                [没有的文件](docs/nowhere.md) [没有的标题](docs/guide.md#not-there) ![没有的图](b.png)
                [本页没有](#elsewhere)
                `[代码里的](not-checked.md)`

                ```markdown
                ![图片说明](photo.jpg)
                ```
                """;
        Path doc = tmp.resolve("README.md");
        Files.writeString(doc, readme);

        List<String> problems = Links.check(doc, Markdown.links(readme));

        assertThat(problems).hasSize(4);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("docs/nowhere.md"))
                .anySatisfy(p -> assertThat(p).contains("docs/guide.md#not-there"))
                .anySatisfy(p -> assertThat(p).contains("b.png"))
                .anySatisfy(p -> assertThat(p).contains("#elsewhere"));
    }

    @Test
    void headingsAreSluggedTheWayGitHubDoesIt() {
        assertThat(Markdown.anchors("""
                # gongkai 政务公开发布助手
                ## 微信网关与模拟器：`gongkai doctor` 与 `gongkai quota`
                ##### 服务器 IP 不在白名单中
                #### 每个公众号的发布方式（`accounts[].mode`）
                ```bash
                # not a heading
                ```
                ## English
                ## English
                """)).containsExactly("gongkai-政务公开发布助手", "微信网关与模拟器gongkai-doctor-与-gongkai-quota",
                "服务器-ip-不在白名单中", "每个公众号的发布方式accountsmode", "english", "english-1");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static List<Path> documents() {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> s = Files.walk(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted(Comparator.naturalOrder()).forEach(docs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A command or link found in a document, with its 1-based line number. */
    record Mention(int line, String text) {
    }

    /** What the checkers read from Markdown: commands in code, links and headings outside it. */
    static final class Markdown {
        private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
        private static final Pattern INLINE_CODE = Pattern.compile("`([^`]+)`");
        private static final String JAR = "java -jar target/gongkai.jar";
        private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
        private static final Pattern HTML_LINK = Pattern.compile("(?:href|src)=\"([^\"]+)\"");
        private static final Pattern REFERENCE = Pattern.compile("^\\s*\\[[^\\]]+]:\\s+(\\S+)");
        private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
        private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");

        private Markdown() {
        }

        /** Command lines in fenced code (with {@code \} continuations joined) and in inline code. */
        static List<Mention> commands(String markdown) {
            List<Mention> found = new ArrayList<>();
            String[] lines = markdown.split("\n", -1);
            boolean inCode = false;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (FENCE.matcher(line).find()) {
                    inCode = !inCode;
                    continue;
                }
                if (inCode) {
                    int first = i;
                    StringBuilder joined = new StringBuilder();
                    while (stripComment(line).endsWith("\\") && i + 1 < lines.length) {
                        String kept = stripComment(line);
                        joined.append(kept, 0, kept.length() - 1).append(' ');
                        line = lines[++i];
                    }
                    joined.append(line);
                    commandsInCodeLine(joined.toString(), first + 1, found);
                } else {
                    Matcher m = INLINE_CODE.matcher(line);
                    while (m.find()) {
                        String code = m.group(1).strip();
                        if (code.startsWith(JAR + " ") || code.equals(JAR) || code.startsWith("gongkai ")) {
                            found.add(new Mention(i + 1, afterProgram(code)));
                        } else if (CliModel.startsWithSubcommand(code)) {
                            found.add(new Mention(i + 1, code));
                        }
                    }
                }
            }
            return found;
        }

        private static void commandsInCodeLine(String line, int number, List<Mention> found) {
            String code = line.strip();
            if (code.startsWith("#")) {
                code = code.substring(1).strip();
            }
            if (code.startsWith("$ ")) {
                code = code.substring(2).strip();
            }
            int at = code.indexOf(JAR);
            while (at >= 0) {
                found.add(new Mention(number, afterProgram(code.substring(at))));
                at = code.indexOf(JAR, at + JAR.length());
            }
            if (code.startsWith("gongkai ") && !code.contains(JAR)) {
                found.add(new Mention(number, afterProgram(code)));
            }
        }

        /** The arguments after the program name, up to the end of the shell command. */
        private static String afterProgram(String code) {
            return code.startsWith(JAR) ? code.substring(JAR.length()).strip() : code.substring("gongkai".length())
                    .strip();
        }

        private static String stripComment(String line) {
            int hash = line.indexOf(" #");
            return (hash >= 0 ? line.substring(0, hash) : line).stripTrailing();
        }

        /** Links outside code: {@code [x](target)}, {@code ![x](target "title")}, {@code [x]: target}, href/src. */
        static List<Mention> links(String markdown) {
            List<Mention> found = new ArrayList<>();
            String[] lines = markdown.split("\n", -1);
            boolean inCode = false;
            for (int i = 0; i < lines.length; i++) {
                if (FENCE.matcher(lines[i]).find()) {
                    inCode = !inCode;
                    continue;
                }
                if (inCode) {
                    continue;
                }
                String line = INLINE_CODE.matcher(lines[i]).replaceAll("");
                for (Pattern p : List.of(LINK, HTML_LINK, REFERENCE)) {
                    Matcher m = p.matcher(line);
                    while (m.find()) {
                        found.add(new Mention(i + 1, m.group(1)));
                    }
                }
            }
            return found;
        }

        /** The anchors GitHub gives the document's headings (and explicit {@code <a id>} anchors). */
        static List<String> anchors(String markdown) {
            List<String> anchors = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            boolean inCode = false;
            for (String line : markdown.split("\n", -1)) {
                if (FENCE.matcher(line).find()) {
                    inCode = !inCode;
                    continue;
                }
                if (inCode) {
                    continue;
                }
                Matcher a = HTML_ANCHOR.matcher(line);
                while (a.find()) {
                    anchors.add(a.group(1));
                }
                Matcher h = HEADING.matcher(line);
                if (h.matches()) {
                    String slug = slug(h.group(2));
                    int n = seen.merge(slug, 1, Integer::sum) - 1;
                    anchors.add(n == 0 ? slug : slug + "-" + n);
                }
            }
            return anchors;
        }

        /** GitHub's slug: the heading's text, lowercased, punctuation other than - and _ dropped, spaces as -. */
        static String slug(String heading) {
            String text = heading.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "");
            return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "").replace(' ', '-');
        }
    }

    /** Relative links: the file exists; an anchor into a Markdown file names one of its headings. */
    static final class Links {
        private Links() {
        }

        static List<String> check(Path doc, List<Mention> links) {
            List<String> problems = new ArrayList<>();
            for (Mention link : links) {
                String target = link.text();
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String file = URLDecoder.decode(hash >= 0 ? target.substring(0, hash) : target, StandardCharsets.UTF_8);
                String anchor = hash >= 0 ? URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8) : null;
                Path resolved = file.isEmpty() ? doc : doc.toAbsolutePath().getParent().resolve(file).normalize();
                String where = doc.getFileName() + ":" + link.line() + ": ";
                if (!Files.exists(resolved)) {
                    problems.add(where + "链接 " + target + " 指向的文件不存在（" + resolved + "）");
                } else if (anchor != null && resolved.toString().endsWith(".md")
                        && !Markdown.anchors(read(resolved)).contains(anchor)) {
                    problems.add(where + "链接 " + target + " 的标题在 " + resolved.getFileName() + " 中不存在");
                }
            }
            return problems;
        }
    }

    /** picocli's model of the real command tree, and the check of one documented command line against it. */
    static final class CliModel {
        private static final CommandLine ROOT_COMMAND = new CommandLine(Cli.class, new AnyConstructorFactory());
        private static final Set<String> SHELL_ENDS = Set.of("|", "||", "&&", ";", "&", ")", "\\");

        private CliModel() {
        }

        /** Inline code such as {@code ledger import FILE}: a top-level subcommand and at least one more word. */
        static boolean startsWithSubcommand(String code) {
            int space = code.indexOf(' ');
            String first = space > 0 ? code.substring(0, space) : "";
            return !first.equals("help") && Stream.of(first.split("\\|"))
                    .allMatch(ROOT_COMMAND.getSubcommands()::containsKey);
        }

        /** Problems with the arguments of one documented command line (after the program name). */
        static List<String> check(String arguments) {
            List<String> problems = new ArrayList<>();
            CommandSpec spec = ROOT_COMMAND.getCommandSpec();
            boolean path = true;
            for (String token : tokens(arguments)) {
                if (token.equals("…") || token.equals("...") || token.isEmpty()) {
                    continue;
                }
                if (token.startsWith("-") && token.length() > 1) {
                    String name = token.contains("=") ? token.substring(0, token.indexOf('=')) : token;
                    if (spec.findOption(name) == null) {
                        problems.add("命令 " + spec.qualifiedName() + " 没有选项 " + name);
                    }
                    path = false;
                    continue;
                }
                if (path && !spec.subcommands().isEmpty()) {
                    Map<String, CommandLine> subs = spec.subcommands();
                    List<String> alternatives = List.of(token.split("\\|"));
                    List<String> unknown = alternatives.stream().filter(a -> !subs.containsKey(a)).toList();
                    if (unknown.isEmpty()) {
                        spec = subs.get(alternatives.get(0)).getCommandSpec();
                        continue;
                    }
                    if (spec.positionalParameters().isEmpty()) {
                        problems.add("命令 " + spec.qualifiedName() + " 没有子命令 " + String.join("|", unknown));
                        break;
                    }
                }
                path = false;
            }
            return problems;
        }

        /** Shell words up to the end of the first command: quotes kept together, brackets of [--opt] dropped. */
        static List<String> tokens(String arguments) {
            List<String> tokens = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            char quote = 0;
            boolean inWord = false;
            for (int i = 0; i <= arguments.length(); i++) {
                char c = i < arguments.length() ? arguments.charAt(i) : ' ';
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        word.append(c);
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                    inWord = true;
                } else if (Character.isWhitespace(c)) {
                    if (inWord) {
                        String w = word.toString();
                        if (SHELL_ENDS.contains(w) || w.startsWith("#") || w.matches("^\\d?[<>].*")) {
                            return tokens;
                        }
                        boolean closes = w.endsWith(")");
                        tokens.add(w.replaceAll("^\\[+|[\\])]+$", ""));
                        if (closes) {
                            return tokens;
                        }
                    }
                    word.setLength(0);
                    inWord = false;
                } else {
                    word.append(c);
                    inWord = true;
                }
            }
            return tokens;
        }
    }

    /** Builds the command objects picocli only inspects here, whatever their constructors take. */
    private static final class AnyConstructorFactory implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return CommandLine.defaultFactory().create(cls);
            } catch (Exception noPlainConstructor) {
                return withNothing(cls);
            }
        }

        private static <K> K withNothing(Class<K> cls) throws Exception {
            Constructor<?> fewest = Stream.of(cls.getDeclaredConstructors())
                    .min(Comparator.comparingInt(Constructor::getParameterCount)).orElseThrow();
            fewest.setAccessible(true);
            Object[] args = Stream.of(fewest.getParameterTypes()).map(AnyConstructorFactory::nothing).toArray();
            return cls.cast(fewest.newInstance(args));
        }

        private static Object nothing(Class<?> type) {
            return type.isPrimitive() ? Array.get(Array.newInstance(type, 1), 0) : null;
        }
    }
}

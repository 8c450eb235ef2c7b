import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The size profile of a Java source tree, measured the way docs/architecture.md and the anchors' table count:
 * brace-counted, a class is one file, a method runs from the line of its name to its closing brace.
 *
 * <p>Run from the repository root: {@code java scripts/SizeProfile.java [src/main/java] [--methods]}
 * ({@code --methods} also lists every method with its length). No dependencies beyond the JDK.
 */
public final class SizeProfile {
    private static final Pattern TYPE_HEADER = Pattern.compile("\\b(class|interface|enum|record)\\s+[A-Za-z_$]");
    private static final Pattern ENUM_CONSTANT = Pattern.compile("^[A-Z][A-Z0-9_]*\\s*(\\(.*\\))?$",
            Pattern.DOTALL);
    private static final Pattern CALL = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*)\\s*\\(");
    private static final Pattern COMPACT_CONSTRUCTOR = Pattern.compile(
            "^((public|protected|private)\\s+)?[A-Z][A-Za-z0-9_$]*$");
    private static final List<String> NOT_METHODS = List.of("if", "for", "while", "switch", "catch", "synchronized",
            "try", "do", "else", "return", "new", "throw", "super", "this");

    /** One method or constructor: its class, name and length in lines. */
    record Method(String owner, String name, int lines) {
    }

    /** One source file: its class name, length in lines, comment-only lines, and its methods. */
    record SourceFile(String name, int lines, int commentLines, List<Method> methods) {
    }

    private enum Block { TYPE, METHOD, OTHER }

    private SizeProfile() {
    }

    public static void main(String[] args) throws IOException {
        boolean listMethods = List.of(args).contains("--methods");
        List<String> rest = Stream.of(args).filter(a -> !a.equals("--methods")).toList();
        Path root = Path.of(rest.isEmpty() ? "src/main/java" : rest.get(0));
        if (!Files.isDirectory(root)) {
            System.err.println("没有找到源代码目录 " + root.toAbsolutePath() + "：请在仓库根目录运行，或把目录作为参数给出。");
            System.exit(2);
        }
        List<SourceFile> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("package-info.java"))
                    .filter(p -> !p.getFileName().toString().equals("module-info.java"))
                    .sorted().map(SizeProfile::measure).toList();
        }
        System.out.print(report(root, files));
        if (listMethods) {
            System.out.println("every method:");
            files.forEach(f -> f.methods().forEach(m -> System.out.println("  " + m.owner() + "." + m.name() + " "
                    + m.lines())));
        }
    }

    static String report(Path root, List<SourceFile> files) {
        List<Integer> classLines = files.stream().map(SourceFile::lines).sorted().toList();
        List<Method> methods = files.stream().flatMap(f -> f.methods().stream()).toList();
        List<Integer> methodLines = methods.stream().map(Method::lines).sorted().toList();
        long totalLines = classLines.stream().mapToLong(Integer::longValue).sum();
        long commentLines = files.stream().mapToLong(SourceFile::commentLines).sum();
        long over20 = methodLines.stream().filter(n -> n > 20).count();
        StringBuilder out = new StringBuilder();
        out.append("Size profile of ").append(root).append(" (brace-counted; a class is one file;")
                .append(" a method runs from its name to its closing brace)\n");
        out.append("classes:            ").append(files.size()).append('\n');
        out.append("lines:              ").append(totalLines).append('\n');
        out.append("median class:       ").append(percentile(classLines, 50)).append(" lines\n");
        out.append("methods:            ").append(methods.size()).append('\n');
        out.append("median method:      ").append(percentile(methodLines, 50)).append(" lines\n");
        out.append("90th-pct method:    ").append(percentile(methodLines, 90)).append(" lines\n");
        out.append("methods > 20 lines: ").append(percent(over20, methods.size())).append('\n');
        out.append("comment lines:      ").append(percent(commentLines, totalLines)).append('\n');
        out.append("largest classes:\n");
        files.stream().sorted(Comparator.comparingInt(SourceFile::lines).reversed().thenComparing(SourceFile::name))
                .limit(5).forEach(f -> out.append("  ").append(f.name()).append(' ').append(f.lines()).append('\n'));
        List<Method> long50 = methods.stream().filter(m -> m.lines() > 50)
                .sorted(Comparator.comparingInt(Method::lines).reversed()
                        .thenComparing(m -> m.owner() + "." + m.name()))
                .toList();
        out.append("methods over 50 lines: ").append(long50.size()).append('\n');
        long50.forEach(m -> out.append("  ").append(m.owner()).append('.').append(m.name()).append(' ')
                .append(m.lines()).append('\n'));
        return out.toString();
    }

    /** Nearest-rank percentile of sorted values; 0 when there are none. */
    static int percentile(List<Integer> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0.0 %" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    static SourceFile measure(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String name = file.getFileName().toString().replaceFirst("\\.java$", "");
        return measure(name, text);
    }

    /** Measures one file's text: {@code name} is its class name. */
    static SourceFile measure(String name, String text) {
        Stripped code = strip(text);
        int lines = text.isEmpty() ? 0 : (int) text.lines().count();
        List<Method> methods = new ArrayList<>();
        Deque<Block> blocks = new ArrayDeque<>();
        Deque<int[]> methodStarts = new ArrayDeque<>();
        Deque<String> methodNames = new ArrayDeque<>();
        int headerStart = 0;
        String c = code.text();
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch == ';') {
                headerStart = i + 1;
            } else if (ch == '{') {
                String header = c.substring(headerStart, i);
                Block parent = blocks.isEmpty() ? null : blocks.peek();
                Block kind = classify(header, parent);
                blocks.push(kind);
                if (kind == Block.METHOD) {
                    int nameAt = headerStart + nameOffset(header);
                    methodStarts.push(new int[] {code.lineOf(nameAt)});
                    methodNames.push(methodName(header));
                }
                headerStart = i + 1;
            } else if (ch == '}') {
                Block closed = blocks.isEmpty() ? Block.OTHER : blocks.pop();
                if (closed == Block.METHOD) {
                    int start = methodStarts.pop()[0];
                    methods.add(new Method(name, methodNames.pop(), code.lineOf(i) - start + 1));
                }
                headerStart = i + 1;
            }
        }
        return new SourceFile(name, lines, code.commentOnlyLines(), methods);
    }

    private static Block classify(String rawHeader, Block parent) {
        String header = withoutAnnotations(rawHeader).strip();
        if (TYPE_HEADER.matcher(header).find() || header.matches("(?s).*\\bnew\\s+[A-Za-z_$][\\w$.<>, ?]*\\(.*\\)\\s*$")) {
            return Block.TYPE;
        }
        if (parent != Block.TYPE) {
            return Block.OTHER;
        }
        String lastPart = header.substring(header.lastIndexOf(',') + 1).strip();
        if (ENUM_CONSTANT.matcher(lastPart).matches() && !header.contains(" ")) {
            return Block.TYPE;
        }
        if (ENUM_CONSTANT.matcher(lastPart).matches() && header.contains(",")) {
            return Block.TYPE;
        }
        if (COMPACT_CONSTRUCTOR.matcher(header).matches()) {
            return Block.METHOD;
        }
        if (topLevel(header).contains("=") || topLevel(header).contains("->") || methodName(header).isEmpty()) {
            return Block.OTHER;
        }
        return Block.METHOD;
    }

    /** The header with parenthesised parts blanked out, so only its top level is left. */
    private static String topLevel(String header) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char ch : header.toCharArray()) {
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (depth == 0) {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** Removes annotations, with their arguments, leaving spaces so offsets keep their meaning. */
    private static String withoutAnnotations(String header) {
        StringBuilder out = new StringBuilder(header);
        Matcher m = Pattern.compile("@[A-Za-z_$][\\w$.]*").matcher(header);
        while (m.find()) {
            int end = m.end();
            int j = end;
            while (j < header.length() && Character.isWhitespace(header.charAt(j))) {
                j++;
            }
            if (j < header.length() && header.charAt(j) == '(') {
                int depth = 0;
                for (; j < header.length(); j++) {
                    if (header.charAt(j) == '(') {
                        depth++;
                    } else if (header.charAt(j) == ')' && --depth == 0) {
                        end = j + 1;
                        break;
                    }
                }
            }
            for (int k = m.start(); k < end && k < out.length(); k++) {
                if (out.charAt(k) != '\n') {
                    out.setCharAt(k, ' ');
                }
            }
        }
        return out.toString();
    }

    private static String methodName(String rawHeader) {
        String header = withoutAnnotations(rawHeader);
        int at = nameOffset(rawHeader);
        if (at < 0) {
            return "";
        }
        Matcher m = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*").matcher(header);
        return m.find(at) ? m.group() : "";
    }

    /** Where the method's name starts in the header: the last call-like name at the top level, else the last word. */
    private static int nameOffset(String rawHeader) {
        String header = withoutAnnotations(rawHeader);
        Matcher m = CALL.matcher(header);
        int found = -1;
        int depth = 0;
        int scanned = 0;
        while (m.find()) {
            for (; scanned < m.start(); scanned++) {
                char ch = header.charAt(scanned);
                depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            }
            if (depth == 0 && !NOT_METHODS.contains(m.group(1))) {
                found = m.start(1);
            }
        }
        if (found >= 0) {
            return found;
        }
        Matcher word = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*").matcher(header);
        while (word.find()) {
            found = word.start();
        }
        return found;
    }

    /** Source with comments and literals blanked (newlines kept), and which lines held only a comment. */
    record Stripped(String text, int[] lineStarts, int commentOnlyLines) {
        int lineOf(int offset) {
            int lo = 0;
            int hi = lineStarts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (lineStarts[mid] <= offset) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo + 1;
        }
    }

    static Stripped strip(String src) {
        StringBuilder out = new StringBuilder(src.length());
        List<Integer> starts = new ArrayList<>(List.of(0));
        boolean lineHasCode = false;
        boolean lineHasComment = false;
        int commentOnly = 0;
        int i = 0;
        int n = src.length();
        while (i < n) {
            char ch = src.charAt(i);
            if (src.startsWith("//", i)) {
                lineHasComment = true;
                while (i < n && src.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
                continue;
            }
            if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    if (src.charAt(i) == '\n') {
                        commentOnly += lineHasCode ? 0 : 1;
                        lineHasCode = false;
                        out.append('\n');
                        starts.add(out.length());
                    } else {
                        lineHasComment = true;
                        out.append(' ');
                    }
                }
                continue;
            }
            if (src.startsWith("\"\"\"", i) || ch == '"' || ch == '\'') {
                String close = src.startsWith("\"\"\"", i) ? "\"\"\"" : String.valueOf(ch);
                lineHasCode = true;
                out.append(close);
                i += close.length();
                while (i < n && !src.startsWith(close, i)) {
                    if (src.charAt(i) == '\\') {
                        out.append(' ');
                        i++;
                    }
                    if (i < n) {
                        if (src.charAt(i) == '\n') {
                            out.append('\n');
                            starts.add(out.length());
                        } else {
                            out.append(' ');
                        }
                        i++;
                    }
                }
                out.append(close);
                i += close.length();
                continue;
            }
            if (ch == '\n') {
                commentOnly += lineHasComment && !lineHasCode ? 1 : 0;
                lineHasCode = false;
                lineHasComment = false;
                out.append('\n');
                starts.add(out.length());
            } else {
                if (!Character.isWhitespace(ch)) {
                    lineHasCode = true;
                }
                out.append(ch);
            }
            i++;
        }
        commentOnly += lineHasComment && !lineHasCode ? 1 : 0;
        return new Stripped(out.toString(), starts.stream().mapToInt(Integer::intValue).toArray(), commentOnly);
    }
}

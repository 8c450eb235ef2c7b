package cn.gongkai.review;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads {@code config/holidays.yml}: one section per year ({@code 文号}, {@code 节日}: a list of {@code 名称},
 * {@code 放假}, {@code 上班}), every value remembered with its line so that {@link HolidayYearCheck} can name it.
 *
 * <p>Read with SnakeYAML's event parser, the one the configuration file is read with: every command has it loaded
 * already, while binding the file with Jackson cost each command that shows a due date ~60 ms of set-up
 * (docs/benchmarks.md, issue 16). A single value stands for a list of one ({@code 放假: 2024-06-10}); a plain
 * {@code ~}, {@code null} or nothing is no value; one document only.
 */
final class HolidayFile {
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final String NULL_TAG = "tag:yaml.org,2002:null";
    private static final String KEYS = "（每年可写：文号、节日；每个节日可写：名称、放假、上班）";

    /** A value of the file and the line it stands on. */
    record Scalar(String text, int line) {
    }

    /** One line of {@code 节日:}. */
    record FestivalEntry(Scalar name, List<Scalar> off, List<Scalar> work) {
        FestivalEntry {
            off = off == null ? List.of() : off;
            work = work == null ? List.of() : work;
        }
    }

    /** One year's section. */
    record YearEntry(Scalar notice, List<FestivalEntry> festivals) {
        YearEntry {
            festivals = festivals == null ? List.of() : festivals;
        }
    }

    private final String source;
    private final Parser parser;
    private String year = "";

    private HolidayFile(String text, String source) {
        this.source = source;
        this.parser = new ParserImpl(new StreamReader(new StringReader(text)), new LoaderOptions());
    }

    static HolidayCalendar read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the holiday file " + file, e);
        }
    }

    static HolidayCalendar parse(String text, String source) {
        HolidayFile reader = new HolidayFile(text, source);
        try {
            return new HolidayCalendar(source, reader.years());
        } catch (MarkedYAMLException e) {
            // where the part being read began (an unclosed bracket: its line, not the end of the file), and
            // SnakeYAML's whole text, with the line and column of both
            Mark mark = e.getContextMark() != null ? e.getContextMark() : e.getProblemMark();
            throw reader.error(mark == null ? 1 : mark.getLine() + 1, "格式错误：" + e.getMessage());
        } catch (ReaderException e) {
            throw reader.error(lineAt(text, e.getPosition()), "格式错误：" + e.getMessage());
        } catch (YAMLException e) {
            throw reader.error(1, "格式错误：" + e.getMessage());
        }
    }

    /** The 1-based line of the {@code position}-th code point of {@code text}. */
    private static int lineAt(String text, int position) {
        int line = 1;
        int end = text.offsetByCodePoints(0, Math.min(Math.max(position, 0), text.codePointCount(0, text.length())));
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private List<HolidayCalendar.Year> years() {
        Event event = parser.getEvent();
        while (event instanceof StreamStartEvent || event instanceof DocumentStartEvent) {
            event = parser.getEvent();
        }
        if (!(event instanceof MappingStartEvent)) {
            throw error(line(event), "文件应由“年份:”开头的各节组成，如 2024: 下面写文号和节日");
        }
        List<HolidayCalendar.Year> years = new ArrayList<>();
        for (Event key = parser.getEvent(); !(key instanceof MappingEndEvent); key = parser.getEvent()) {
            int line = line(key);
            if (!(key instanceof ScalarEvent s)) {
                throw notAValue(key);
            }
            year = s.getValue();
            if (!YEAR.matcher(year).matches()) {
                throw error(line, "“" + year + "”不是四位年份");
            }
            int y = Integer.parseInt(year);
            if (years.stream().anyMatch(known -> known.year() == y)) {
                throw error(line, "这一年写了两次");
            }
            years.add(new HolidayYearCheck(y, line, this::error).check(yearEntry(parser.getEvent())));
        }
        year = "";
        Event end = parser.getEvent();
        if (end instanceof DocumentEndEvent) {
            end = parser.getEvent();
        }
        if (!(end instanceof StreamEndEvent)) {
            throw error(line(end), "一个文件只能有一个文档：年份之间不要用 --- 或 ... 分隔，各年依次写下去");
        }
        return years;
    }

    private YearEntry yearEntry(Event event) {
        if (isNull(event)) {
            return new YearEntry(null, null);
        }
        if (event instanceof AliasEvent) {
            throw notAValue(event);
        }
        if (!(event instanceof MappingStartEvent)) {
            throw error(line(event), "“" + year + ":”下面应写“文号:”和“节日:”两项");
        }
        Scalar notice = null;
        List<FestivalEntry> festivals = null;
        Set<String> seen = new HashSet<>();
        for (Event key = parser.getEvent(); !(key instanceof MappingEndEvent); key = parser.getEvent()) {
            switch (key(key, seen)) {
                case "文号" -> notice = scalar(parser.getEvent());
                case "节日" -> festivals = list(parser.getEvent(), this::festival);
                default -> throw unknown(key);
            }
        }
        return new YearEntry(notice, festivals);
    }

    private FestivalEntry festival(Event event) {
        if (event instanceof AliasEvent) {
            throw notAValue(event);
        }
        if (!(event instanceof MappingStartEvent)) {
            throw error(line(event), "每个节日应写作“- 名称: …”及其“放假:”“上班:”（或 {名称: …, 放假: […]}）");
        }
        Scalar name = null;
        List<Scalar> off = null;
        List<Scalar> work = null;
        Set<String> seen = new HashSet<>();
        for (Event key = parser.getEvent(); !(key instanceof MappingEndEvent); key = parser.getEvent()) {
            switch (key(key, seen)) {
                case "名称" -> name = scalar(parser.getEvent());
                case "放假" -> off = list(parser.getEvent(), this::scalar);
                case "上班" -> work = list(parser.getEvent(), this::scalar);
                default -> throw unknown(key);
            }
        }
        return new FestivalEntry(name, off, work);
    }

    /** The name of a key, refused when it is not a plain value or was written before in the same mapping. */
    private String key(Event key, Set<String> seen) {
        if (!(key instanceof ScalarEvent s)) {
            throw notAValue(key);
        }
        if (!seen.add(s.getValue())) {
            throw error(line(key), "“" + s.getValue() + "”写了两次");
        }
        return s.getValue();
    }

    /** A list, or a single item standing for a list of one; no value is an empty list. */
    private <T> List<T> list(Event event, Function<Event, T> item) {
        if (isNull(event)) {
            return List.of();
        }
        if (!(event instanceof SequenceStartEvent)) {
            return List.of(item.apply(event));
        }
        List<T> items = new ArrayList<>();
        for (Event e = parser.getEvent(); !(e instanceof SequenceEndEvent); e = parser.getEvent()) {
            if (isNull(e)) {
                throw error(line(e), "列表中有一项是空的");
            }
            items.add(item.apply(e));
        }
        return items;
    }

    /** A value with its line; no value is null; a list, a mapping or an alias is refused where it stands. */
    private Scalar scalar(Event event) {
        if (isNull(event)) {
            return null;
        }
        if (!(event instanceof ScalarEvent s)) {
            throw notAValue(event);
        }
        return new Scalar(s.getValue(), line(event));
    }

    /** A plain {@code ~}, {@code null} or nothing, or a value tagged {@code !!null} (as the configuration reads). */
    private static boolean isNull(Event event) {
        if (!(event instanceof ScalarEvent s)) {
            return false;
        }
        String tag = s.getTag();
        boolean implicit = tag == null || tag.equals("!");
        return implicit ? s.getImplicit().canOmitTagInPlainScalar() && NULLS.contains(s.getValue())
                : tag.equals(NULL_TAG);
    }

    private IllegalArgumentException notAValue(Event event) {
        return error(line(event), event instanceof AliasEvent ? "不支持引用（*名称），请把值直接写出"
                : "这里应是一个值（日期或文字），不是列表或映射");
    }

    private IllegalArgumentException unknown(Event key) {
        return error(line(key), "未知的项“" + ((ScalarEvent) key).getValue() + "”" + KEYS);
    }

    private static int line(Event event) {
        return event == null || event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
    }

    /** A refusal naming the file, the line, the year being read and the problem. */
    IllegalArgumentException error(int line, String problem) {
        return new IllegalArgumentException("节假日表 " + source + " 第 " + line + " 行"
                + (year.isEmpty() ? "" : "（" + year + " 年）") + "：" + problem);
    }
}

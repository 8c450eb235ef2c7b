package cn.gongkai.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads {@code config/holidays.yml}: one section per year ({@code 文号}, {@code 节日}: a list of {@code 名称},
 * {@code 放假}, {@code 上班}), every value remembered with its line so that {@link HolidayYearCheck} can name it.
 */
final class HolidayFile {
    /** A single date may stand without brackets: {@code 放假: 2024-06-10}. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    /** A value of the file and the line it stands on. */
    @JsonDeserialize(using = Scalar.Reader.class)
    record Scalar(String text, int line) {
        /** Reads a scalar with its line; anything else (a list, a mapping) is refused where it stands. */
        static final class Reader extends StdDeserializer<Scalar> {
            Reader() {
                super(Scalar.class);
            }

            @Override
            public Scalar deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (!p.currentToken().isScalarValue()) {
                    throw JsonMappingException.from(p, "这里应是一个值（日期或文字），不是列表或映射");
                }
                return new Scalar(p.getValueAsString(), p.currentTokenLocation().getLineNr());
            }
        }
    }

    /** One line of {@code 节日:}. */
    record FestivalEntry(@JsonProperty("名称") Scalar name, @JsonProperty("放假") List<Scalar> off,
                         @JsonProperty("上班") List<Scalar> work) {
        FestivalEntry {
            off = off == null ? List.of() : off;
            work = work == null ? List.of() : work;
        }
    }

    /** One year's section. */
    record YearEntry(@JsonProperty("文号") Scalar notice, @JsonProperty("节日") List<FestivalEntry> festivals) {
        YearEntry {
            festivals = festivals == null ? List.of() : festivals;
        }
    }

    private final String source;
    private String year = "";

    private HolidayFile(String source) {
        this.source = source;
    }

    static HolidayCalendar read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the holiday file " + file, e);
        }
    }

    static HolidayCalendar parse(String text, String source) {
        HolidayFile reader = new HolidayFile(source);
        try (JsonParser p = YAML.createParser(text)) {
            return new HolidayCalendar(source, reader.years(p));
        } catch (UnrecognizedPropertyException e) {
            throw reader.error(line(e.getLocation()), "未知的项“" + e.getPropertyName()
                    + "”（每年可写：文号、节日；每个节日可写：名称、放假、上班）");
        } catch (JsonProcessingException e) {
            throw reader.error(line(e.getLocation()), "格式错误：" + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the holiday file " + source, e);
        }
    }

    private List<HolidayCalendar.Year> years(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw error(line(p.currentTokenLocation()), "文件应由“年份:”开头的各节组成，如 2024: 下面写文号和节日");
        }
        List<HolidayCalendar.Year> years = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            int line = line(p.currentTokenLocation());
            year = p.currentName();
            if (!YEAR.matcher(year).matches()) {
                throw error(line, "“" + year + "”不是四位年份");
            }
            int y = Integer.parseInt(year);
            if (years.stream().anyMatch(known -> known.year() == y)) {
                throw error(line, "这一年写了两次");
            }
            p.nextToken();
            years.add(new HolidayYearCheck(y, line, this::error).check(YAML.readValue(p, YearEntry.class)));
        }
        return years;
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    /** A refusal naming the file, the line, the year being read and the problem. */
    IllegalArgumentException error(int line, String problem) {
        return new IllegalArgumentException("节假日表 " + source + " 第 " + line + " 行"
                + (year.isEmpty() ? "" : "（" + year + " 年）") + "：" + problem);
    }
}

package cn.gongkai.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How one type of single value is read from the text the file wrote ({@code parse}), what staff are told it should
 * look like when it cannot be ({@code expected}), and the value of a key left out ({@code absent}).
 */
record ScalarType<T>(Function<String, T> parse, String expected, T absent) {
    static final String SINGLE = "应为单个值";
    private static final String INTEGER = "应为整数";
    private static final String DECIMAL = "应为小数，例如 0.9";
    private static final String DURATION = "应为时长，例如 500ms、5s、1m、2h";
    private static final String BOOLEAN = "应为 true 或 false";
    private static final Pattern DECIMAL_TEXT = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    /** Units of short durations, longest suffix first. */
    private static final List<Map.Entry<String, ChronoUnit>> UNITS = List.of(Map.entry("ms", ChronoUnit.MILLIS),
            Map.entry("s", ChronoUnit.SECONDS), Map.entry("m", ChronoUnit.MINUTES), Map.entry("h", ChronoUnit.HOURS),
            Map.entry("d", ChronoUnit.DAYS));

    /** Every single-value type a configuration record may have. */
    private static final Map<Class<?>, ScalarType<?>> TYPES = Map.ofEntries(
            Map.entry(String.class, new ScalarType<>(text -> text, SINGLE, null)),
            Map.entry(int.class, new ScalarType<>(ScalarType::integer, INTEGER, 0)),
            Map.entry(Integer.class, new ScalarType<>(ScalarType::integer, INTEGER, null)),
            Map.entry(long.class, new ScalarType<>(ScalarType::wholeNumber, INTEGER, 0L)),
            Map.entry(Long.class, new ScalarType<>(ScalarType::wholeNumber, INTEGER, null)),
            Map.entry(double.class, new ScalarType<>(ScalarType::decimal, DECIMAL, 0.0)),
            Map.entry(Double.class, new ScalarType<>(ScalarType::decimal, DECIMAL, null)),
            ours(boolean.class, ScalarType::bool, BOOLEAN),
            ours(Boolean.class, ScalarType::bool, BOOLEAN),
            ours(Duration.class, ScalarType::duration, DURATION),
            ours(Secret.class, Secret::of, SINGLE),
            ours(Path.class, Path::of, SINGLE),
            ours(ZoneId.class, ZoneId::of, "不是有效的时区，例如 Asia/Shanghai"),
            ours(SandboxMode.class, SandboxMode::parse, "只能是 auto、on 或 off"),
            ours(PortalConfig.Delivery.class, t -> PortalConfig.Delivery.valueOf(t.toUpperCase(Locale.ROOT)),
                    "只能是 email、webhook 或 folder（或 internal：报送给本实例内的单位）"),
            ours(PortalConfig.Tls.class, t -> PortalConfig.Tls.valueOf(t.toUpperCase(Locale.ROOT)),
                    "只能是 starttls、ssl 或 none"));

    /** The type's reading, or null when {@code type} is not a single value (a list, map or record). */
    static ScalarType<?> of(Class<?> type) {
        return TYPES.get(type);
    }

    /**
     * One of our own values: read from the stripped text; a key left out reads as one written empty when that is
     * valid ({@code false}, no secret, the empty path), else as null.
     */
    private static <T> Map.Entry<Class<?>, ScalarType<?>> ours(Class<T> type, Function<String, T> parse,
                                                               String expected) {
        T absent;
        try {
            absent = parse.apply("");
        } catch (RuntimeException e) {
            absent = null;
        }
        return Map.entry(type, new ScalarType<>(text -> parse.apply(text.strip()), expected, absent));
    }

    /** The value at {@code path}, or a {@link ConfigException} naming the path, the value and the expectation. */
    T read(ConfigNode node, String path) {
        if (node instanceof ConfigNode.Value value && value.isNull()) {
            return absent;
        }
        if (node instanceof ConfigNode.Value value) {
            try {
                return parse.apply(value.text());
            } catch (RuntimeException e) {
                throw new ConfigException(path, value.text(), expected);
            }
        }
        throw new ConfigException(path, node.shown(), expected);
    }

    private static int integer(String text) {
        return Math.toIntExact(wholeNumber(text));
    }

    /** A whole number as YAML writes it: {@code 8080}, {@code +81}, {@code 1_000}, {@code 0x1F}. */
    private static long wholeNumber(String text) {
        String digits = text.strip().replace("_", "");
        boolean negative = digits.startsWith("-");
        String unsigned = negative || digits.startsWith("+") ? digits.substring(1) : digits;
        if (unsigned.startsWith("0x") && !unsigned.startsWith("0x-")) {
            long magnitude = Long.parseLong(unsigned.substring(2), 16);
            return negative ? -magnitude : magnitude;
        }
        return Long.parseLong(digits);
    }

    private static double decimal(String text) {
        String digits = text.strip().replace("_", "");
        if (!DECIMAL_TEXT.matcher(digits).matches()) {
            throw new NumberFormatException(text);
        }
        return Double.parseDouble(digits);
    }

    /** {@code 500ms}, {@code 30s}, {@code 15m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT15M}). */
    static Duration duration(String text) {
        String raw = text.toLowerCase(Locale.ROOT);
        if (raw.startsWith("p")) {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        }
        for (Map.Entry<String, ChronoUnit> unit : UNITS) {
            if (raw.endsWith(unit.getKey())) {
                String amount = raw.substring(0, raw.length() - unit.getKey().length()).strip();
                return Duration.of(Long.parseLong(amount), unit.getValue());
            }
        }
        throw new IllegalArgumentException("no unit: " + text);
    }

    private static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off", "" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }
}

package cn.gongkai.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds one year's holiday notice to the holiday file ({@code config/holidays.yml}) as an administrator types it on
 * the 系统 page: the section is checked on its own (its line numbers are the ones the administrator sees), must be a
 * year the file lacks, and the whole file is checked again before it is replaced atomically. Comments and the other
 * years stay as they were; when the configured file does not exist yet, it starts from the copy in the jar.
 */
public final class HolidayYears {
    private static final Pattern YEAR_LINE = Pattern.compile("(?m)^(\\d{4})\\s*:\\s*$");

    private final Path file;

    public HolidayYears(Path file) {
        this.file = file;
    }

    /** The calendar as the file now reads (the jar's copy when the file does not exist). */
    public HolidayCalendar current() {
        return HolidayCalendar.parse(text(), source());
    }

    /** Where the file is. */
    public Path file() {
        return file;
    }

    /**
     * Adds {@code section} (a {@code YYYY:} line with 文号 and 节日 below it) and returns the year added; an
     * {@link IllegalArgumentException} says in Chinese what is wrong and nothing is written.
     */
    public int add(String section) {
        String typed = section == null ? "" : section.replace("\r\n", "\n").strip();
        Matcher m = YEAR_LINE.matcher(typed);
        if (typed.isEmpty() || !m.find()) {
            throw new IllegalArgumentException("请粘贴一年的节假日安排：第一行写年份和冒号（如 2027:），下面写 文号 和 节日，格式同文件中的其他年份");
        }
        int year = Integer.parseInt(m.group(1));
        if (m.find()) {
            throw new IllegalArgumentException("一次只能添加一年（看到了 " + year + " 和 " + m.group(1) + "）");
        }
        String before = text();
        if (HolidayCalendar.parse(before, source()).covers(year)) {
            throw new IllegalArgumentException("节假日表中已有 " + year + " 年；要修改已有的年份，请管理员编辑文件 " + file
                    + " 后重启服务");
        }
        HolidayCalendar alone = HolidayCalendar.parse(typed, "新增的 " + year + " 年");
        if (!alone.covers(year) || alone.year(year).orElseThrow().festivals().isEmpty()) {
            throw new IllegalArgumentException(year + " 年下面没有节日：每个节日写一行，如 - {名称: 元旦, 放假: [" + year
                    + "-01-01]}");
        }
        String after = before.stripTrailing() + "\n\n" + typed + "\n";
        HolidayCalendar.parse(after, file.toString());
        write(after);
        return year;
    }

    private String source() {
        return Files.isRegularFile(file) ? file.toString() : "内置节假日表";
    }

    private String text() {
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            try (InputStream in = HolidayYears.class.getResourceAsStream("/holidays.yml")) {
                if (in == null) {
                    throw new IllegalStateException("the jar has no holidays.yml");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the holiday calendar " + file, e);
        }
    }

    private void write(String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".holidays", ".yml.tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the holiday calendar " + file, e);
        }
    }
}

package cn.gongkai.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The 成文日期 as staff and 红头文件 write it. */
class SignedDatesTest {
    @ParameterizedTest
    @CsvSource({
        "2024-03-15, 2024-03-15",
        "2024-3-5, 2024-03-05",
        "2023年12月5日, 2023-12-05",
        "2023 年 12 月 5 日, 2023-12-05",
        "二〇二三年十二月五日, 2023-12-05",
        "二○二四年二月二十九日, 2024-02-29",
        "二〇二〇年十月三十一日, 2020-10-31",
        "二〇一九年一月十日, 2019-01-10",
        "二〇二一年十一月二十日, 2021-11-20",
    })
    void readsEveryFormStaffWrite(String text, LocalDate expected) {
        assertThat(SignedDates.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2023-02-29", "2023年13月1日", "二〇二三年二月三十日", "二〇二三年十二月三十二日",
        "二〇二三年十十月一日", "二〇二三年二十月一日", "明年春节", "2023/12/05", "1900-01-01", "2023年12月5日印发"})
    void refusesWhatIsNoRealDay(String text) {
        assertThat(SignedDates.parse(text)).isEmpty();
    }
}

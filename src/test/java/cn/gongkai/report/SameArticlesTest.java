package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.publish.LedgerRepository;
import cn.gongkai.publish.LedgerSource;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An imported row for an article the ledger or the file already has in another way is left out and named. */
class SameArticlesTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final List<String> skipped = new ArrayList<>();

    /** A ledger whose rows in any period are {@code rows}. */
    private static LedgerRepository ledger(List<LedgerEntry> rows) {
        return (LedgerRepository) Proxy.newProxyInstance(LedgerRepository.class.getClassLoader(),
                new Class<?>[] {LedgerRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("between")) {
                        return rows;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static LedgerEntry row(long id, String at, String title, String url, LedgerSource source, String key) {
        return new LedgerEntry(id, null, "main", LedgerEntry.UNKNOWN_MODE, null, null, 1, url, title, "会议", "",
                Instant.parse(at), source, key, null, null);
    }

    private static LedgerEntry imported(String at, String title, String url) {
        return row(0, at, title, url, LedgerSource.IMPORT, "import:" + at + title);
    }

    @Test
    void theSameLinkOrTheSameDayAndTitleIsTheSameArticle() {
        LedgerEntry published = row(41, "2023-03-01T01:30:00Z", "春季招聘", "https://mp.weixin.qq.com/s?__biz=B&mid=1&idx=1",
                LedgerSource.EXTERNAL, "external:41");
        List<LedgerEntry> entries = List.of(
                imported("2023-03-01T02:00:00Z", "另一个标题", "http://mp.weixin.qq.com/s?idx=1&mid=1&__biz=B&sn=x"),
                imported("2023-03-01T05:00:00Z", "春季招聘", ""),
                imported("2023-03-02T05:00:00Z", "新文章", ""),
                imported("2023-03-02T06:00:00Z", "新文章", ""));

        List<LedgerEntry> fresh = SameArticles.without(ledger(List.of(published)), ZONE, entries,
                List.of("第 2 行", "第 3 行", "第 4 行", "第 5 行"), skipped);

        assertThat(fresh).containsExactly(entries.get(2));
        assertThat(skipped).containsExactly(
                "第 2 行：“另一个标题”与台账中编号 41 的记录（" + LedgerSource.EXTERNAL.label()
                        + "，2023-03-01 09:30）是同一篇文章（链接相同），未重复导入",
                "第 3 行：“春季招聘”与台账中编号 41 的记录（" + LedgerSource.EXTERNAL.label()
                        + "，2023-03-01 09:30）是同一篇文章（同一公众号、同一天、标题相同），未重复导入",
                "第 5 行：“新文章”与本文件中前面的一行（2023-03-02 13:00）是同一篇文章（同一公众号、同一天、标题相同），未重复导入");
    }

    @Test
    void aRowImportedBeforeUnderTheSameKeyStaysForTheLedgerToAddOnce() {
        LedgerEntry again = imported("2023-03-01T01:30:00Z", "春季招聘", "");
        LedgerEntry before = row(7, "2023-03-01T01:30:00Z", "春季招聘", "", LedgerSource.IMPORT, again.sourceKey());

        assertThat(SameArticles.without(ledger(List.of(before)), ZONE, List.of(again), List.of("第 2 行"), skipped))
                .containsExactly(again);
        assertThat(skipped).isEmpty();
    }
}

package cn.gongkai.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest extends SimulatorFixture {

    @Test
    void publishesEveryArticleExactlyOnceUnderConcurrentCalls() throws Exception {
        String t = token();
        String thumb = cover(t);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String title = "并发" + i;
                results.add(pool.submit(() -> {
                    String mediaId = addDraft(t, List.of(article(title, "<p>x</p>", thumb))).json()
                            .get("media_id").asText();
                    return submit(t, mediaId).errcode();
                }));
            }
            for (Future<Integer> r : results) {
                assertThat(r.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        clock.advance(Faults.DEFAULT_PUBLISH_DURATION);
        assertThat(client.post("/cgi-bin/freepublish/batchget?access_token=" + t,
                java.util.Map.of("offset", 0, "count", 20)).json().get("total_count").asInt()).isEqualTo(40);
        assertThat(sim.record().published()).hasSize(40)
                .extracting(SimulatorRecord.PublishedArticle::title).doesNotHaveDuplicates();
        assertThat(sim.record().published()).extracting(SimulatorRecord.PublishedArticle::publishId)
                .doesNotHaveDuplicates();
        assertThat(sim.record().successfulSubmits()).isEqualTo(40);
    }
}

package cn.gongkai.probe;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.inspect.Finding;
import cn.gongkai.inspect.LinkJudge;
import cn.gongkai.inspect.LinkProbe;
import cn.gongkai.inspect.LinkProbe.Outcome;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.testsupport.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP link probe against a real local server, and the judge's days over a real store. */
class HttpLinkProbeTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T02:00:00Z"));
    MockWebServer server;
    Database db;
    HttpLinkProbe probe;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        db = Fixtures.memoryDatabase();
        probe = new HttpLinkProbe(uri -> "127.0.0.1".equals(uri.getHost()) && uri.getPort() == server.getPort());
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private LinkJudge judge() {
        return new LinkJudge(probe, db.inspections(), url -> true, ZoneId.of("Asia/Shanghai"), clock);
    }

    @Test
    void aPageThatAnswersIsFineAndIsAskedWithHeadFirstThenGetWhenHeadIsNotAllowed() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(200).build());
        server.enqueue(new MockResponse.Builder().code(405).build());
        server.enqueue(new MockResponse.Builder().code(200).build());

        LinkProbe.Result head = probe.probe(url("/a"));
        LinkProbe.Result get = probe.probe(url("/b"));

        assertThat(head.outcome()).isEqualTo(Outcome.OK);
        assertThat(get.outcome()).isEqualTo(Outcome.OK);
        assertThat(server.takeRequest().getMethod()).isEqualTo("HEAD");
        RecordedRequest second = server.takeRequest();
        assertThat(second.getMethod()).isEqualTo("HEAD");
        assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
    }

    @Test
    void notFoundAndGoneAreDeadAtOnce() {
        server.enqueue(new MockResponse.Builder().code(404).build());
        server.enqueue(new MockResponse.Builder().code(410).build());

        LinkJudge.Verdict notFound = judge().judge(url("/missing"));
        LinkJudge.Verdict gone = judge().judge(url("/gone"));

        assertThat(notFound.kind()).isEqualTo(Finding.Kind.DEAD_LINK);
        assertThat(notFound.detail()).isEqualTo("网页不存在（HTTP 404）");
        assertThat(gone.kind()).isEqualTo(Finding.Kind.DEAD_LINK);
    }

    @Test
    void aServerErrorIsOnlyPassingUntilItFailsAgainOnAnotherDay() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(503).build());

        LinkJudge.Verdict firstDay = judge().judge(url("/busy"));
        LinkJudge.Verdict sameDayAgain = judge().judge(url("/busy"));
        clock.advance(Duration.ofDays(1));
        LinkJudge.Verdict nextDay = judge().judge(url("/busy"));

        assertThat(firstDay.kind()).isEqualTo(Finding.Kind.LINK_UNREACHABLE);
        assertThat(sameDayAgain.kind()).as("not probed twice a day").isEqualTo(Finding.Kind.LINK_UNREACHABLE);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(nextDay.kind()).isEqualTo(Finding.Kind.DEAD_LINK);
        assertThat(nextDay.detail()).contains("HTTP 503", "2 天无法访问");
    }

    @Test
    void aRecoveredLinkStartsCountingAgain() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        server.enqueue(new MockResponse.Builder().code(503).build());

        judge().judge(url("/flaky"));
        clock.advance(Duration.ofDays(1));
        LinkJudge.Verdict ok = judge().judge(url("/flaky"));
        clock.advance(Duration.ofDays(1));
        LinkJudge.Verdict again = judge().judge(url("/flaky"));

        assertThat(ok.kind()).isNull();
        assertThat(again.kind()).isEqualTo(Finding.Kind.LINK_UNREACHABLE);
    }

    @Test
    void aRedirectIsFollowedButNeverToAPrivateAddress() {
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/moved").build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "http://192.168.1.1/admin").build());
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "http://10.0.0.8/").build());

        LinkProbe.Result moved = probe.probe(url("/old"));
        LinkProbe.Result toPrivate = probe.probe(url("/evil"));
        LinkProbe.Result toTen = probe.probe(url("/evil2"));

        assertThat(moved.outcome()).isEqualTo(Outcome.OK);
        assertThat(toPrivate.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(toPrivate.detail()).startsWith("跳转后").contains("内网");
        assertThat(toTen.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(server.getRequestCount()).as("nothing was sent to the private addresses").isEqualTo(4);
    }

    @Test
    void moreThanThreeRedirectsAreNotFollowed() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/hop" + i).build());
        }

        LinkProbe.Result r = probe.probe(url("/loop"));

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void withoutTheAllowRuleLoopbackPrivateAndNonHttpLinksAreRefusedWithoutARequest() {
        HttpLinkProbe strict = HttpLinkProbe.publicOnly();

        assertThat(strict.probe(url("/x")).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(strict.probe("http://localhost:" + server.getPort() + "/x").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(strict.probe("http://169.254.169.254/latest/meta-data").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(strict.probe("http://[::1]/").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(strict.probe("http://[fd00::1]/").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(strict.probe("http://100.64.0.1/").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(strict.probe("ftp://ftp.example.com/file").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(strict.probe("file:///etc/passwd").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anUnknownHostIsDead() {
        assertThat(HttpLinkProbe.publicOnly().probe("http://no-such-host.invalid/page").outcome())
                .isEqualTo(Outcome.DEAD);
    }
}

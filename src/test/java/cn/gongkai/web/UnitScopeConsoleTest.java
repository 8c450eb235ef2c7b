package cn.gongkai.web;

import static cn.gongkai.testsupport.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.Role;
import cn.gongkai.testsupport.MutableClock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's item list, review queue and item page, and the REST API's item routes, answer within the user's scope
 * (issue 19): another unit's item is not found (404, its title nowhere), the district inspector sees every unit's.
 */
class UnitScopeConsoleTest {
    private static final String OWN = "商务局促消费活动通知";
    private static final String OTHER = "教育局招生简章草稿";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    private ConsoleFixture app;
    private DisclosureItem own;
    private DisclosureItem other;

    @BeforeEach
    void start() {
        app = new ConsoleFixture(dir, clock);
        app.user("刘科员", Role.DRAFTER);
        app.wiring.users().add("孙巡查", Role.DISTRICT_INSPECTOR, null, ConsoleFixture.PASSWORD.toCharArray());
        own = app.wiring.items().insert(anItem().title(OWN).build(), ItemStatus.IN_REVIEW, null, clock.instant());
        other = app.wiring.items().insert("jiaoyu", anItem().title(OTHER).build(), ItemStatus.IN_REVIEW, null,
                clock.instant());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void anotherUnitsItemIsNotFoundAndListedNowhere() throws Exception {
        Staff drafter = new Staff(app, "刘科员");

        HttpResponse<String> page = drafter.get("/items/" + other.id());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain(OTHER);
        assertThat(drafter.get("/items/" + own.id()).statusCode()).isEqualTo(200);
        assertThat(drafter.get("/items").body()).contains(OWN).doesNotContain(OTHER);
        assertThat(drafter.get("/items?q=" + Staff.enc("招生简章")).body()).doesNotContain(OTHER);
        assertThat(drafter.get("/review").body()).contains(OWN).doesNotContain(OTHER);
    }

    @Test
    void anApiTokenAnswersForItsUsersUnitOnly() throws Exception {
        String token = app.wiring.users().createToken("刘科员");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, HttpResponse<String>> get = path -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url(path)))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };

        HttpResponse<String> item = get.apply("/api/items/" + other.id());
        assertThat(item.statusCode()).isEqualTo(404);
        assertThat(item.body()).doesNotContain(OTHER);
        assertThat(get.apply("/api/items/" + own.id()).statusCode()).isEqualTo(200);
        assertThat(get.apply("/api/items").body()).contains(OWN).doesNotContain(OTHER);
    }

    @Test
    void theDistrictInspectorSeesEveryUnitsItems() throws Exception {
        Staff inspector = new Staff(app, "孙巡查");

        HttpResponse<String> page = inspector.get("/items/" + other.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(OTHER);
        assertThat(inspector.get("/items").body()).contains(OWN, OTHER);
    }
}

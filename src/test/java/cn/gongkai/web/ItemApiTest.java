package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.config.ConfigLoader;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.intake.ItemImporter;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.render.Glossary;
import cn.gongkai.review.ReviewPolicy;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.Role;
import cn.gongkai.review.Users;
import cn.gongkai.review.checks.CheckLimits;
import cn.gongkai.review.checks.PrePublishChecks;
import cn.gongkai.review.checks.WordList;
import cn.gongkai.store.Database;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.testsupport.Multipart;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API over HTTP, on a real H2 store: token auth, the review chain, checks, problem+json. */
class ItemApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Database db;
    private WebServer server;
    private String drafter;
    private String deptLeader;
    private String director;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Path config = dir.resolve("gongkai.yml");
        Files.writeString(config, "web:\n  host: 127.0.0.1\n  port: 0\n");
        GongkaiConfig cfg = new ConfigLoader(Map.of()).load(config);
        db = Fixtures.memoryDatabase();
        Clock clock = Clock.systemUTC();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        ReviewService review = new ReviewService(
                ReviewPolicy.of(List.of("dept-leader", "office-director", "office-leader")),
                new PrePublishChecks(CheckLimits.wechatDefaults(), WordList.load(Path.of("templates/checks/words.txt"))),
                db.items(), db.audit(), db.users(), db.transactions(), clock);
        ItemImporter importer = new ItemImporter(cfg.categories(), List.of("hongqi"),
                Glossary.load(Path.of("templates/notes")).keys(), zone, db.items(), db.images(), db.transactions(),
                review, clock);
        Users users = new Users(db.users(), clock, 4);
        users.add("刘科员", Role.DRAFTER, "api-test-Pass-7".toCharArray());
        users.add("张科长", Role.DEPT_LEADER, "api-test-Pass-7".toCharArray());
        users.add("李主任", Role.OFFICE_DIRECTOR, "api-test-Pass-7".toCharArray());
        drafter = users.createToken("刘科员");
        deptLeader = users.createToken("张科长");
        director = users.createToken("李主任");
        ItemApi api = new ItemApi(importer, review, db.items(), db.audit(),
                List.of(new BearerTokenAuthenticator(users)));
        server = WebServer.start(cfg, db.items(), db.batches(),
                new cn.gongkai.report.Counter(db.ledgerStatistics(), cfg.timezone(), cfg.categories()), clock, null, api);
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static ObjectNode item(String title, String body) {
        ObjectNode n = JSON.createObjectNode();
        n.put("title", title);
        n.put("category", "促消费");
        n.put("author", "红旗区商务局");
        n.put("body", body);
        return n;
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private long createAndSubmit() throws Exception {
        ObjectNode n = item("家电以旧换新补贴活动开始报名", "即日起开展家电以旧换新补贴活动。\n\n![活动现场](photo.png)");
        n.putArray("images").addObject().put("name", "photo.png")
                .put("data", Base64.getEncoder().encodeToString(Fixtures.png(640, 360, 0xCC3333)));
        n.put("submit", true);
        HttpResponse<String> r = send("POST", "/api/items", drafter, n.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get("id").asLong();
    }

    /** An approval body naming the content hash the reviewer's GET returned just now. */
    private String approval(long id, String token, String comment) throws Exception {
        String hash = json(send("GET", "/api/items/" + id, token, null)).get("contentHash").asText();
        ObjectNode n = JSON.createObjectNode();
        n.put("contentHash", hash);
        n.put("comment", comment);
        return n.toString();
    }

    @Test
    void aRequestWithoutAValidTokenGetsA401Problem() throws Exception {
        HttpResponse<String> none = send("GET", "/api/items", null, null);
        HttpResponse<String> wrong = send("GET", "/api/items", "gk_not-a-real-token", null);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
        assertThat(json(none).get("status").asInt()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void withoutAConsoleOnlyTheItemRoutesAnswerATokenAndEveryOtherRouteIsClosed() throws Exception {
        HttpResponse<String> counts = send("GET", "/api/counts?year=2023", deptLeader, null);

        assertThat(counts.statusCode()).as(counts.body()).isEqualTo(401);
        assertThat(send("GET", "/api/me", null, null).statusCode()).isEqualTo(401);
        assertThat(json(send("GET", "/api/me", deptLeader, null)).get("role").asText()).isEqualTo("dept-leader");
    }

    @Test
    void anItemIsCreatedAsADraftThenSubmittedApprovedAndListed() throws Exception {
        HttpResponse<String> created = send("POST", "/api/items", drafter,
                item("促消费活动启动", "红旗区促消费活动正式启动。").toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json(created).get("id").asLong();
        assertThat(created.headers().firstValue("Location")).contains("/api/items/" + id);
        assertThat(json(created).get("status").asText()).isEqualTo("DRAFT");

        HttpResponse<String> submitted = send("POST", "/api/items/" + id + "/submit", drafter, null);
        assertThat(json(submitted).get("waitingFor").asText()).isEqualTo("dept-leader");

        HttpResponse<String> approved = send("POST", "/api/items/" + id + "/approve", deptLeader,
                approval(id, deptLeader, "同意"));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json(approved).get("waitingFor").asText()).isEqualTo("office-director");

        JsonNode list = json(send("GET", "/api/items?status=IN_REVIEW&category=促消费", deptLeader, null));
        assertThat(list.get("count").asInt()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("title").asText()).isEqualTo("促消费活动启动");
        assertThat(json(send("GET", "/api/items?status=APPROVED", deptLeader, null)).get("count").asInt()).isZero();
        assertThat(json(send("GET", "/api/items?status=IN_REVIEW&important=false", deptLeader, null))
                .get("count").asInt()).isEqualTo(1);
        assertThat(json(send("GET", "/api/items?important=true", deptLeader, null)).get("count").asInt()).isZero();
        assertThat(json(send("GET", "/api/items?account=nowhere", deptLeader, null)).get("count").asInt()).isZero();

        JsonNode detail = json(send("GET", "/api/items/" + id, deptLeader, null));
        assertThat(detail.get("history")).extracting(h -> h.get("decision").asText())
                .containsExactly("CREATE", "SUBMIT", "APPROVE");
        assertThat(detail.get("history").get(2).get("actor").asText()).isEqualTo("张科长");
    }

    @Test
    void postingTheSameItemTwiceMakesTwoDrafts() throws Exception {
        String same = item("夜市开放", "夜市今晚开放。").toString();

        HttpResponse<String> first = send("POST", "/api/items", drafter, same);
        HttpResponse<String> second = send("POST", "/api/items", drafter, same);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(json(second).get("id").asLong()).isNotEqualTo(json(first).get("id").asLong());
    }

    @Test
    void anUnknownItemIs404AndABadIdIs400() throws Exception {
        assertThat(send("GET", "/api/items/999", drafter, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/items/abc", drafter, null).statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/items/999/approve", deptLeader, "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void approvingWithTheWrongRoleOrOnesOwnItemIsAConflict() throws Exception {
        long id = createAndSubmit();

        HttpResponse<String> own = send("POST", "/api/items/" + id + "/approve", drafter, approval(id, drafter, ""));
        HttpResponse<String> wrongRole = send("POST", "/api/items/" + id + "/approve", director,
                approval(id, director, ""));

        assertThat(own.statusCode()).isEqualTo(409);
        assertThat(wrongRole.statusCode()).isEqualTo(409);
        assertThat(json(wrongRole).get("detail").asText()).contains("当前步骤需要业务部门分管领导");
    }

    @Test
    void theDetailTellsEachCallerWhetherTheyMayReviewInTheWordsAnApprovalWouldBeRefusedWith() throws Exception {
        long id = createAndSubmit();

        JsonNode asLeader = json(send("GET", "/api/items/" + id, deptLeader, null));
        JsonNode asDirector = json(send("GET", "/api/items/" + id, director, null));
        HttpResponse<String> refused = send("POST", "/api/items/" + id + "/approve", director,
                approval(id, director, ""));

        assertThat(asLeader.get("canReview").asBoolean()).isTrue();
        assertThat(asLeader.get("cannotReview").asText()).isEmpty();
        assertThat(asDirector.get("canReview").asBoolean()).isFalse();
        assertThat(json(refused).get("detail").asText()).isEqualTo("稿件 " + id + "："
                + asDirector.get("cannotReview").asText());
        assertThat(asDirector.get("cannotReview").asText()).contains("当前步骤需要业务部门分管领导");
    }

    @Test
    void anApprovalLoadedBeforeTheDrafterEditedIsAConflictNamingBothHashesAndRecordsNothing() throws Exception {
        long id = createAndSubmit();
        String loaded = approval(id, deptLeader, "同意");
        String seen = JSON.readTree(loaded).get("contentHash").asText();
        HttpResponse<String> edited = send("PUT", "/api/items/" + id, drafter,
                item("家电以旧换新补贴活动开始报名", "补贴标准改为每台五百元。\n\n![活动现场](photo.png)").toString());
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        String current = json(edited).get("contentHash").asText();

        HttpResponse<String> stale = send("POST", "/api/items/" + id + "/approve", deptLeader, loaded);
        HttpResponse<String> missing = send("POST", "/api/items/" + id + "/approve", deptLeader,
                "{\"comment\":\"同意\"}");
        HttpResponse<String> staleReject = send("POST", "/api/items/" + id + "/reject", deptLeader,
                "{\"comment\":\"补贴标准不对\",\"contentHash\":\"" + seen + "\"}");

        assertThat(current).isNotEqualTo(seen);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(stale).get("detail").asText()).contains(seen, current);
        assertThat(missing.statusCode()).isEqualTo(409);
        assertThat(json(missing).get("detail").asText()).contains("contentHash", current);
        assertThat(staleReject.statusCode()).isEqualTo(409);
        JsonNode detail = json(send("GET", "/api/items/" + id, deptLeader, null));
        assertThat(detail.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(detail.get("waitingFor").asText()).isEqualTo("dept-leader");
        assertThat(detail.get("history")).extracting(h -> h.get("decision").asText())
                .doesNotContain("APPROVE", "REJECT");
    }

    @Test
    void anEditAfterAnApprovalSendsTheItemBackToTheFirstStep() throws Exception {
        long id = createAndSubmit();
        send("POST", "/api/items/" + id + "/approve", deptLeader, approval(id, deptLeader, "同意"));

        HttpResponse<String> edited = send("PUT", "/api/items/" + id, drafter,
                item("家电以旧换新补贴活动开始报名", "活动延长至六月底。\n\n![活动现场](photo.png)").toString());

        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(json(edited).get("waitingFor").asText()).isEqualTo("dept-leader");
        assertThat(json(send("GET", "/api/items/" + id, drafter, null)).get("images")).hasSize(1);
    }

    @Test
    void aRejectionNeedsAReasonAndReturnsTheItemToTheDrafter() throws Exception {
        long id = createAndSubmit();

        HttpResponse<String> noReason = send("POST", "/api/items/" + id + "/reject", deptLeader, "{}");
        HttpResponse<String> rejected = send("POST", "/api/items/" + id + "/reject", deptLeader,
                "{\"comment\":\"请补充活动时间\"}");

        assertThat(noReason.statusCode()).isEqualTo(409);
        assertThat(json(rejected).get("status").asText()).isEqualTo("REJECTED");
        assertThat(json(rejected).get("reason").asText()).isEqualTo("请补充活动时间");
    }

    @Test
    void validationErrorsAreProblemJsonNamingEachField() throws Exception {
        ObjectNode bad = item("", "正文");
        bad.put("category", "体育");
        bad.putArray("images").addObject().put("name", "a.png").put("data", "%%%not-base64%%%");

        HttpResponse<String> r = send("POST", "/api/items", drafter, bad.toString());

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode p = json(r);
        assertThat(p.get("type").asText()).isNotBlank();
        assertThat(p.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("images[0].data");

        bad.remove("images");
        JsonNode fields = json(send("POST", "/api/items", drafter, bad.toString()));
        assertThat(fields.get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("title", "category");
        assertThat(json(send("GET", "/api/items", drafter, null)).get("count").asInt()).isZero();
    }

    @Test
    void fieldsARequestMayNotHaveAreRefused400EachNamedWithTheFieldsAllowed() throws Exception {
        ObjectNode bad = item("标题", "正文");
        bad.put("summary", "多余字段");
        bad.putArray("images").addObject().put("name", "a.png").put("data", "").put("alt", "说明");

        HttpResponse<String> r = send("POST", "/api/items", drafter, bad.toString());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode errors = json(r).get("errors");
        assertThat(errors).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("summary", "images[0].alt");
        assertThat(errors).filteredOn(e -> e.get("field").asText().equals("summary")).singleElement()
                .satisfies(e -> assertThat(e.get("message").asText()).contains("未知字段", "title", "publish_at", "body"));
        assertThat(errors).filteredOn(e -> e.get("field").asText().equals("images[0].alt")).singleElement()
                .satisfies(e -> assertThat(e.get("message").asText()).contains("data, name"));
        long id = createAndSubmit();
        HttpResponse<String> put = send("PUT", "/api/items/" + id, drafter, item("标题", "正文").put("id", 7).toString());
        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(json(put).get("errors")).extracting(e -> e.get("field").asText()).containsExactly("id");
    }

    @Test
    void aValueOfTheWrongTypeIsRefused400NamingTheFieldAndTheTypeExpected() throws Exception {
        Map<String, String> wrong = Map.of("title", "[\"标题\"]", "body", "5", "heading_numbers", "\"true\"",
                "submit", "\"yes\"", "notes", "[\"以旧换新\"]", "images", "\"photo.png\"");
        for (Map.Entry<String, String> w : wrong.entrySet()) {
            ObjectNode n = item("标题", "正文");
            n.set(w.getKey(), JSON.readTree(w.getValue()));

            HttpResponse<String> r = send("POST", "/api/items", drafter, n.toString());

            assertThat(r.statusCode()).as(w.getKey() + ": " + r.body()).isEqualTo(400);
            assertThat(json(r).get("errors")).singleElement().satisfies(e -> {
                assertThat(e.get("field").asText()).isEqualTo(w.getKey());
                assertThat(e.get("message").asText()).startsWith("类型不对：应为");
            });
        }
        assertThat(json(send("GET", "/api/items", drafter, null)).get("count").asInt()).isZero();
    }

    @Test
    void textFieldsTakeNumbersAndImportantTakesChineseYesAsAnItemFileDoes() throws Exception {
        ObjectNode n = item("标题", "正文");
        n.put("doc_no", 2026);
        n.put("important", "是");
        n.putObject("notes").put("以旧换新", "交回旧商品、购买新商品时享受补贴的方式。");

        HttpResponse<String> r = send("POST", "/api/items", drafter, n.toString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode detail = json(send("GET", "/api/items/" + json(r).get("id").asLong(), drafter, null));
        assertThat(detail.get("doc_no").asText()).isEqualTo("2026");
        assertThat(detail.get("important").asBoolean()).isTrue();
        assertThat(detail.get("notes").get("以旧换新").asText()).startsWith("交回旧商品");
        ObjectNode typed = item("标题二", "正文").put("important", true).put("heading_numbers", false);
        HttpResponse<String> booleans = send("POST", "/api/items", drafter, typed.toString());
        assertThat(booleans.statusCode()).as(booleans.body()).isEqualTo(201);
        assertThat(json(booleans).get("important").asBoolean()).isTrue();
    }

    @Test
    void theSignatureAndItsDateAreTakenAsAnItemFileWritesThemAndAWrongDayIsNamed() throws Exception {
        ObjectNode n = item("关于开展促消费活动的通知", "特此通知。").put("signature", "红旗区商务局")
                .put("signed_at", "二〇二四年三月十五日");

        HttpResponse<String> r = send("POST", "/api/items", drafter, n.toString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode detail = json(send("GET", "/api/items/" + json(r).get("id").asLong(), drafter, null));
        assertThat(detail.get("signature").asText()).isEqualTo("红旗区商务局");
        assertThat(detail.get("signed_at").asText()).isEqualTo("2024-03-15");
        HttpResponse<String> wrong = send("POST", "/api/items", drafter,
                item("标题", "正文").put("signed_at", "2023-02-29").toString());
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("signed_at").contains("成文日期“2023-02-29”无效");
    }

    @Test
    void submittingADraftWithPersonalDataNamesTheParagraphAndQuotesItMasked() throws Exception {
        HttpResponse<String> created = send("POST", "/api/items", drafter,
                item("报名方式", "活动即日开始。\n\n报名请联系王先生，电话 13812345678。").toString());
        long id = json(created).get("id").asLong();

        HttpResponse<String> r = send("POST", "/api/items/" + id + "/submit", drafter, null);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        String message = json(r).get("errors").get(0).get("message").asText();
        assertThat(message).startsWith("第 2 段（“").contains("138****5678").doesNotContain("13812345678");
    }

    @Test
    void personalDataBlocksSubmissionWithTheFieldAndLine() throws Exception {
        ObjectNode n = item("报名方式", "报名请联系：\n王先生 13812345678");
        n.put("submit", true);

        HttpResponse<String> r = send("POST", "/api/items", drafter, n.toString());

        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode error = json(r).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("body");
        assertThat(error.get("message").asText()).contains("疑似手机号 138****5678").doesNotContain("13812345678");
        assertThat(json(send("GET", "/api/items", drafter, null)).get("count").asInt()).isZero();
    }

    @Test
    void aMarkdownFileAndItsImageCanBeUploadedAsMultipart() throws Exception {
        String md = "---\ntitle: 夜间经济活动启动\ncategory: 促消费\n---\n夜市开放。\n\n![夜市](images/night.png)\n";
        Multipart body = Multipart.form().file("item", "night.md", md.getBytes(StandardCharsets.UTF_8))
                .file("images", "night.png", Fixtures.png(400, 300, 0x2266AA)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/items"))
                .header("Authorization", "Bearer " + drafter)
                .header("Content-Type", body.contentType())
                .POST(body.publisher()).build();

        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode detail = json(send("GET", "/api/items/" + json(r).get("id").asLong(), drafter, null));
        assertThat(detail.get("images").get(0).get("name").asText()).isEqualTo("night.png");
    }

    @Test
    void aSecondApprovalBySameReviewerIsASuccessSayingNothingMoreIsNeeded() throws Exception {
        long id = createAndSubmit();
        String body = approval(id, deptLeader, "同意");
        assertThat(json(send("POST", "/api/items/" + id + "/approve", deptLeader, body)).get("repeated").asBoolean())
                .isFalse();

        HttpResponse<String> again = send("POST", "/api/items/" + id + "/approve", deptLeader, body);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again).get("message").asText()).isEqualTo("已同意，无需重复操作");
        assertThat(json(again).get("repeated").asBoolean()).isTrue();
        assertThat(json(again).get("waitingFor").asText()).isEqualTo("office-director");
    }

    @Test
    void anItemNeverApprovedIsDeleted204AndOthersGet403AndAnApprovedOne409() throws Exception {
        long mine = createAndSubmit();
        long other = createAndSubmit();
        long approved = createAndSubmit();
        db.items().transition(approved, ItemStatus.IN_REVIEW, ItemStatus.APPROVED, null, null, Instant.now());

        assertThat(send("DELETE", "/api/items/" + mine, drafter, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/items/" + mine, drafter, null).statusCode()).isEqualTo(404);
        assertThat(json(send("GET", "/api/items", drafter, null)).get("count").asInt()).isEqualTo(2);
        HttpResponse<String> forbidden = send("DELETE", "/api/items/" + other, deptLeader, null);
        assertThat(forbidden.statusCode()).as(forbidden.body()).isEqualTo(403);
        assertThat(json(forbidden).get("detail").asText()).contains("只有起草人");
        HttpResponse<String> conflict = send("DELETE", "/api/items/" + approved, director, null);
        assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
        assertThat(conflict.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(conflict).get("detail").asText()).contains("已审定待发布").contains("不能删除");
    }

    @Test
    void theDrafterMovesThePlannedTimeOfAnApprovedItemWithAReasonAndItStaysApproved() throws Exception {
        long id = createAndSubmit();
        db.items().transition(id, ItemStatus.IN_REVIEW, ItemStatus.APPROVED, null, null, Instant.now());
        String later = "{\"publishAt\": \"2030-01-02T09:00+08:00\", \"reason\": \"领导要求推迟\"}";

        HttpResponse<String> moved = send("POST", "/api/items/" + id + "/reschedule", drafter, later);

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(json(moved).get("status").asText()).isEqualTo("APPROVED");
        assertThat(json(moved).get("publishAt").asText()).isEqualTo("2030-01-02T01:00:00Z");
        assertThat(send("POST", "/api/items/" + id + "/reschedule", deptLeader, later).statusCode()).isEqualTo(403);
        HttpResponse<String> noReason = send("POST", "/api/items/" + id + "/reschedule", drafter, "{\"now\": true}");
        assertThat(noReason.statusCode()).isEqualTo(409);
        assertThat(json(noReason).get("detail").asText()).contains("必须写明原因");
        HttpResponse<String> badTime = send("POST", "/api/items/" + id + "/reschedule", drafter,
                "{\"publishAt\": \"明天\", \"reason\": \"推迟\"}");
        assertThat(badTime.statusCode()).isEqualTo(400);
        HttpResponse<String> misspelt = send("POST", "/api/items/" + id + "/reschedule", drafter,
                "{\"publish_at\": \"2031-01-02T09:00+08:00\", \"reason\": \"推迟\"}");
        assertThat(misspelt.statusCode()).as("not quietly the next slot").isEqualTo(400);
        assertThat(misspelt.body()).contains("publish_at", "publishAt");
        HttpResponse<String> both = send("POST", "/api/items/" + id + "/reschedule", drafter,
                "{\"now\": true, \"publishAt\": \"2031-01-02T09:00+08:00\", \"reason\": \"推迟\"}");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(json(send("GET", "/api/items/" + id, drafter, null)).get("publishAt").asText())
                .isEqualTo("2030-01-02T01:00:00Z");
    }
}

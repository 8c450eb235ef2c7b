package cn.gongkai.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.intake.OaImporter;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.ReviewPolicy;
import cn.gongkai.review.ReviewService;
import cn.gongkai.review.checks.PrePublishChecks;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OA source: an existing OA database (here H2) read by a configured query, deduplicated by source key. */
class OaSourceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2023-05-10T01:00:00Z"), ZoneOffset.UTC);
    private static final String QUERY = "SELECT doc_id AS source_key, subject AS title, kind AS category,"
            + " content AS body, dept AS department, wenhao AS doc_no, planned AS publish_at, vip AS important"
            + " FROM oa_doc WHERE state = '已审批' ORDER BY doc_id";

    private String oaUrl;
    private Connection keepAlive;
    private Database db;

    @BeforeEach
    void open() throws SQLException {
        oaUrl = "jdbc:h2:mem:oa-" + UUID.randomUUID();
        keepAlive = DriverManager.getConnection(oaUrl, "oa", "oa-secret");
        try (Statement s = keepAlive.createStatement()) {
            s.execute("CREATE TABLE oa_doc (doc_id VARCHAR PRIMARY KEY, subject VARCHAR, kind VARCHAR, content CLOB,"
                    + " dept VARCHAR, wenhao VARCHAR, planned TIMESTAMP, vip BOOLEAN, state VARCHAR)");
            s.execute("INSERT INTO oa_doc VALUES ('OA-2023-001', '红旗区商务局召开招商推介会', '招商引资',"
                    + " '5月8日，区商务局召开招商推介会。', '招商股', '红商〔2023〕9号', TIMESTAMP '2023-05-12 10:00:00', FALSE,"
                    + " '已审批')");
            s.execute("INSERT INTO oa_doc VALUES ('OA-2023-002', '外贸企业座谈会', '外资外贸', '座谈会纪要。', '外贸股', NULL,"
                    + " NULL, TRUE, '已审批')");
            s.execute("INSERT INTO oa_doc VALUES ('OA-2023-003', '草稿', '其他', '未审批', '', NULL, NULL, FALSE, '拟稿')");
            s.execute("INSERT INTO oa_doc VALUES ('OA-2023-004', '体育新闻', '体育', '分类不对', '', NULL, NULL, FALSE,"
                    + " '已审批')");
        }
        db = Database.open("jdbc:h2:mem:gk-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
        keepAlive.close();
    }

    private OaImporter importer(List<String> chain) {
        ReviewService review = new ReviewService(new ReviewPolicy(chain, List.of("principal-leader"), 20,
                ZoneId.of("Asia/Shanghai")), PrePublishChecks.defaults(), db.items(), db.audit(), db.users(),
                db.transactions(), CLOCK);
        return new OaImporter(new JdbcOaRows(oaUrl, "oa", "oa-secret", QUERY),
                List.of("招商引资", "外资外贸", "商贸流通", "促消费", "其他"), List.of("hongqi"), Set.of(),
                ZoneId.of("Asia/Shanghai"), db.items(), db.transactions(), review, CLOCK);
    }

    @Test
    void approvedRowsBecomeApprovedItemsWithTheirColumnsMappedByName() {
        OaImporter.Pull pull = importer(List.of()).pull();

        assertThat(pull.imported()).hasSize(2);
        assertThat(pull.refused()).singleElement().satisfies(r -> assertThat(r).contains("OA:OA-2023-004",
                "[category]", "体育"));
        DisclosureItem first = db.items().find(pull.imported().get(0)).orElseThrow();
        assertThat(first.title()).isEqualTo("红旗区商务局召开招商推介会");
        assertThat(first.content().department()).isEqualTo("招商股");
        assertThat(first.content().docNo()).isEqualTo("红商〔2023〕9号");
        assertThat(first.content().publishAt()).isEqualTo(Instant.parse("2023-05-12T02:00:00Z"));
        assertThat(first.status()).isEqualTo(ItemStatus.APPROVED);
        assertThat(first.sourceKey()).isEqualTo("oa:OA-2023-001");
        assertThat(db.audit().history(first.id())).extracting(AuditEntry::actor).containsExactly("oa", "oa");
        assertThat(db.items().find(pull.imported().get(1)).orElseThrow().content().important()).isTrue();
    }

    @Test
    void aSecondPullSkipsRowsAlreadyRead() {
        OaImporter oa = importer(List.of());
        oa.pull();

        OaImporter.Pull again = oa.pull();

        assertThat(again.imported()).isEmpty();
        assertThat(again.alreadyKnown()).isEqualTo(2);
        assertThat(db.items().list(null)).hasSize(2);
    }

    @Test
    void withAChainOaItemsEnterReview() {
        OaImporter.Pull pull = importer(List.of("dept-leader")).pull();

        assertThat(db.items().find(pull.imported().get(0)).orElseThrow().status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(pull.imported()).as("the important row waits: nobody holds 主要领导").hasSize(1);
        assertThat(pull.refused()).hasSize(2).anySatisfy(r -> assertThat(r).contains("OA-2023-002", "主要领导"));
    }

    @Test
    void anUnreachableOaDatabaseIsAnErrorWithoutThePassword() {
        JdbcOaRows broken = new JdbcOaRows("jdbc:h2:mem:x;IFEXISTS=TRUE;PASSWORD=leak", "oa", "oa-secret", QUERY);

        assertThatThrownBy(broken::fetch).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot read the OA database").hasMessageNotContaining("oa-secret")
                .hasMessageNotContaining("leak");
    }
}

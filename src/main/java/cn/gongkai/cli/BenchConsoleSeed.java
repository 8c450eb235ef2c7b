package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.publish.LedgerEntry;
import cn.gongkai.review.AuditAction;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.Role;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The data {@code bench console} runs against: N generated items in the mix of statuses a district bureau has
 * (most published, some in review at each step, drafts, returned, approved and planned, a few failed) with the audit
 * rows review and publishing would have written, the benchmark's ledger rows ({@link BenchCountsCommand#row}) and
 * the simulated staff. Items and rows an earlier run wrote are reused (their source keys say which are ours).
 */
final class BenchConsoleSeed {
    static final String SOURCE_PREFIX = "bench-console:";
    static final String STAFF_PREFIX = "bench-staff-";
    private static final String AUTHOR = "bench-author";
    private static final int CHUNK = 500;
    private static final List<Role> STAFF_ROLES = List.of(Role.DRAFTER, Role.DEPT_LEADER, Role.OFFICE_DIRECTOR,
            Role.OFFICE_LEADER, Role.PRINCIPAL_LEADER);
    private static final List<String> DEPARTMENTS = List.of("办公室", "投资促进股", "外贸股", "商贸流通股", "市场运行股");

    private final Wiring w;
    private final PrintWriter out;

    BenchConsoleSeed(Wiring w, PrintWriter out) {
        this.w = w;
        this.out = out;
    }

    /** The items' count after filling; refuses a database that holds items the benchmark did not write. */
    int items(int wanted) {
        int existing = w.items().countByStatus().values().stream().mapToInt(Integer::intValue).sum();
        if (existing > 0 && (key(0).isEmpty() || key(existing - 1).isEmpty())) {
            throw new UserError("数据库 " + w.describeDatabase() + " 中已有不是基准测试写入的稿件；基准测试会写入大量测试数据，"
                    + "请换一个单独的数据库（如 GONGKAI_DATA_DIR=/tmp/gongkai-bench-console）");
        }
        long start = System.nanoTime();
        String account = w.config().accounts().get(0).id();
        for (int from = existing; from < wanted; from += CHUNK) {
            int to = Math.min(wanted, from + CHUNK);
            int first = from;
            w.transactions().run(() -> {
                for (int n = first; n < to; n++) {
                    item(n, account);
                }
            });
        }
        out.println(existing >= wanted ? "已有 " + existing + " 篇基准稿件，直接使用。"
                : "写入 " + (wanted - existing) + " 篇稿件（含审核记录），用时 "
                + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms。");
        return Math.max(existing, wanted);
    }

    /** The id of the n-th generated item, if it is there. */
    Optional<Long> key(int n) {
        return w.items().findBySourceKey(SOURCE_PREFIX + n);
    }

    /** Fills the ledger up to {@code rows} benchmark rows (refusing real ones, as bench counts does). */
    void ledger(long rows, int year) {
        long existing = BenchCountsCommand.existingBenchRows(w);
        List<LedgerEntry> chunk = new ArrayList<>();
        for (long n = existing; n < rows; n++) {
            chunk.add(BenchCountsCommand.row(n, year, w.config().timezone(), w.config().categories()));
            if (chunk.size() == 20_000 || n == rows - 1) {
                w.ledger().recordAll(chunk);
                chunk.clear();
            }
        }
        out.println(existing >= rows ? "台账已有 " + existing + " 行基准数据。" : "台账写入 " + (rows - existing) + " 行。");
    }

    /** Adds (or gives a fresh password to) the simulated staff, roles in turn; returns their password. */
    String staff(int count) {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        String password = "Bench-" + HexFormat.of().formatHex(bytes);
        for (int i = 0; i < count; i++) {
            String name = staffName(i);
            if (w.users().find(name).isPresent()) {
                w.users().changePassword(name, password.toCharArray());
            } else {
                w.users().add(name, STAFF_ROLES.get(i % STAFF_ROLES.size()), password.toCharArray());
            }
        }
        return password;
    }

    static String staffName(int i) {
        return STAFF_PREFIX + String.format("%03d", i + 1);
    }

    /** The status of the n-th item: 84 % published, 6 % in review, 4 % drafts, 4 % approved, 1 % returned, 1 % failed. */
    static ItemStatus status(int n) {
        int k = n % 100;
        if (k < 4) {
            return ItemStatus.DRAFT;
        } else if (k < 10) {
            return ItemStatus.IN_REVIEW;
        } else if (k < 14) {
            return ItemStatus.APPROVED;
        } else if (k == 14) {
            return ItemStatus.REJECTED;
        }
        return k == 15 ? ItemStatus.FAILED : ItemStatus.PUBLISHED;
    }

    private void item(int n, String account) {
        ItemStatus status = status(n);
        Instant now = w.clock().instant();
        Instant created = now.minus(Duration.ofDays(status == ItemStatus.PUBLISHED ? n % 365 : n % 40));
        ZonedDateTime day = created.atZone(w.config().timezone()).withHour(10).withMinute(0).withSecond(0).withNano(0);
        Instant publishAt = switch (status) {
            case PUBLISHED, FAILED -> day.plusDays(1).toInstant();
            case APPROVED -> n % 8 == 0 ? null : now.plus(Duration.ofDays(1 + n % 30));
            default -> null;
        };
        List<String> categories = w.config().categories();
        String title = "基准稿件 " + n + "：关于" + categories.get(n % categories.size()) + "工作的通知";
        ItemContent content = new ItemContent(account, categories.get(n % categories.size()), title, AUTHOR,
                DEPARTMENTS.get(n % DEPARTMENTS.size()), body(n), List.of(), List.of(), List.of(), null,
                "区商务〔2026〕" + n + "号", null, publishAt, n % 10 == 0);
        DisclosureItem item = w.items().insert(content, status, SOURCE_PREFIX + n, created);
        history(item, n, created);
    }

    private static String body(int n) {
        StringBuilder b = new StringBuilder();
        for (int p = 0; p < 4; p++) {
            b.append("## 第").append(p + 1).append("部分\n\n为贯彻落实相关工作部署，进一步做好第 ").append(n)
                    .append(" 号事项的公开工作，现将有关事项通知如下：各单位要高度重视，明确责任分工，")
                    .append("按照时间节点完成各项任务，确保工作取得实效。联系电话：0000-").append(1000 + n % 9000)
                    .append("。\n\n");
        }
        return b.toString();
    }

    /** The audit rows the item's status implies: created or submitted, approvals up to its step, the outcome. */
    private void history(DisclosureItem item, int n, Instant at) {
        ItemStatus status = item.status();
        if (status == ItemStatus.DRAFT) {
            audit(item, AUTHOR, "drafter", AuditAction.CREATE, null, status, 0, at);
            return;
        }
        audit(item, AUTHOR, "drafter", AuditAction.SUBMIT, ItemStatus.DRAFT, ItemStatus.IN_REVIEW, 0, at);
        List<String> steps = w.review().steps(item);
        int approvals = switch (status) {
            case IN_REVIEW -> n % Math.max(1, steps.size());
            case REJECTED -> 0;
            default -> steps.size();
        };
        for (int s = 0; s < approvals; s++) {
            audit(item, "bench-reviewer-" + steps.get(s), steps.get(s), AuditAction.APPROVE, ItemStatus.IN_REVIEW,
                    s == steps.size() - 1 ? ItemStatus.APPROVED : ItemStatus.IN_REVIEW, s, at.plusSeconds(60L * s));
        }
        if (status == ItemStatus.REJECTED) {
            audit(item, "bench-reviewer", steps.isEmpty() ? "" : steps.get(0), AuditAction.REJECT,
                    ItemStatus.IN_REVIEW, status, 0, at.plusSeconds(60));
        } else if (status == ItemStatus.PUBLISHED || status == ItemStatus.FAILED) {
            audit(item, AuditEntry.PUBLISHER, "", status == ItemStatus.FAILED ? AuditAction.FAIL : AuditAction.PUBLISH,
                    ItemStatus.PUBLISHING, status, 0, at.plusSeconds(86_400));
        }
    }

    private void audit(DisclosureItem item, String actor, String role, AuditAction action, ItemStatus from,
                       ItemStatus to, int step, Instant at) {
        w.audit().append(AuditEntry.byUser(actor, role, item, action, from, to, "", at).atStep(step));
    }
}

package cn.gongkai.publish;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.ContentHash;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ImageStore;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.ItemRepository;
import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.Transactions;
import cn.gongkai.render.ArticleRenderer;
import cn.gongkai.render.ImagePreparer;
import cn.gongkai.render.RenderException;
import cn.gongkai.render.RenderedArticle;
import cn.gongkai.review.AuditAction;
import cn.gongkai.review.AuditEntry;
import cn.gongkai.review.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes due, approved items through a durable batch state machine (design.md §5):
 * {@code PREPARED → IMAGES_UPLOADED → DRAFTED(media_id) → SUBMITTING → SUBMITTED(publish_id) → PUBLISHED | FAILED}.
 * Every id WeChat returns is committed before the next call. A submit whose answer was lost is settled from
 * WeChat's own state (the draft box, then the published list) and never sent blindly again.
 *
 * <p>Items are claimed by compare-and-set on their status, so two processes never put one item in two batches.
 * Claiming respects the account's daily cap and, in dry-run mode, stops each batch after {@code draft/add}.
 * Job results always come from {@code freepublish/get} (100 calls a day, budgeted by the gateway), backing off between
 * runs. A PUBLISHJOBFINISH event ({@link #onPublishEvent}) is a hint from the internet, never the truth: it only says
 * when to ask ({@link #confirm}), and the links written to the ledger are the ones WeChat returns for the publish_id.
 */
public final class Publisher {
    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    private static final int SCREEN_LIMIT = 400;
    private static final int MAX_BATCHES_PER_RUN = 200;
    private static final Duration HINT_TTL = Duration.ofHours(24);
    private static final int HINTS_PER_ACCOUNT = 1000;
    private static final Duration CLIENT_MSG_ID_WINDOW = Duration.ofHours(23);
    private static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    /** How a batch ended this run. */
    private enum Outcome { PUBLISHED, FAILED, PENDING, STOPPED, REHEARSED }

    /** What became of a PUBLISHJOBFINISH event. */
    public enum EventOutcome {
        /**
         * A batch is waiting for this job: it is due for {@code freepublish/get} now ({@link #confirm}); nothing else
         * changed.
         */
        CONFIRM,
        /** The batch was already finished (a repeat of the event, or a poll got there first), or the job still runs. */
        ALREADY_FINISHED,
        /**
         * No batch has this publish_id (yet): the event is kept as a hint (24 hours, the newest 1,000 per account), and
         * a batch that later gets the publish_id asks WeChat at once instead of waiting.
         */
        KEPT_FOR_LATER
    }

    /** Another publisher claimed one of the items first; the claim is rolled back. */
    private static final class ClaimConflict extends RuntimeException {
        ClaimConflict() {
            super(null, null, false, false);
        }
    }

    /** Another publisher (a second process or thread) moved the batch on first; this run leaves it alone. */
    private static final class BatchRace extends RuntimeException {
        BatchRace(long batchId, BatchState from) {
            super("batch " + batchId + " moved on concurrently from " + from, null, false, false);
        }
    }

    private final Map<String, AccountConfig> accounts = new LinkedHashMap<>();
    private final ItemRepository items;
    private final ImageStore images;
    private final BatchRepository batches;
    private final LedgerRepository ledger;
    private final MediaCache media;
    private final AuditLog audit;
    private final Transactions tx;
    private final PublishEventLog events;
    private final Publications publications;
    private final WeChatGateway wechat;
    private final ArticleRenderer renderer;
    private final ImagePreparer preparer;
    private final PublishSettings settings;
    private final Clock clock;

    public Publisher(PublishStore store, WeChatGateway wechat, ArticleRenderer renderer, ImagePreparer preparer,
                     PublishSettings settings, Clock clock) {
        settings.accounts().forEach(a -> this.accounts.put(a.id(), a));
        this.items = store.items();
        this.images = store.images();
        this.batches = store.batches();
        this.ledger = store.ledger();
        this.media = store.media();
        this.audit = store.audit();
        this.tx = store.tx();
        this.events = store.events();
        this.publications = new Publications(store, wechat);
        this.wechat = wechat;
        this.renderer = renderer;
        this.preparer = preparer;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A publisher with the former, shorter wiring: events kept in memory, days in Asia/Shanghai, a lost submit
     * resent as soon as its draft is seen still in the draft box.
     */
    public Publisher(List<AccountConfig> accounts, ItemRepository items, ImageStore images, BatchRepository batches,
                     LedgerRepository ledger, MediaCache media, AuditLog audit, Transactions tx,
                     WeChatGateway wechat, ArticleRenderer renderer, ImagePreparer preparer, PollPolicy poll,
                     Clock clock) {
        this(new PublishStore(items, images, batches, ledger, media, audit, tx, new MemoryPublishEventLog()), wechat,
                renderer, preparer, new PublishSettings(accounts, java.time.ZoneId.of("Asia/Shanghai"), poll,
                        Duration.ofMinutes(15), Duration.ZERO, BoundaryListener.NONE), clock);
    }

    /** Resumes the account's unfinished batches, then publishes whatever is due now. */
    public RunReport run(String accountId) {
        return drive(accountId, true);
    }

    /** Resumes unfinished batches only (status polling, settling), without claiming new items. */
    public RunReport resume(String accountId) {
        events.purge(clock.instant().minus(HINT_TTL), HINTS_PER_ACCOUNT);
        return drive(accountId, false);
    }

    /** The configured accounts, in configuration order. */
    public List<AccountConfig> accounts() {
        return List.copyOf(accounts.values());
    }

    private RunReport drive(String accountId, boolean claimNew) {
        AccountConfig account = account(accountId);
        Tally tally = new Tally();
        Set<Long> seen = new HashSet<>();
        for (PublishBatch batch : batches.unfinished(accountId)) {
            seen.add(batch.id());
            tally.batches++;
            if (tally.add(drive(account, batch, tally)) == Outcome.STOPPED) {
                return tally.report(accountId);
            }
        }
        if (claimNew) {
            screen(account, tally);
        }
        for (int i = 0; claimNew && i < MAX_BATCHES_PER_RUN; i++) {
            Optional<PublishBatch> claimed = claim(account, tally);
            if (claimed.isEmpty()) {
                break;
            }
            seen.add(claimed.get().id());
            tally.batches++;
            if (tally.add(drive(account, claimed.get(), tally)) == Outcome.STOPPED) {
                return tally.report(accountId);
            }
        }
        for (PublishBatch follow : batches.unfinished(accountId)) {
            if (follow.parentBatchId() != null && seen.add(follow.id())) {
                tally.batches++;
                if (tally.add(drive(account, follow, tally)) == Outcome.STOPPED) {
                    break;
                }
            }
        }
        return tally.report(accountId);
    }

    private AccountConfig account(String id) {
        AccountConfig account = accounts.get(id);
        if (account == null) {
            throw new IllegalArgumentException("未配置的公众号：" + id + "（已配置：" + accounts.keySet() + "）");
        }
        return account;
    }

    private static final class Tally {
        int batches;
        int published;
        int failed;
        int pending;
        final List<String> messages = new ArrayList<>();

        Outcome add(Outcome o) {
            if (o == Outcome.PENDING || o == Outcome.STOPPED) {
                pending++;
            }
            return o;
        }

        RunReport report(String account) {
            return new RunReport(account, batches, published, failed, pending, messages);
        }
    }

    private Instant startOfDay(Instant now) {
        return LocalDate.ofInstant(now, settings.zone()).atStartOfDay(settings.zone()).toInstant();
    }

    /**
     * Runs the pre-publish checks once more on the items due now; an item they refuse becomes FAILED with the
     * reason (and an audit row) instead of going to WeChat.
     */
    private void screen(AccountConfig account, Tally tally) {
        Instant now = clock.instant();
        for (DisclosureItem item : items.dueForPublishing(account.id(), now, SCREEN_LIMIT)) {
            String refusal = settings.gate().refusal(item);
            if (refusal.isEmpty()) {
                continue;
            }
            tx.run(() -> {
                if (items.transition(item.id(), ItemStatus.APPROVED, ItemStatus.FAILED, null, refusal, now)) {
                    audit.append(AuditEntry.byPublisher(item, AuditAction.FAIL, ItemStatus.APPROVED, ItemStatus.FAILED,
                            refusal, now).withChecks(refusal));
                    tally.failed++;
                    tally.messages.add("稿件 " + item.id() + "《" + item.title() + "》未发布：" + refusal);
                }
            });
        }
    }

    private Optional<PublishBatch> claim(AccountConfig account, Tally tally) {
        Instant now = clock.instant();
        int limit = account.maxArticlesPerDraft();
        String mode = account.mode().equals(AccountConfig.MASS) ? PublishBatch.MASS : PublishBatch.FREEPUBLISH;
        if (account.dailyCap() > 0 || mode.equals(PublishBatch.MASS)) {
            if (items.dueForPublishing(account.id(), now, 1).isEmpty()) {
                return Optional.empty();
            }
            if (account.dailyCap() > 0) {
                int left = account.dailyCap() - batches.itemsClaimedSince(account.id(), startOfDay(now));
                if (left <= 0) {
                    tally.messages.add("已达今日发布上限（" + account.dailyCap() + " 篇），其余到期稿件在下一个工作日的发布时段发布");
                    return Optional.empty();
                }
                limit = Math.min(limit, left);
            }
            if (mode.equals(PublishBatch.MASS) && batches.massBatchesSince(account.id(), startOfDay(now)) > 0) {
                tally.messages.add("今天已经群发过一次（订阅号每天只能群发一次），其余到期稿件明天群发");
                return Optional.empty();
            }
        }
        Set<Long> rehearsed = account.dryRun() ? batches.rehearsedItems(account.id()) : Set.of();
        int max = limit;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                PublishBatch batch = tx.inTransaction(() -> {
                    List<DisclosureItem> due = items.dueForPublishing(account.id(), now, max + rehearsed.size())
                            .stream().filter(i -> !rehearsed.contains(i.id())).limit(max).toList();
                    if (due.isEmpty()) {
                        return null;
                    }
                    PublishBatch b = batches.create(account.id(), mode, null,
                            due.stream().map(DisclosureItem::id).toList(), now);
                    for (DisclosureItem item : due) {
                        if (!items.transition(item.id(), ItemStatus.APPROVED, ItemStatus.PUBLISHING, b.id(), "",
                                now)) {
                            throw new ClaimConflict();
                        }
                    }
                    return b;
                });
                if (batch != null) {
                    reached(Boundary.CLAIMED, batch.id());
                }
                return Optional.ofNullable(batch);
            } catch (ClaimConflict e) {
                LOG.info("Items of account {} were claimed by another publisher; trying again", account.id());
            }
        }
        return Optional.empty();
    }

    private void reached(Boundary boundary, long batchId) {
        settings.boundaries().reached(boundary, batchId);
    }

    private Outcome drive(AccountConfig account, PublishBatch start, Tally tally) {
        long id = start.id();
        while (true) {
            PublishBatch batch = batches.find(id).orElseThrow();
            try {
                switch (batch.state()) {
                    case PREPARED -> {
                        uploadImages(account, batch);
                        advance(batch, BatchState.IMAGES_UPLOADED, null, null, null, null);
                        reached(Boundary.IMAGES_COMMITTED, id);
                    }
                    case IMAGES_UPLOADED -> {
                        String draft = wechat.addDraft(account.id(), draftArticles(account, batch));
                        reached(Boundary.DRAFT_ANSWERED, id);
                        advance(batch, BatchState.DRAFTED, draft, null, null, null);
                        reached(Boundary.DRAFT_COMMITTED, id);
                    }
                    case DRAFTED -> {
                        if (account.dryRun() && batch.parentBatchId() == null) {
                            rehearse(batch, tally);
                            return Outcome.REHEARSED;
                        }
                        advance(batch, BatchState.SUBMITTING, null, null, null, null);
                        reached(Boundary.SUBMITTING_COMMITTED, id);
                        send(account, batches.find(id).orElseThrow(), tally);
                    }
                    case SUBMITTING -> {
                        Outcome settled = settle(account, batch, tally);
                        if (settled != null) {
                            return settled;
                        }
                    }
                    case SUBMITTED -> {
                        return awaitStatus(account, batch, tally);
                    }
                    case PUBLISHED -> {
                        return Outcome.PUBLISHED;
                    }
                    case FAILED -> {
                        return Outcome.FAILED;
                    }
                    case REHEARSED -> {
                        return Outcome.REHEARSED;
                    }
                    default -> throw new IllegalStateException("unknown batch state " + batch.state());
                }
            } catch (WeChatException e) {
                return onWeChatError(batches.find(id).orElseThrow(), e, tally);
            } catch (BatchRace e) {
                LOG.info("{}; left to the other publisher", e.getMessage());
                tally.messages.add("批次 " + batch.id() + " 正由另一个发布进程处理");
                return Outcome.STOPPED;
            } catch (RenderException e) {
                failBatch(batch, e.getMessage(), null);
                tally.failed += batch.itemIds().size();
                tally.messages.add("批次 " + batch.id() + " 失败：" + e.getMessage());
                return Outcome.FAILED;
            }
        }
    }

    private static boolean publishingCall(String api) {
        return api.equals("freepublish/submit") || api.startsWith("message/mass/send");
    }

    private Outcome onWeChatError(PublishBatch batch, WeChatException e, Tally tally) {
        boolean submitted = batch.state() == BatchState.SUBMITTING || batch.state() == BatchState.SUBMITTED;
        switch (e.kind()) {
            case PERMANENT -> {
                if (submitted && !publishingCall(e.api())) {
                    LOG.error("Batch {} ({}): WeChat {} refused a status call with {}; left for a later run",
                            batch.id(), batch.account(), e.api(), e.code());
                    tally.messages.add("批次 " + batch.id() + " 已提交，查询状态失败：" + e.staffMessage());
                    return Outcome.STOPPED;
                }
                failBatch(batch, e.staffMessage(), e.code());
                tally.failed += batch.parentBatchId() == null ? batch.itemIds().size() : 0;
                tally.messages.add("批次 " + batch.id() + " 失败（微信错误码 " + e.code() + "）：" + e.staffMessage());
                return Outcome.FAILED;
            }
            case QUOTA -> {
                LOG.warn("Batch {} ({}) parked: quota of {} spent until {}", batch.id(), batch.account(), e.api(),
                        e.retryAfter());
                tally.messages.add("批次 " + batch.id() + " 暂停：" + (batch.state() == BatchState.SUBMITTED
                        ? "正在发布中，待向微信核实；" : "") + e.staffMessage());
                return Outcome.STOPPED;
            }
            default -> {
                LOG.warn("Batch {} ({}) stopped in {}: WeChat {} {} ({}); resumes on the next run", batch.id(),
                        batch.account(), batch.state(), e.api(), e.code(), e.kind());
                tally.messages.add("批次 " + batch.id() + " 暂停于“" + batch.state().label() + "”：" + e.staffMessage()
                        + "（下次运行时继续，不会重复发布）");
                return Outcome.STOPPED;
            }
        }
    }

    private void advance(PublishBatch batch, BatchState to, String draft, String publishId, String articleId,
                         String error) {
        if (!batches.advance(batch.id(), batch.state(), to, draft, publishId, articleId, error, clock.instant())) {
            throw new BatchRace(batch.id(), batch.state());
        }
    }

    private List<DisclosureItem> itemsOf(PublishBatch batch) {
        return publications.itemsOf(batch);
    }

    private void uploadImages(AccountConfig account, PublishBatch batch) {
        for (DisclosureItem item : itemsOf(batch)) {
            if (!item.content().contentHash().equals(item.contentHash())) {
                throw new RenderException("稿件 " + item.id() + "《" + item.title() + "》在审定后内容被改动，须重新审核");
            }
            for (ItemImage image : item.content().images()) {
                bodyImageUrl(account, image, batch.id());
            }
            coverMediaId(account, item, batch.id());
        }
    }

    private String bodyImageUrl(AccountConfig account, ItemImage image, long batchId) {
        return media.find(account.id(), MediaCache.Kind.BODY_IMAGE, image.sha256()).orElseGet(() -> {
            ImagePreparer.Prepared p = preparer.prepare(image, bytesOf(image));
            String url = wechat.uploadBodyImage(account.id(), new MediaFile(p.fileName(), p.mimeType(), p.bytes()));
            media.remember(account.id(), MediaCache.Kind.BODY_IMAGE, image.sha256(), url);
            reached(Boundary.IMAGE_UPLOADED, batchId);
            return url;
        });
    }

    private String coverMediaId(AccountConfig account, DisclosureItem item, long batchId) {
        ItemImage cover = item.content().effectiveCover();
        ImagePreparer.Prepared defaultCover = cover == null ? preparer.defaultCover() : null;
        String sha = cover == null ? ContentHash.sha256(defaultCover.bytes()) : cover.sha256();
        return media.find(account.id(), MediaCache.Kind.COVER, sha).orElseGet(() -> {
            ImagePreparer.Prepared p = cover == null ? defaultCover : preparer.prepare(cover, bytesOf(cover));
            String id = wechat.addCoverImage(account.id(), new MediaFile(p.fileName(), p.mimeType(), p.bytes()));
            media.remember(account.id(), MediaCache.Kind.COVER, sha, id);
            reached(Boundary.IMAGE_UPLOADED, batchId);
            return id;
        });
    }

    private byte[] bytesOf(ItemImage image) {
        return images.get(image.sha256()).orElseThrow(() ->
                new RenderException("图片“" + image.fileName() + "”的文件在库中缺失（" + image.sha256() + "）"));
    }

    private List<DraftArticle> draftArticles(AccountConfig account, PublishBatch batch) {
        List<DraftArticle> articles = new ArrayList<>();
        for (DisclosureItem item : itemsOf(batch)) {
            RenderedArticle a = renderer.render(item.content(), account.name(),
                    img -> bodyImageUrl(account, img, batch.id()));
            ItemImage cover = item.content().effectiveCover();
            ImagePreparer.CoverCrops crops = cover == null ? preparer.defaultCoverCrops()
                    : preparer.coverCrops(cover, bytesOf(cover));
            articles.add(new DraftArticle(a.title(), a.author(), a.digest(), a.html(), a.contentSourceUrl(),
                    coverMediaId(account, item, batch.id()), crops.picCrop2351(), crops.picCrop11()));
        }
        return articles;
    }

    private void rehearse(PublishBatch batch, Tally tally) {
        tx.run(() -> {
            Instant now = clock.instant();
            for (DisclosureItem item : itemsOf(batch)) {
                if (items.transition(item.id(), ItemStatus.PUBLISHING, ItemStatus.APPROVED, null, "", now)) {
                    audit.append(AuditEntry.byPublisher(item, AuditAction.REHEARSAL, ItemStatus.PUBLISHING,
                            ItemStatus.APPROVED, "演练模式：已建草稿（media_id " + batch.draftMediaId() + "），未发布", now));
                }
            }
            advance(batch, BatchState.REHEARSED, null, null, null, null);
        });
        reached(Boundary.FINISHED_COMMITTED, batch.id());
        tally.messages.add("演练：批次 " + batch.id() + " 已在草稿箱建好草稿（" + batch.itemIds().size()
                + " 篇），未发布；关闭 dry-run 后这些稿件按正常流程发布");
        LOG.info("Batch {} ({}) rehearsed: draft {} left in the draft box, nothing published", batch.id(),
                batch.account(), batch.draftMediaId());
    }

    /** The publishing call of a batch in SUBMITTING, made once. */
    private void send(AccountConfig account, PublishBatch batch, Tally tally) {
        if (batch.mass()) {
            massSend(account, batch, tally);
        } else {
            submit(account, batch);
        }
    }

    private void submit(AccountConfig account, PublishBatch batch) {
        String publishId = wechat.submitPublish(account.id(), batch.draftMediaId());
        reached(Boundary.SUBMIT_ANSWERED, batch.id());
        advance(batch, BatchState.SUBMITTED, null, publishId, null, null);
        reached(Boundary.SUBMITTED_COMMITTED, batch.id());
        LOG.info("Batch {} ({}) submitted: publish_id {}", batch.id(), account.id(), publishId);
    }

    /**
     * Sends the draft to all followers with clientmsgid = the batch's, so that WeChat recognises any later repeat
     * (45065 returns the original msg_id) for 24 hours.
     */
    private void massSend(AccountConfig account, PublishBatch batch, Tally tally) {
        MassSendResult result = wechat.massSendAll(account.id(), batch.draftMediaId(), batch.clientMsgId());
        reached(Boundary.SUBMIT_ANSWERED, batch.id());
        finishMass(batch, result, tally);
    }

    private void finishMass(PublishBatch batch, MassSendResult result, Tally tally) {
        tx.run(() -> {
            Instant now = clock.instant();
            List<DisclosureItem> list = itemsOf(batch);
            for (int i = 0; i < list.size(); i++) {
                DisclosureItem item = list.get(i);
                ledger.record(new LedgerEntry(item.id(), batch.account(), PublishBatch.MASS, result.msgId(),
                        result.msgDataId(), i + 1, "", item.title(), item.content().category(),
                        item.content().department(), now));
                if (batch.parentBatchId() == null) {
                    items.transition(item.id(), ItemStatus.PUBLISHING, ItemStatus.PUBLISHED, batch.id(), "", now);
                }
                publications.linkCorrection(item, PublishBatch.MASS, now);
                audit.append(AuditEntry.byPublisher(item, AuditAction.MASS_SEND,
                        batch.parentBatchId() == null ? ItemStatus.PUBLISHING : ItemStatus.PUBLISHED,
                        ItemStatus.PUBLISHED, "群发给全部粉丝，msg_id " + result.msgId(), now));
            }
            advance(batch, BatchState.PUBLISHED, null, result.msgId(), result.msgDataId(), null);
        });
        reached(Boundary.FINISHED_COMMITTED, batch.id());
        if (batch.parentBatchId() == null) {
            tally.published += batch.itemIds().size();
        }
        tally.messages.add("批次 " + batch.id() + " 已群发给全部粉丝（msg_id " + result.msgId() + "，" + batch.itemIds().size()
                + " 篇）" + (result.alreadySent() ? "：按 clientmsgid 向微信核实，确认此前已群发成功" : ""));
        LOG.info("Batch {} ({}) mass-sent: msg_id {}{}", batch.id(), batch.account(), result.msgId(),
                result.alreadySent() ? " (settled: WeChat had it under clientmsgid " + batch.clientMsgId() + ")" : "");
    }

    /**
     * A mass send whose answer was lost: sending again with the same clientmsgid is safe for 24 hours (WeChat
     * answers 45065 with the original msg_id, or 45066 within the first minute). After that window only a draft
     * still in the draft box proves nothing went out.
     */
    private Outcome settleMass(AccountConfig account, PublishBatch batch, Tally tally) {
        boolean windowOpen = clock.instant().isBefore(batch.updatedAt().plus(CLIENT_MSG_ID_WINDOW));
        if (windowOpen || wechat.draftExists(account.id(), batch.draftMediaId())) {
            massSend(account, batch, tally);
            return Outcome.PUBLISHED;
        }
        tally.messages.add("批次 " + batch.id() + " 的群发结果未知已超过 24 小时，且草稿已不在草稿箱：请在公众号后台“群发记录”中核实"
                + "（clientmsgid " + batch.clientMsgId() + "），系统不会再次群发");
        return Outcome.PENDING;
    }

    /**
     * A publishing call whose answer never came. Freepublish: if the draft is still in the draft box (and long
     * enough has passed for a running job to have taken it), WeChat did not take it and it is submitted again; if
     * the draft is gone, the published list is searched for it.
     *
     * @return null when the batch moved on and driving continues
     */
    private Outcome settle(AccountConfig account, PublishBatch batch, Tally tally) {
        if (batch.mass()) {
            return settleMass(account, batch, tally);
        }
        if (wechat.draftExists(account.id(), batch.draftMediaId())) {
            if (clock.instant().isBefore(batch.updatedAt().plus(settings.resubmitAfter()))) {
                tally.messages.add("批次 " + batch.id() + " 的提交结果未知，草稿仍在草稿箱；稍后核实后再提交（不会重复发布）");
                return Outcome.PENDING;
            }
            LOG.info("Batch {} ({}): draft {} still in the draft box, so the lost submit did not happen; submitting",
                    batch.id(), account.id(), batch.draftMediaId());
            send(account, batch, tally);
            return null;
        }
        Optional<PublishStatus> found = publications.findOwn(account.id(), batch);
        if (found.isPresent()) {
            reached(Boundary.STATUS_ANSWERED, batch.id());
            LOG.info("Batch {} ({}): lost submit settled, article {} found among published articles", batch.id(),
                    account.id(), found.get().articleId());
            finishPublished(account, batch, found.get(), tally);
            return Outcome.PUBLISHED;
        }
        tally.messages.add("批次 " + batch.id() + " 的草稿已被使用，但在已发布列表中暂未找到，稍后再核实（不会重复发布）");
        return Outcome.PENDING;
    }

    /**
     * Asks WeChat ({@code freepublish/get}) how the batch's job ended and applies that answer. With a callback
     * configured it first waits for the event, unless a hint (an event for the publish_id, or a poll made due by one)
     * says the job finished. An event's own content is never applied.
     */
    private Outcome awaitStatus(AccountConfig account, PublishBatch start, Tally tally) {
        PublishBatch batch = start;
        Instant first = clock.instant();
        boolean hinted = (batch.nextPollAt() != null && !first.isBefore(batch.nextPollAt()))
                || (batch.polls() == 0 && events.find(account.id(), batch.publishId()).isPresent());
        for (int i = 0; ; i++) {
            Instant now = clock.instant();
            if (!hinted && batch.polls() == 0 && account.callbackConfigured()
                    && now.isBefore(batch.updatedAt().plus(settings.callbackGrace()))) {
                tally.messages.add("批次 " + batch.id() + " 已提交（publish_id " + batch.publishId() + "），等待微信推送发布结果");
                return Outcome.PENDING;
            }
            if (i >= settings.poll().polls() || (i == 0 && batch.nextPollAt() != null
                    && now.isBefore(batch.nextPollAt()))) {
                break;
            }
            if (i > 0 || !hinted) {
                sleep();
            }
            batch = batches.find(batch.id()).orElseThrow();
            if (batch.state() != BatchState.SUBMITTED) {
                return batch.state() == BatchState.PUBLISHED ? Outcome.PUBLISHED
                        : batch.state() == BatchState.FAILED ? Outcome.FAILED : Outcome.STOPPED;
            }
            PublishStatus status = wechat.publishStatus(account.id(), batch.publishId());
            boolean running = status.state() == PublishStatus.State.PUBLISHING;
            batches.recordPoll(batch.id(), running ? clock.instant().plus(backoff(batch.polls() + 1)) : null);
            if (!running) {
                reached(Boundary.STATUS_ANSWERED, batch.id());
                return apply(account, batch, status, tally);
            }
        }
        tally.messages.add("批次 " + batch.id() + " 正在发布中（publish_id " + batch.publishId() + "），稍后查询结果");
        return Outcome.PENDING;
    }

    private static Duration backoff(int polls) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(polls - 1, 10));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private Outcome apply(AccountConfig account, PublishBatch batch, PublishStatus status, Tally tally) {
        if (status.state().published()) {
            finishPublished(account, batch, status, tally);
            return Outcome.PUBLISHED;
        }
        failPublished(batch, status, tally);
        return Outcome.FAILED;
    }

    /**
     * A PUBLISHJOBFINISH event for the account, from the callback route (it must answer within 5 seconds, so only the
     * database is touched here). The event is a hint, not the truth: it is kept, and a batch waiting for that
     * publish_id is made due for {@code freepublish/get} now — {@link #confirm} asks WeChat and applies its answer. A
     * failure or an attacker's link in the event changes nothing by itself.
     */
    public EventOutcome onPublishEvent(String accountId, PublishStatus event) {
        account(accountId);
        if (event.state() == PublishStatus.State.PUBLISHING) {
            return EventOutcome.ALREADY_FINISHED;
        }
        Instant now = clock.instant();
        boolean fresh = events.record(accountId, event, now);
        events.purge(now.minus(HINT_TTL), HINTS_PER_ACCOUNT);
        Optional<PublishBatch> batch = batches.findByPublishId(accountId, event.publishId());
        if (batch.isEmpty()) {
            LOG.info("PUBLISHJOBFINISH for publish_id {} of account {} matches no submitted batch (yet); kept as a hint",
                    event.publishId(), accountId);
            return fresh ? EventOutcome.KEPT_FOR_LATER : EventOutcome.ALREADY_FINISHED;
        }
        if (batch.get().state() != BatchState.SUBMITTED) {
            return EventOutcome.ALREADY_FINISHED;
        }
        batches.pollNow(batch.get().id(), now);
        return EventOutcome.CONFIRM;
    }

    /**
     * Asks WeChat ({@code freepublish/get}, counted in the call budget) how the job of the account's batch with this
     * publish_id ended, and applies WeChat's answer: PUBLISHED with WeChat's links, or FAILED only when WeChat says
     * so. When WeChat cannot be asked (budget spent, network) the batch stays SUBMITTED for the status job.
     */
    public RunReport confirm(String accountId, String publishId) {
        AccountConfig account = account(accountId);
        Tally tally = new Tally();
        Optional<PublishBatch> batch = batches.findByPublishId(accountId, publishId);
        if (batch.isPresent() && batch.get().state() == BatchState.SUBMITTED) {
            tally.batches++;
            tally.add(drive(account, batch.get(), tally));
        }
        return tally.report(accountId);
    }

    private void sleep() {
        if (settings.poll().interval().isZero()) {
            return;
        }
        try {
            Thread.sleep(settings.poll().interval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for WeChat", e);
        }
    }

    private void finishPublished(AccountConfig account, PublishBatch batch, PublishStatus status, Tally tally) {
        tx.run(() -> {
            Instant now = clock.instant();
            List<DisclosureItem> list = itemsOf(batch);
            for (int i = 0; i < list.size(); i++) {
                publications.recordArticle(batch, list.get(i), i + 1, status, ItemStatus.PUBLISHING, "", now);
            }
            advance(batch, BatchState.PUBLISHED, null, null, status.articleId(), null);
            if (account.mode().equals(AccountConfig.FREEPUBLISH_AND_MASS)
                    && batches.massBatchesSince(account.id(), startOfDay(now)) == 0) {
                batches.create(account.id(), PublishBatch.MASS, batch.id(), batch.itemIds(), now);
            }
        });
        reached(Boundary.FINISHED_COMMITTED, batch.id());
        tally.published += batch.itemIds().size();
        LOG.info("Batch {} ({}) published: article_id {}, {} articles", batch.id(), batch.account(),
                status.articleId(), batch.itemIds().size());
    }

    private void failPublished(PublishBatch batch, PublishStatus status, Tally tally) {
        String reason = switch (status.state()) {
            case ORIGINALITY_FAILED -> "原创声明未通过（publish_status 2）：请取消原创声明或核实原创性后重新排队";
            case REJECTED_BY_REVIEW -> "未通过微信平台审核（publish_status 4）：请按平台规则修改内容后重新审核";
            default -> "微信发布失败（publish_status " + status.rawStatus() + "）：请稍后重新排队；多次失败请联系技术人员";
        };
        tx.run(() -> {
            Instant now = clock.instant();
            List<DisclosureItem> list = itemsOf(batch);
            for (int i = 0; i < list.size(); i++) {
                DisclosureItem item = list.get(i);
                boolean named = status.failIdx().isEmpty() || status.failIdx().contains(i + 1);
                ItemStatus to = named ? ItemStatus.FAILED : ItemStatus.APPROVED;
                String why = named ? reason + "（第 " + (i + 1) + " 篇，共 " + list.size() + " 篇）" : "";
                items.transition(item.id(), ItemStatus.PUBLISHING, to, named ? batch.id() : null, why, now);
                audit.append(AuditEntry.byPublisher(item, named ? AuditAction.FAIL : AuditAction.REQUEUE,
                        ItemStatus.PUBLISHING, to, named ? why : "同批其他文章失败，重新排队", now));
                if (named) {
                    tally.failed++;
                }
            }
            advance(batch, BatchState.FAILED, null, null, null, reason);
        });
        reached(Boundary.FINISHED_COMMITTED, batch.id());
        tally.messages.add("批次 " + batch.id() + " 发布失败：" + reason);
    }

    private void failBatch(PublishBatch batch, String reason, Integer code) {
        String why = code == null ? reason : reason + "（微信错误码 " + code + "）";
        tx.run(() -> {
            Instant now = clock.instant();
            if (batch.parentBatchId() == null) {
                for (DisclosureItem item : itemsOf(batch)) {
                    if (items.transition(item.id(), ItemStatus.PUBLISHING, ItemStatus.FAILED, batch.id(), why, now)) {
                        audit.append(AuditEntry.byPublisher(item, AuditAction.FAIL, ItemStatus.PUBLISHING,
                                ItemStatus.FAILED, why, now));
                    }
                }
            }
            PublishBatch current = batches.find(batch.id()).orElseThrow();
            batches.advance(batch.id(), current.state(), BatchState.FAILED, null, null, null, why, now);
        });
        reached(Boundary.FINISHED_COMMITTED, batch.id());
        LOG.error("Batch {} ({}) failed: {}", batch.id(), batch.account(), why);
    }
}

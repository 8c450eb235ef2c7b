package cn.gongkai.publish;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.render.RenderException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one batch through {@code PREPARED → IMAGES_UPLOADED → DRAFTED(media_id) → SUBMITTING → SUBMITTED(publish_id)
 * → PUBLISHED | FAILED} as far as it can go in this run, committing every id WeChat returns before the next call.
 * A WeChat error stops the batch where it is (it resumes on the next run), fails it when WeChat refuses for good, and
 * never fails a batch whose publishing call may have gone through.
 */
final class BatchDriver {
    private static final Logger LOG = LoggerFactory.getLogger(BatchDriver.class);

    private final Publications publications;
    private final BatchTransitions transitions;
    private final DraftComposer composer;
    private final WeChatGateway wechat;
    private final SubmitSettler submits;
    private final StatusWatcher status;
    private final Outcomes outcomes;
    private final PublishSettings settings;

    BatchDriver(Publications publications, BatchTransitions transitions, DraftComposer composer, WeChatGateway wechat,
                SubmitSettler submits, StatusWatcher status, Outcomes outcomes, PublishSettings settings) {
        this.publications = publications;
        this.transitions = transitions;
        this.composer = composer;
        this.wechat = wechat;
        this.submits = submits;
        this.status = status;
        this.outcomes = outcomes;
        this.settings = settings;
    }

    /** Drives the batch until it finishes or must wait; the outcome says which. */
    BatchOutcome drive(AccountConfig account, PublishBatch start, Tally tally) {
        while (true) {
            PublishBatch batch = transitions.reload(start);
            try {
                BatchOutcome outcome = step(account, batch, tally);
                if (outcome != null) {
                    return outcome;
                }
            } catch (WeChatException e) {
                return onWeChatError(transitions.reload(start), e, tally);
            } catch (BatchTransitions.BatchRace e) {
                LOG.info("{}; left to the other publisher", e.getMessage());
                tally.say("批次 " + batch.id() + " 正由另一个发布进程处理");
                return BatchOutcome.STOPPED;
            } catch (RenderException e) {
                outcomes.failBatch(batch, e.getMessage(), null);
                tally.failed += batch.itemIds().size();
                tally.say("批次 " + batch.id() + " 失败：" + e.getMessage());
                return BatchOutcome.FAILED;
            }
        }
    }

    /** One step from the batch's state; null when the batch moved on and driving continues. */
    private BatchOutcome step(AccountConfig account, PublishBatch batch, Tally tally) {
        return switch (batch.state()) {
            case PREPARED -> uploadImages(account, batch);
            case IMAGES_UPLOADED -> addDraft(account, batch);
            case DRAFTED -> submit(account, batch, tally);
            case SUBMITTING -> submits.settle(account, batch, tally);
            case SUBMITTED -> status.await(account, batch, tally);
            case PUBLISHED -> BatchOutcome.PUBLISHED;
            case FAILED -> BatchOutcome.FAILED;
            case REHEARSED -> BatchOutcome.REHEARSED;
        };
    }

    private BatchOutcome uploadImages(AccountConfig account, PublishBatch batch) {
        for (DisclosureItem item : publications.itemsOf(batch)) {
            if (!item.content().contentHash().equals(item.contentHash())) {
                throw new RenderException("稿件 " + item.id() + "《" + item.title() + "》在审定后内容被改动，须重新审核");
            }
            composer.uploader().uploadAll(account, item.content(), uploaded(batch));
        }
        transitions.markImagesUploaded(batch);
        settings.reached(Boundary.IMAGES_COMMITTED, batch.id());
        return null;
    }

    private BatchOutcome addDraft(AccountConfig account, PublishBatch batch) {
        List<DraftArticle> articles = new ArrayList<>();
        for (DisclosureItem item : publications.itemsOf(batch)) {
            articles.add(composer.compose(account, item.content(), uploaded(batch)).article());
        }
        String draft = wechat.addDraft(account.id(), articles);
        settings.reached(Boundary.DRAFT_ANSWERED, batch.id());
        transitions.markDrafted(batch, draft);
        settings.reached(Boundary.DRAFT_COMMITTED, batch.id());
        return null;
    }

    private Runnable uploaded(PublishBatch batch) {
        return () -> settings.reached(Boundary.IMAGE_UPLOADED, batch.id());
    }

    private BatchOutcome submit(AccountConfig account, PublishBatch batch, Tally tally) {
        if (account.dryRun() && batch.parentBatchId() == null) {
            outcomes.rehearsed(batch, tally);
            return BatchOutcome.REHEARSED;
        }
        transitions.markSubmitting(batch);
        settings.reached(Boundary.SUBMITTING_COMMITTED, batch.id());
        submits.send(account, transitions.reload(batch), tally);
        return null;
    }

    private BatchOutcome onWeChatError(PublishBatch batch, WeChatException e, Tally tally) {
        return switch (e.kind()) {
            case PERMANENT -> refused(batch, e, tally);
            case QUOTA -> {
                LOG.warn("Batch {} ({}) parked: quota of {} spent until {}", batch.id(), batch.account(), e.api(),
                        e.retryAfter());
                tally.say("批次 " + batch.id() + " 暂停：" + (batch.state() == BatchState.SUBMITTED
                        ? "正在发布中，待向微信核实；" : "") + e.staffMessage());
                yield BatchOutcome.STOPPED;
            }
            default -> {
                LOG.warn("Batch {} ({}) stopped in {}: WeChat {} {} ({}); resumes on the next run", batch.id(),
                        batch.account(), batch.state(), e.api(), e.code(), e.kind());
                tally.say("批次 " + batch.id() + " 暂停于“" + batch.state().label() + "”：" + e.staffMessage()
                        + "（下次运行时继续，不会重复发布）");
                yield BatchOutcome.STOPPED;
            }
        };
    }

    /** WeChat refused for good; once submitted, only a refused publishing call fails the batch. */
    private BatchOutcome refused(PublishBatch batch, WeChatException e, Tally tally) {
        boolean submitted = batch.state() == BatchState.SUBMITTING || batch.state() == BatchState.SUBMITTED;
        if (publishingCall(e.api()) && batch.state() != BatchState.SUBMITTING) {
            // a publishing call is only made in SUBMITTING: another publisher moved the batch on meanwhile, and
            // WeChat's refusal of this run's call says nothing about the batch (the draft was taken by the other)
            LOG.warn("Batch {} ({}): WeChat {} refused this run's call with {}, but the batch is {} by another "
                    + "publisher meanwhile; left to it", batch.id(), batch.account(), e.api(), e.code(), batch.state());
            tally.say("批次 " + batch.id() + " 正由另一个发布进程处理");
            return BatchOutcome.STOPPED;
        }
        if (submitted && !publishingCall(e.api())) {
            LOG.error("Batch {} ({}): WeChat {} refused a status call with {}; left for a later run",
                    batch.id(), batch.account(), e.api(), e.code());
            tally.say("批次 " + batch.id() + " 已提交，查询状态失败：" + e.staffMessage());
            return BatchOutcome.STOPPED;
        }
        outcomes.failBatch(batch, e.staffMessage(), e.code());
        tally.failed += batch.parentBatchId() == null ? batch.itemIds().size() : 0;
        tally.say("批次 " + batch.id() + " 失败（微信错误码 " + e.code() + "）：" + e.staffMessage());
        return BatchOutcome.FAILED;
    }

    private static boolean publishingCall(String api) {
        return api.equals("freepublish/submit") || api.startsWith("message/mass/send");
    }
}

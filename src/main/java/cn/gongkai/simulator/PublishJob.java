package cn.gongkai.simulator;

import java.time.Instant;
import java.util.List;

/** A {@code freepublish/submit} job; status 1 until enough polls or clock time have passed. Guarded by the lock. */
final class PublishJob {
    final long publishId;
    final long msgDataId;
    final String appId;
    final String draftMediaId;
    final List<Article> articles;
    final Instant submittedAt;
    final int pollsBeforeDone;
    final Instant doneAt;
    final FaultPlan.PublishOutcome outcome;
    int polls;
    int status = 1;
    String articleId = "";
    List<String> urls = List.of();

    PublishJob(long publishId, long msgDataId, String appId, String draftMediaId, List<Article> articles,
               Instant submittedAt, int pollsBeforeDone, Instant doneAt, FaultPlan.PublishOutcome outcome) {
        this.publishId = publishId;
        this.msgDataId = msgDataId;
        this.appId = appId;
        this.draftMediaId = draftMediaId;
        this.articles = List.copyOf(articles);
        this.submittedAt = submittedAt;
        this.pollsBeforeDone = pollsBeforeDone;
        this.doneAt = doneAt;
        this.outcome = outcome;
    }

    boolean finished() {
        return status != 1;
    }
}

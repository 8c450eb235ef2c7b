package cn.gongkai.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code freepublish/*}: asynchronous publish jobs and the list of published articles. */
final class PublishApi {
    private final SimState state;

    PublishApi(SimState state) {
        this.state = state;
    }

    /** Takes the draft out of the box and starts a job; {@code publish_id} is a JSON integer (quirk). */
    Reply submit(Call call) {
        AccountState account = call.account();
        AccountState.Draft draft = DraftApi.draft(call, Json.text(call.json(), "media_id"));
        account.drafts.remove(draft.mediaId());
        Faults faults = state.faults;
        PublishJob job = new PublishJob(state.ids.publishId(), state.ids.msgDataId(), call.appId(), draft.mediaId(),
                draft.articles(), call.now(), faults.pollsBeforeDone(), call.now().plus(faults.publishDuration()),
                faults.takeOutcome());
        account.jobs.put(job.publishId, job);
        account.unfinished.add(job);
        state.record.countSubmit(call.appId());
        ObjectNode node = Json.error(0, "ok");
        node.put("publish_id", job.publishId);
        node.put("msg_data_id", job.msgDataId);
        return Reply.json(node);
    }

    /** {@code freepublish/get}: accepts the id as string or number; 40002 for an id this account never got. */
    Reply get(Call call) {
        String raw = Json.text(call.json(), "publish_id");
        PublishJob job = null;
        try {
            job = raw == null ? null : call.account().jobs.get(Long.parseLong(raw.trim()));
        } catch (NumberFormatException e) {
            job = null;
        }
        if (job == null) {
            throw new ApiError(40002, "invalid publish_id");
        }
        job.polls++;
        advance(call.account(), job, call.now());
        return Reply.json(status(job));
    }

    /** Published articles (not mass sends), newest first. */
    Reply batchGet(Call call) {
        advanceAll(call.now());
        DraftApi.Page page = DraftApi.Page.of(call.json());
        List<AccountState.Publication> all = new ArrayList<>(call.account().publications.values());
        Collections.reverse(all);
        ObjectNode node = Json.object();
        node.put("total_count", all.size());
        ArrayNode items = Json.object().arrayNode();
        for (AccountState.Publication p : page.slice(all)) {
            ObjectNode item = items.addObject();
            item.put("article_id", p.articleId);
            ObjectNode content = item.putObject("content");
            content.set("news_item", newsItems(p, !page.noContent()));
            content.put("create_time", p.publishedAt.getEpochSecond());
            content.put("update_time", p.publishedAt.getEpochSecond());
            item.put("update_time", p.publishedAt.getEpochSecond());
        }
        node.put("item_count", items.size());
        node.set("item", items);
        return Reply.json(node);
    }

    Reply getArticle(Call call) {
        advanceAll(call.now());
        AccountState.Publication p = publication(call);
        ObjectNode node = Json.object();
        node.set("news_item", newsItems(p, true));
        return Reply.json(node);
    }

    /** Deletes one article (1-based {@code index}) or, with index 0 or absent, all of them. */
    Reply delete(Call call) {
        advanceAll(call.now());
        AccountState.Publication p = publication(call);
        int index = Json.integer(call.json(), "index", 0);
        if (index < 0 || index > p.deleted.length) {
            throw new ApiError(40114, "invalid index value");
        }
        for (int i = 0; i < p.deleted.length; i++) {
            if (index == 0 || index == i + 1) {
                p.deleted[i] = true;
            }
        }
        if (p.allDeleted()) {
            p.job.status = 5;
        }
        return Reply.ok();
    }

    /** Finishes jobs whose time has come; called by the ticker and by reads. */
    void advanceAll(Instant now) {
        for (AccountState account : state.allAccounts()) {
            for (PublishJob job : List.copyOf(account.unfinished)) {
                advance(account, job, now);
            }
        }
    }

    private void advance(AccountState account, PublishJob job, Instant now) {
        if (job.finished() || (job.polls <= job.pollsBeforeDone && now.isBefore(job.doneAt))) {
            return;
        }
        account.unfinished.remove(job);
        job.status = job.outcome.status();
        if (job.status == 0) {
            job.articleId = state.ids.word(32);
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < job.articles.size(); i++) {
                String url = "https://mp.weixin.qq.com/s/" + state.ids.word(22);
                urls.add(url);
                state.record.addPublished(new SimulatorRecord.PublishedArticle(job.appId, job.publishId,
                        job.articleId, i + 1, job.articles.get(i).title(), url, job.draftMediaId, now));
            }
            job.urls = List.copyOf(urls);
            account.publications.put(job.articleId, new AccountState.Publication(job.articleId, job, urls, now));
        }
        if (account.callback != null) {
            state.queue(new SimState.Event(account.callback.url(), account.callback.token(),
                    PublishEvent.xml(account.account, job, now)));
        }
    }

    private ObjectNode status(PublishJob job) {
        ObjectNode node = Json.object();
        node.put("publish_id", Long.toString(job.publishId));
        node.put("publish_status", job.status);
        if (job.status == 0 || job.status == 5 || job.status == 6) {
            node.put("article_id", job.articleId);
            ObjectNode detail = node.putObject("article_detail");
            detail.put("count", job.urls.size());
            ArrayNode items = detail.putArray("item");
            for (int i = 0; i < job.urls.size(); i++) {
                items.addObject().put("idx", i + 1).put("article_url", job.urls.get(i));
            }
        }
        ArrayNode failIdx = node.putArray("fail_idx");
        if (job.status == 2 || job.status == 4) {
            job.outcome.failIdx().forEach(failIdx::add);
        }
        return node;
    }

    private AccountState.Publication publication(Call call) {
        JsonNode body = call.json();
        String articleId = Json.text(body, "article_id");
        AccountState.Publication p = articleId == null ? null : call.account().publications.get(articleId);
        if (p == null) {
            throw new ApiError(53600, "invalid article_id");
        }
        return p;
    }

    private static ArrayNode newsItems(AccountState.Publication p, boolean withContent) {
        ArrayNode items = Json.object().arrayNode();
        for (int i = 0; i < p.job.articles.size(); i++) {
            items.add(p.job.articles.get(i).toNewsItem(withContent, p.urls.get(i), p.deleted[i]));
        }
        return items;
    }
}

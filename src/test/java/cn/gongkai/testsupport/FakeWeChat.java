package cn.gongkai.testsupport;

import cn.gongkai.publish.AccountProbe;
import cn.gongkai.publish.DraftArticle;
import cn.gongkai.publish.DraftInfo;
import cn.gongkai.publish.MassSendResult;
import cn.gongkai.publish.MediaFile;
import cn.gongkai.publish.PublishStatus;
import cn.gongkai.publish.PublishedArticleInfo;
import cn.gongkai.publish.WeChatException;
import cn.gongkai.publish.WeChatGateway;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory WeChat for core tests: drafts, publish jobs that finish after a number of polls, mass sends deduplicated
 * by clientMsgId, previews, and scripted failures per endpoint — including "did the work, then lost the answer".
 * Endpoint names for {@link #fail} and {@link #calls} are WeChat's ({@code message/mass/sendall}, {@code
 * draft/update} …). {@link #probe} answers all-ok unless {@link #probeAnswer} scripted something else.
 */
public final class FakeWeChat implements WeChatGateway {
    /** A scripted failure for the next call of an endpoint. */
    public record Fault(int code, WeChatException.Kind kind, boolean doItAnyway) {
    }

    /** One article as it went out. */
    public record Published(String account, String publishId, String articleId, int index, String title) {
    }

    /** One mass send that went out (a repeated clientMsgId sends nothing and is not listed again). */
    public record MassSent(String account, String msgId, String draftMediaId, String clientMsgId,
                           List<String> titles) {
    }

    /** One preview sent to a reviewer's phone. */
    public record Preview(String account, String draftMediaId, String reviewer, boolean byWeChatId) {
    }

    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final Map<String, Integer> calls = new LinkedHashMap<>();
    private final Map<String, List<DraftArticle>> drafts = new LinkedHashMap<>();
    private final Map<String, String> draftOwners = new HashMap<>();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final List<DraftArticle> draftArticles = new ArrayList<>();
    private final List<Published> published = new ArrayList<>();
    private final List<String> finishedJobs = new ArrayList<>();
    private final List<MassSent> massSends = new ArrayList<>();
    private final Map<String, MassSent> massByClientMsgId = new HashMap<>();
    private final List<Preview> previews = new ArrayList<>();
    private final Map<String, AccountProbe> probes = new HashMap<>();
    private int quotaClears;
    private int pollsBeforeDone = 1;
    private int nextId = 1;
    private int finalStatus = 0;
    private List<Integer> failIdx = List.of();

    private static final class Job {
        final String account;
        final List<DraftArticle> articles;
        final boolean[] deleted;
        int polls;
        String articleId = "";
        int failedStatus;
        List<Integer> failedIdx = List.of();

        Job(String account, List<DraftArticle> articles) {
            this.account = account;
            this.articles = articles;
            this.deleted = new boolean[articles.size()];
        }
    }

    /** Lets every submitted job finish successfully now, unpolled, as WeChat's jobs end on their own in seconds. */
    public synchronized FakeWeChat finishAllJobs() {
        jobs.forEach((publishId, job) -> {
            if (job.failedStatus == 0) {
                finish(publishId, job);
            }
        });
        return this;
    }

    /** How many status polls show "publishing" before the job finishes. */
    public FakeWeChat pollsBeforeDone(int n) {
        this.pollsBeforeDone = n;
        return this;
    }

    /**
     * The final publish_status of the next job to finish (3 failure, 4 rejected with failIdx), which that job keeps
     * answering; later jobs succeed. A job already finished is reported as it ended, like WeChat does.
     */
    public FakeWeChat finishWith(int status, List<Integer> failIdx) {
        this.finalStatus = status;
        this.failIdx = List.copyOf(failIdx);
        return this;
    }

    /** Queues a failure for the next call of {@code api} (e.g. "freepublish/submit"). */
    public synchronized FakeWeChat fail(String api, int code, WeChatException.Kind kind) {
        faults.computeIfAbsent(api, k -> new ArrayDeque<>()).add(new Fault(code, kind, false));
        return this;
    }

    /** The next call of {@code api} does its work and then its answer is lost. */
    public synchronized FakeWeChat loseAnswer(String api) {
        faults.computeIfAbsent(api, k -> new ArrayDeque<>()).add(new Fault(-99,
                WeChatException.Kind.UNKNOWN_OUTCOME, true));
        return this;
    }

    public synchronized int calls(String api) {
        return calls.getOrDefault(api, 0);
    }

    public synchronized List<Published> published() {
        return List.copyOf(published);
    }

    public synchronized int drafts() {
        return drafts.size();
    }

    /** The articles of a draft still in the box, or null. */
    public synchronized List<DraftArticle> draft(String draftMediaId) {
        return drafts.get(draftMediaId);
    }

    public synchronized List<MassSent> massSends() {
        return List.copyOf(massSends);
    }

    public synchronized List<Preview> previews() {
        return List.copyOf(previews);
    }

    public synchronized int quotaClears() {
        return quotaClears;
    }

    /** What {@link #probe} answers for the account (default: every check ok). */
    public synchronized FakeWeChat probeAnswer(String account, AccountProbe probe) {
        probes.put(account, probe);
        return this;
    }

    /** The articles of every draft created so far, published or not, in order. */
    public synchronized List<DraftArticle> draftArticles() {
        return List.copyOf(draftArticles);
    }

    private Fault enter(String account, String api) {
        calls.merge(api, 1, Integer::sum);
        Deque<Fault> q = faults.get(api);
        Fault f = q == null ? null : q.poll();
        if (f != null && !f.doItAnyway()) {
            throw error(account, api, f);
        }
        return f;
    }

    private static WeChatException error(String account, String api, Fault f) {
        return new WeChatException(account, api, f.code(), f.kind(), "模拟故障 " + f.code(), null, null);
    }

    private static void after(String account, String api, Fault f) {
        if (f != null) {
            throw error(account, api, f);
        }
    }

    @Override
    public synchronized String uploadBodyImage(String account, MediaFile image) {
        Fault f = enter(account, "media/uploadimg");
        String url = "http://mmbiz.qpic.cn/fake/" + nextId++ + "/0?wx_fmt=jpeg";
        after(account, "media/uploadimg", f);
        return url;
    }

    @Override
    public synchronized String addCoverImage(String account, MediaFile image) {
        Fault f = enter(account, "material/add_material");
        String id = "MEDIA_" + nextId++;
        after(account, "material/add_material", f);
        return id;
    }

    @Override
    public synchronized String addDraft(String account, List<DraftArticle> articles) {
        Fault f = enter(account, "draft/add");
        String id = "DRAFT_" + nextId++;
        drafts.put(id, List.copyOf(articles));
        draftOwners.put(id, account);
        draftArticles.addAll(articles);
        after(account, "draft/add", f);
        return id;
    }

    @Override
    public synchronized boolean draftExists(String account, String draftMediaId) {
        Fault f = enter(account, "draft/get");
        after(account, "draft/get", f);
        return drafts.containsKey(draftMediaId);
    }

    @Override
    public synchronized String submitPublish(String account, String draftMediaId) {
        Fault f = enter(account, "freepublish/submit");
        List<DraftArticle> articles = drafts.remove(draftMediaId);
        if (articles == null) {
            throw new WeChatException(account, "freepublish/submit", 40007, WeChatException.Kind.PERMANENT,
                    "草稿不存在", null, null);
        }
        String publishId = String.valueOf(2_247_500_000L + nextId++);
        jobs.put(publishId, new Job(account, articles));
        after(account, "freepublish/submit", f);
        return publishId;
    }

    @Override
    public synchronized PublishStatus publishStatus(String account, String publishId) {
        Fault f = enter(account, "freepublish/get");
        after(account, "freepublish/get", f);
        Job job = jobs.get(publishId);
        if (job == null) {
            throw new WeChatException(account, "freepublish/get", 40002, WeChatException.Kind.PERMANENT,
                    "publish_id 无效", null, null);
        }
        if (job.failedStatus != 0) {
            return new PublishStatus(publishId, PublishStatus.State.of(job.failedStatus), job.failedStatus, "",
                    List.of(), job.failedIdx);
        }
        if (!job.articleId.isEmpty()) {
            return new PublishStatus(publishId, PublishStatus.State.SUCCESS, 0, job.articleId, links(job), List.of());
        }
        job.polls++;
        if (job.polls <= pollsBeforeDone) {
            return new PublishStatus(publishId, PublishStatus.State.PUBLISHING, 1, "", List.of(), List.of());
        }
        if (finalStatus != 0) {
            job.failedStatus = finalStatus;
            job.failedIdx = failIdx;
            finalStatus = 0;
            return new PublishStatus(publishId, PublishStatus.State.of(job.failedStatus), job.failedStatus, "",
                    List.of(), job.failedIdx);
        }
        return new PublishStatus(publishId, PublishStatus.State.SUCCESS, 0, finish(publishId, job),
                links(job), List.of());
    }

    private String finish(String publishId, Job job) {
        if (job.articleId.isEmpty()) {
            job.articleId = "ARTICLE_" + publishId;
            finishedJobs.add(publishId);
            for (int i = 0; i < job.articles.size(); i++) {
                published.add(new Published(job.account, publishId, job.articleId, i + 1,
                        job.articles.get(i).title()));
            }
        }
        return job.articleId;
    }

    private static List<PublishStatus.PublishedArticle> links(Job job) {
        List<PublishStatus.PublishedArticle> out = new ArrayList<>();
        for (int i = 0; i < job.articles.size(); i++) {
            out.add(new PublishStatus.PublishedArticle(i + 1, "https://mp.weixin.qq.com/s/" + job.articleId + "_"
                    + (i + 1)));
        }
        return out;
    }

    @Override
    public synchronized Optional<PublishStatus> findPublished(String account, String firstTitle, int scan) {
        Fault f = enter(account, "freepublish/batchget");
        after(account, "freepublish/batchget", f);
        for (Map.Entry<String, Job> e : jobs.entrySet()) {
            Job job = e.getValue();
            if (job.account.equals(account) && job.articles.get(0).title().equals(firstTitle)) {
                String articleId = finish(e.getKey(), job);
                return Optional.of(new PublishStatus("", PublishStatus.State.SUCCESS, 0, articleId, links(job),
                        List.of()));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void updateDraft(String account, String draftMediaId, int index, DraftArticle article) {
        Fault f = enter(account, "draft/update");
        List<DraftArticle> articles = ownDraft(account, "draft/update", draftMediaId);
        if (index < 0 || index >= articles.size()) {
            throw new WeChatException(account, "draft/update", 40114, WeChatException.Kind.PERMANENT,
                    "草稿中的文章序号（index）无效", null, null);
        }
        List<DraftArticle> changed = new ArrayList<>(articles);
        changed.set(index, article);
        drafts.put(draftMediaId, List.copyOf(changed));
        after(account, "draft/update", f);
    }

    @Override
    public synchronized void deleteDraft(String account, String draftMediaId) {
        Fault f = enter(account, "draft/delete");
        if (account.equals(draftOwners.get(draftMediaId))) {
            drafts.remove(draftMediaId);
        }
        after(account, "draft/delete", f);
    }

    @Override
    public synchronized long draftCount(String account) {
        Fault f = enter(account, "draft/count");
        after(account, "draft/count", f);
        return drafts.keySet().stream().filter(id -> account.equals(draftOwners.get(id))).count();
    }

    @Override
    public synchronized List<DraftInfo> listDrafts(String account, int offset, int count) {
        Fault f = enter(account, "draft/batchget");
        after(account, "draft/batchget", f);
        List<DraftInfo> all = new ArrayList<>();
        drafts.forEach((id, articles) -> {
            if (account.equals(draftOwners.get(id))) {
                all.add(0, new DraftInfo(id, null, articles.stream()
                        .map(a -> new DraftInfo.Item(a.title(), "")).toList()));
            }
        });
        return page(all, offset, count);
    }

    @Override
    public synchronized List<PublishedArticleInfo> listPublished(String account, int offset, int count) {
        return published(account, offset, count, false);
    }

    @Override
    public synchronized List<PublishedArticleInfo> listPublishedWithContent(String account, int offset, int count) {
        return published(account, offset, count, true);
    }

    private List<PublishedArticleInfo> published(String account, int offset, int count, boolean withContent) {
        Fault f = enter(account, "freepublish/batchget");
        after(account, "freepublish/batchget", f);
        List<PublishedArticleInfo> all = new ArrayList<>();
        for (String publishId : finishedJobs) {
            Job job = jobs.get(publishId);
            if (job.account.equals(account)) {
                all.add(0, info(job, withContent));
            }
        }
        return page(all, offset, count);
    }

    @Override
    public synchronized PublishedArticleInfo getPublished(String account, String articleId) {
        Fault f = enter(account, "freepublish/getarticle");
        after(account, "freepublish/getarticle", f);
        return info(publishedJob(account, "freepublish/getarticle", articleId));
    }

    @Override
    public synchronized void deletePublished(String account, String articleId, int index) {
        Fault f = enter(account, "freepublish/delete");
        Job job = publishedJob(account, "freepublish/delete", articleId);
        if (index < 0 || index > job.articles.size()) {
            throw new WeChatException(account, "freepublish/delete", 40114, WeChatException.Kind.PERMANENT,
                    "文章序号（index）无效", null, null);
        }
        for (int i = 0; i < job.deleted.length; i++) {
            if (index == 0 || index == i + 1) {
                job.deleted[i] = true;
            }
        }
        after(account, "freepublish/delete", f);
    }

    @Override
    public synchronized MassSendResult massSendAll(String account, String draftMediaId, String clientMsgId) {
        Fault f = enter(account, "message/mass/sendall");
        MassSent earlier = massByClientMsgId.get(account + "|" + clientMsgId);
        if (earlier != null) {
            after(account, "message/mass/sendall", f);
            return new MassSendResult(earlier.msgId(), "", true);
        }
        List<DraftArticle> articles = ownDraft(account, "message/mass/sendall", draftMediaId);
        drafts.remove(draftMediaId);
        MassSent sent = new MassSent(account, String.valueOf(1_000_000_000L + nextId++), draftMediaId, clientMsgId,
                articles.stream().map(DraftArticle::title).toList());
        massSends.add(sent);
        massByClientMsgId.put(account + "|" + clientMsgId, sent);
        after(account, "message/mass/sendall", f);
        return new MassSendResult(sent.msgId(), String.valueOf(nextId++), false);
    }

    @Override
    public synchronized void massPreview(String account, String draftMediaId, String reviewer, boolean byWeChatId) {
        Fault f = enter(account, "message/mass/preview");
        ownDraft(account, "message/mass/preview", draftMediaId);
        previews.add(new Preview(account, draftMediaId, reviewer, byWeChatId));
        after(account, "message/mass/preview", f);
    }

    @Override
    public synchronized void clearQuota(String account) {
        Fault f = enter(account, "clear_quota");
        quotaClears++;
        after(account, "clear_quota", f);
    }

    @Override
    public synchronized AccountProbe probe(String account) {
        calls.merge("probe", 1, Integer::sum);
        AccountProbe scripted = probes.get(account);
        if (scripted != null) {
            return scripted;
        }
        return new AccountProbe(account, AccountProbe.Check.ok("access_token", ""),
                AccountProbe.Check.ok("IP 白名单", ""), AccountProbe.Check.ok("草稿箱权限", ""),
                AccountProbe.Check.ok("发布权限", ""), AccountProbe.Check.ok("群发权限", ""));
    }

    private List<DraftArticle> ownDraft(String account, String api, String draftMediaId) {
        List<DraftArticle> articles = drafts.get(draftMediaId);
        if (articles == null || !account.equals(draftOwners.get(draftMediaId))) {
            throw new WeChatException(account, api, 40007, WeChatException.Kind.PERMANENT, "草稿不存在", null, null);
        }
        return articles;
    }

    private Job publishedJob(String account, String api, String articleId) {
        for (String publishId : finishedJobs) {
            Job job = jobs.get(publishId);
            if (job.account.equals(account) && job.articleId.equals(articleId)) {
                return job;
            }
        }
        throw new WeChatException(account, api, 53600, WeChatException.Kind.PERMANENT, "文章编号（article_id）无效",
                null, null);
    }

    private static PublishedArticleInfo info(Job job) {
        return info(job, false);
    }

    private static PublishedArticleInfo info(Job job, boolean withContent) {
        List<PublishedArticleInfo.Item> items = new ArrayList<>();
        for (int i = 0; i < job.articles.size(); i++) {
            items.add(new PublishedArticleInfo.Item(i + 1, job.articles.get(i).title(),
                    "https://mp.weixin.qq.com/s/" + job.articleId + "_" + (i + 1), job.deleted[i],
                    withContent ? job.articles.get(i).content() : ""));
        }
        return new PublishedArticleInfo(job.articleId, null, items);
    }

    private static <T> List<T> page(List<T> all, int offset, int count) {
        if (offset < 0 || count < 1 || count > 20) {
            throw new IllegalArgumentException("offset must be >= 0 and count 1–20, got " + offset + ", " + count);
        }
        return offset >= all.size() ? List.of() : List.copyOf(all.subList(offset, Math.min(all.size(), offset + count)));
    }
}

package cn.gongkai.testsupport;

import cn.gongkai.publish.DraftArticle;
import cn.gongkai.publish.MediaFile;
import cn.gongkai.publish.PublishStatus;
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
 * An in-memory WeChat for core tests: drafts, publish jobs that finish after a number of polls, and scripted
 * failures per endpoint — including "did the work, then lost the answer".
 */
public final class FakeWeChat implements WeChatGateway {
    /** A scripted failure for the next call of an endpoint. */
    public record Fault(int code, WeChatException.Kind kind, boolean doItAnyway) {
    }

    /** One article as it went out. */
    public record Published(String account, String publishId, String articleId, int index, String title) {
    }

    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final Map<String, Integer> calls = new LinkedHashMap<>();
    private final Map<String, List<DraftArticle>> drafts = new HashMap<>();
    private final List<DraftArticle> draftArticles = new ArrayList<>();
    private final Map<String, Job> jobs = new HashMap<>();
    private final List<Published> published = new ArrayList<>();
    private int pollsBeforeDone = 1;
    private int nextId = 1;
    private int finalStatus = 0;
    private List<Integer> failIdx = List.of();

    private static final class Job {
        final String account;
        final List<DraftArticle> articles;
        int polls;
        String articleId = "";

        Job(String account, List<DraftArticle> articles) {
            this.account = account;
            this.articles = articles;
        }
    }

    /** How many status polls show "publishing" before the job finishes. */
    public FakeWeChat pollsBeforeDone(int n) {
        this.pollsBeforeDone = n;
        return this;
    }

    /** The final publish_status of the next job to finish (3 failure, 4 rejected with failIdx); later jobs succeed. */
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
        job.polls++;
        if (job.polls <= pollsBeforeDone) {
            return new PublishStatus(publishId, PublishStatus.State.PUBLISHING, 1, "", List.of(), List.of());
        }
        if (finalStatus != 0) {
            int status = finalStatus;
            finalStatus = 0;
            return new PublishStatus(publishId, PublishStatus.State.of(status), status, "", List.of(),
                    failIdx);
        }
        return new PublishStatus(publishId, PublishStatus.State.SUCCESS, 0, finish(publishId, job),
                links(job), List.of());
    }

    private String finish(String publishId, Job job) {
        if (job.articleId.isEmpty()) {
            job.articleId = "ARTICLE_" + publishId;
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
}

package cn.gongkai.inspect;

import cn.gongkai.publish.DraftArticle;
import cn.gongkai.publish.MediaFile;
import cn.gongkai.publish.PublishStatus;
import cn.gongkai.publish.WeChatGateway;
import cn.gongkai.testsupport.Fixtures;
import cn.gongkai.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes articles on the simulator the way staff do by hand in WeChat's back office: straight through the API,
 * with nothing in gongkai's items, batches or ledger.
 */
public final class HandPublisher {
    private final WeChatGateway wechat;
    private final MutableClock clock;

    public HandPublisher(WeChatGateway wechat, MutableClock clock) {
        this.wechat = wechat;
        this.clock = clock;
    }

    /** Publishes one item of articles given as title, HTML, title, HTML…; returns its article_id. */
    public String publish(String account, String... titlesAndBodies) {
        String cover = wechat.addCoverImage(account, new MediaFile("cover.png", "image/png",
                Fixtures.png(30, 20, 0x3366cc)));
        List<DraftArticle> articles = new ArrayList<>();
        for (int i = 0; i < titlesAndBodies.length; i += 2) {
            articles.add(new DraftArticle(titlesAndBodies[i], "办公室", "", titlesAndBodies[i + 1], "", cover));
        }
        String publishId = wechat.submitPublish(account, wechat.addDraft(account, articles));
        PublishStatus status = wechat.publishStatus(account, publishId);
        for (int i = 0; i < 10 && status.state() == PublishStatus.State.PUBLISHING; i++) {
            clock.advance(Duration.ofSeconds(30));
            status = wechat.publishStatus(account, publishId);
        }
        if (status.state() != PublishStatus.State.SUCCESS) {
            throw new IllegalStateException("the simulator did not publish: " + status);
        }
        clock.advance(Duration.ofMinutes(1));
        return status.articleId();
    }
}

package cn.gongkai.inspect;

import cn.gongkai.publish.PublishedArticleInfo;
import cn.gongkai.publish.WeChatGateway;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Reads an account's published list with contents ({@code freepublish/batchget}, 20 items a call), newest first,
 * and stores the articles it does not know yet: it stops at the first item already stored, so a daily pull costs
 * one call unless more than 20 items were published since. The first pull of an account reads at most
 * {@link #FIRST_PULL_PAGES} pages. Deleted flags of the stored items on the pages read are brought up to date.
 */
public final class PublishedPull {
    /** Items per batchget call (WeChat's maximum). */
    public static final int PAGE = 20;
    /** Pages the first pull of an account reads at most (the newest 100 items). */
    public static final int FIRST_PULL_PAGES = 5;
    /** Pages a later pull reads at most (a day with more than 60 new items waits for the next pull). */
    public static final int LATER_PULL_PAGES = 3;

    private final WeChatGateway wechat;
    private final InspectionStore store;
    private final Clock clock;

    public PublishedPull(WeChatGateway wechat, InspectionStore store, Clock clock) {
        this.wechat = wechat;
        this.store = store;
        this.clock = clock;
    }

    /** What one pull did. */
    public record Result(String account, int added, int calls) {
    }

    /** Pulls the account's new articles. WeChat's refusals ({@code WeChatException}) go to the caller. */
    public Result pull(String account) {
        boolean baseline = store.lastPull(account).isEmpty();
        int maxPages = baseline ? FIRST_PULL_PAGES : LATER_PULL_PAGES;
        Instant now = clock.instant();
        List<InspectedArticle> added = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int calls = 0;
        boolean reachedKnown = false;
        for (int page = 0; page < maxPages && !reachedKnown; page++) {
            List<PublishedArticleInfo> items = wechat.listPublishedWithContent(account, page * PAGE, PAGE);
            calls++;
            for (PublishedArticleInfo info : items) {
                if (store.knows(account, info.articleId())) {
                    reachedKnown = true;
                    info.items().forEach(i -> store.setDeleted(account, info.articleId(), i.index(), i.deleted()));
                } else if (!reachedKnown && seen.add(info.articleId())) {
                    info.items().forEach(i -> added.add(article(account, info, i, now, baseline)));
                }
            }
            if (items.size() < PAGE) {
                break;
            }
        }
        store.recordPull(account, now, added, calls);
        return new Result(account, added.size(), calls);
    }

    private static InspectedArticle article(String account, PublishedArticleInfo info, PublishedArticleInfo.Item i,
                                            Instant now, boolean baseline) {
        return new InspectedArticle(account, info.articleId(), i.index(), i.title(), i.url(), info.updateTime(),
                i.deleted(), HtmlText.text(i.content()), HtmlText.links(i.content()), sha256(i.content()), now,
                baseline, null);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}

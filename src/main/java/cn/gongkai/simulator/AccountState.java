package cn.gongkai.simulator;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything the simulator stores for one account. Guarded by the simulator lock. */
final class AccountState {
    record Material(String mediaId, String type, String url) {
    }

    record Draft(String mediaId, List<Article> articles, Instant createdAt, Instant updatedAt) {
    }

    /** A successful publication: its articles, their permanent URLs and which were deleted since. */
    static final class Publication {
        final String articleId;
        final PublishJob job;
        final List<String> urls;
        final boolean[] deleted;
        final Instant publishedAt;

        Publication(String articleId, PublishJob job, List<String> urls, Instant publishedAt) {
            this.articleId = articleId;
            this.job = job;
            this.urls = List.copyOf(urls);
            this.deleted = new boolean[urls.size()];
            this.publishedAt = publishedAt;
        }

        boolean allDeleted() {
            for (boolean d : deleted) {
                if (!d) {
                    return false;
                }
            }
            return true;
        }
    }

    record MassSend(long msgId, long msgDataId, Instant sentAt) {
    }

    record Callback(URI url, String token) {
    }

    final SimAccount account;
    Callback callback;
    final Set<String> uploadedUrls = new HashSet<>();
    final Map<String, Material> materials = new HashMap<>();
    final Map<String, Draft> drafts = new LinkedHashMap<>();
    final Map<Long, PublishJob> jobs = new HashMap<>();
    final List<PublishJob> unfinished = new ArrayList<>();
    final Map<String, Publication> publications = new LinkedHashMap<>();
    final Map<String, MassSend> massByClientMsgId = new HashMap<>();
    LocalDate massDay;
    int massSendsOnDay;
    YearMonth massMonth;
    int massSendsInMonth;

    AccountState(SimAccount account) {
        this.account = account;
    }
}

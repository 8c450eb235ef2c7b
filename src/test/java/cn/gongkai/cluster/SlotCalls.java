package cn.gongkai.cluster;

import cn.gongkai.item.ItemStatus;
import cn.gongkai.item.WeChatLimits;
import cn.gongkai.publish.PublishBatch;
import cn.gongkai.simulator.WeChatSimulator;
import cn.gongkai.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The simulator's count of WeChat calls over some accounts, against what one publisher needs at least: per account
 * one token; per item its body image and its cover; per batch {@code draft/add}, {@code freepublish/submit} and one
 * {@code freepublish/get}.
 *
 * @param extraDrafts  drafts added beyond one per batch
 * @param extraUploads images uploaded beyond two per published item
 */
record SlotCalls(Map<String, Integer> byApi, int total, int minimum, int extraDrafts, int extraUploads) {

    static SlotCalls of(WeChatSimulator sim, Database db, List<String> accounts) {
        Set<String> ours = Set.copyOf(accounts);
        Map<String, Integer> byApi = new TreeMap<>();
        for (String account : accounts) {
            sim.record().calls().getOrDefault(NodeConfig.appId(account), Map.of()).forEach((api, n) ->
                    byApi.merge(api, n, Integer::sum));
        }
        int batches = 0;
        for (PublishBatch b : db.batches().recent(100_000)) {
            batches += ours.contains(b.account()) ? 1 : 0;
        }
        int items = (int) db.items().list(ItemStatus.PUBLISHED).stream()
                .filter(i -> ours.contains(i.content().account())).count();
        int total = byApi.values().stream().mapToInt(Integer::intValue).sum();
        int minimum = accounts.size() + 2 * items + 3 * batches;
        int uploads = byApi.getOrDefault("media/uploadimg", 0) + byApi.getOrDefault("material/add_material", 0);
        return new SlotCalls(byApi, total, minimum, byApi.getOrDefault("draft/add", 0) - batches,
                uploads - 2 * items);
    }

    /** Each account's calls to an API beyond WeChat's daily limit for it, as "account api: calls > limit". */
    static List<String> overDailyLimits(WeChatSimulator sim, List<String> accounts) {
        List<String> over = new ArrayList<>();
        for (String account : accounts) {
            sim.record().calls().getOrDefault(NodeConfig.appId(account), Map.of()).forEach((api, n) -> {
                int limit = WeChatLimits.DAILY_CALLS.getOrDefault(api, Integer.MAX_VALUE);
                if (n > limit) {
                    over.add(account + " " + api + ": " + n + " > " + limit);
                }
            });
        }
        return over;
    }
}

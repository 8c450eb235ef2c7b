package cn.gongkai.web;

import java.util.Map;

/**
 * What staff read instead of WeChat's API names and the configuration's mode words: the 系统 page lists today's calls
 * per API as plain Chinese (the API name stays in the row's tooltip, for comparing with WeChat's own quota page).
 */
final class ApiNames {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("token", "取接口凭证"),
            Map.entry("stable_token", "取接口凭证（稳定版）"),
            Map.entry("media/uploadimg", "上传正文图片"),
            Map.entry("material/add_material", "上传封面图片"),
            Map.entry("draft/add", "新建草稿"),
            Map.entry("draft/get", "读取草稿"),
            Map.entry("draft/update", "修改草稿"),
            Map.entry("draft/delete", "删除草稿"),
            Map.entry("draft/count", "统计草稿数"),
            Map.entry("draft/batchget", "读取草稿列表"),
            Map.entry("freepublish/submit", "提交发布"),
            Map.entry("freepublish/get", "查询发布结果"),
            Map.entry("freepublish/delete", "删除已发布文章"),
            Map.entry("freepublish/getarticle", "读取已发布文章"),
            Map.entry("freepublish/batchget", "读取已发布列表（核对）"),
            Map.entry("message/mass/sendall", "群发"),
            Map.entry("message/mass/preview", "发送手机预览"));

    private ApiNames() {
    }

    /** The plain name of a WeChat API, or the API's own name when it has none here. */
    static String label(String api) {
        return LABELS.getOrDefault(api, api);
    }

    /** The account's way of publishing ({@code accounts[].mode}) as the 发布记录 page words it. */
    static String mode(String mode) {
        return switch (mode) {
            case "freepublish" -> "发布（不推送通知）";
            case "mass" -> "群发（通知粉丝）";
            case "freepublish+mass" -> "发布和群发";
            default -> mode;
        };
    }
}

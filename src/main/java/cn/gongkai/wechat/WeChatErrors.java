package cn.gongkai.wechat;

import cn.gongkai.item.WeChatLimits;
import cn.gongkai.publish.WeChatException;
import cn.gongkai.publish.WeChatException.Kind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WeChat error codes ({@code wechat-api.md} §2, §3) translated into a {@link Kind} and a Chinese message for office
 * staff that says what happened and what to do. Codes −99 (network) and −2 (unreadable answer) are ours.
 */
public final class WeChatErrors {

    /** WxJava's code for a network failure, also used here for any request that got no answer. */
    public static final int NETWORK = -99;
    /** An answer that is not WeChat JSON (an HTML 5xx page from a proxy, an empty body, a missing field). */
    public static final int UNREADABLE = -2;

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static final String CONSOLE_BASIC = "mp.weixin.qq.com → 设置与开发 → 基本配置";
    private static final String CONSOLE_PERMISSIONS = "mp.weixin.qq.com → 设置与开发 → 接口权限";
    private static final String CALL_DEVELOPER = "这是程序问题，请把本条信息转给技术人员。";
    private static final Pattern WHITELIST_IP = Pattern.compile("invalid ip ([0-9A-Fa-f.:]+)");

    private static final Map<Integer, Entry> CODES = codes();

    private WeChatErrors() {
    }

    private record Entry(Kind kind, String message) {
    }

    private static Map<Integer, Entry> codes() {
        Map<Integer, Entry> m = new LinkedHashMap<>();
        connection(m);
        credentials(m);
        content(m);
        quotaAndBatches(m);
        accountAndPublishing(m);
        return Collections.unmodifiableMap(m);
    }

    /** No answer, or one we cannot read: ours and WeChat's busy signal. */
    private static void connection(Map<Integer, Entry> m) {
        m.put(-1, new Entry(Kind.TRANSIENT, "微信服务器繁忙（系统错误 -1）。系统会自动重试；如果一直出现，请稍后再试。"));
        m.put(NETWORK, new Entry(Kind.TRANSIENT,
                "连接微信服务器失败或没有收到答复（网络错误）。请检查本机网络、代理或中转服务器是否正常；系统会自动重试。"));
        m.put(UNREADABLE, new Entry(Kind.TRANSIENT,
                "微信服务器（或中转代理）返回了无法识别的内容，通常是临时的 5xx 错误页。系统会自动重试；如果一直出现，请检查中转服务器。"));
    }

    /** The access token, AppID and AppSecret. */
    private static void credentials(Map<Integer, Entry> m) {
        String token = "已自动重新获取 access_token 并重试一次，仍然失败。可能是 AppSecret 填错了，"
                + "或者有其他系统重置了 AppSecret：请公众号管理员在 " + CONSOLE_BASIC
                + " 中核对 AppSecret（如已重置，请把新的 AppSecret 填入本系统配置），并确认没有其他系统在使用同一公众号的 AppSecret。";
        m.put(40001, new Entry(Kind.PERMANENT, "微信不接受本系统的调用凭证（access_token 无效）。" + token));
        m.put(40014, new Entry(Kind.PERMANENT, "微信认为 access_token 不合法。" + token));
        m.put(42001, new Entry(Kind.PERMANENT, "微信认为 access_token 已过期。" + token));
        m.put(40002, new Entry(Kind.PERMANENT, "请求参数不合法（grant_type 或其他参数错误）。" + CALL_DEVELOPER));
    }

    /** Request parameters, images, media ids, AppID/AppSecret state and the content of a draft (in code order). */
    private static void content(Map<Integer, Entry> m) {
        m.put(40005, new Entry(Kind.PERMANENT, "图片的文件类型不被微信接受：正文图片只能是 JPG 或 PNG。请把图片转换成 JPG 或 PNG 后重新提交。"));
        m.put(40007, new Entry(Kind.PERMANENT,
                "素材或草稿的 media_id 无效：它可能已被删除、已被发布消耗、是临时素材，或属于另一个公众号。"
                        + "请检查封面图是否还在公众号素材库中；系统可重新上传封面后再建草稿。"));
        m.put(40009, new Entry(Kind.PERMANENT, "图片太大：正文图片须小于 1MB，封面图须小于 10MB。请压缩图片后重新提交。"));
        m.put(40013, new Entry(Kind.PERMANENT,
                "AppID 无效：请核对本系统配置中的 AppID 是否与 " + CONSOLE_BASIC + " 中显示的开发者ID(AppID)一致。"));
        m.put(40113, new Entry(Kind.PERMANENT, "微信不支持该文件类型。请改用 JPG 或 PNG 图片。"));
        m.put(40114, new Entry(Kind.PERMANENT, "草稿中的文章序号（index）无效。" + CALL_DEVELOPER));
        m.put(40125, new Entry(Kind.PERMANENT,
                "AppSecret 无效：请公众号管理员在 " + CONSOLE_BASIC + " 中核对或重置开发者密码(AppSecret)，并把它填入本系统配置。"));
        m.put(40164, new Entry(Kind.PERMANENT, null));
        m.put(40243, new Entry(Kind.PERMANENT,
                "公众号的 AppSecret 已被冻结：请公众号管理员在 " + CONSOLE_BASIC + " 中解冻 AppSecret 后再试。"));
        m.put(41039, new Entry(Kind.PERMANENT, "“阅读原文”链接（content_source_url）无效。请检查原文链接是否为完整的 http(s) 网址。"));
        m.put(44003, new Entry(Kind.PERMANENT, "草稿中没有有效的文章内容（图文数据为空）。" + CALL_DEVELOPER));
        m.put(45002, new Entry(Kind.PERMANENT, "正文太长：须少于 2 万字且小于 1MB。请删减正文或拆成几篇后重新提交。"));
        m.put(45003, new Entry(Kind.PERMANENT, "标题太长：标题不能超过 " + WeChatLimits.TITLE_CHARS
                + " 个字。请缩短标题后重新提交。"));
        m.put(45004, new Entry(Kind.PERMANENT, "摘要太长：摘要不能超过 " + WeChatLimits.DIGEST_CHARS
                + " 个字。请缩短摘要后重新提交。"));
        m.put(45008, new Entry(Kind.PERMANENT, "一个草稿里的文章太多（最多 " + WeChatLimits.ARTICLES_PER_DRAFT
                + " 篇）。请在配置中减少每个草稿的文章数。"));
    }

    /** Daily quotas, call frequency and mass-send batches. */
    private static void quotaAndBatches(Map<Integer, Entry> m) {
        m.put(45009, new Entry(Kind.QUOTA,
                "该接口今天的调用次数已用完。系统会在北京时间次日零点后自动继续；如果急需，公众号管理员可在 "
                        + CONSOLE_PERMISSIONS + " 中清零调用次数（每月最多 10 次）。"));
        m.put(45011, new Entry(Kind.TRANSIENT, "调用太频繁，已达到每分钟的次数上限。系统会在一分钟后自动重试，无需处理。"));
        m.put(45028, new Entry(Kind.QUOTA, "公众号的群发次数已用完。系统会在北京时间次日零点后自动继续；如果急需，请在公众号后台查看群发额度。"));
        m.put(45065, new Entry(Kind.PERMANENT, "这一批内容已经群发过（群发批次号重复），本次没有重复群发，无需处理。"));
        m.put(45066, new Entry(Kind.TRANSIENT, "同一批群发在一分钟内被重复提交。请一分钟后再试，系统会自动处理。"));
        m.put(45067, new Entry(Kind.PERMANENT, "群发批次号（clientmsgid）过长。" + CALL_DEVELOPER));
    }

    /** Account permissions and state, publishing checks and IP confirmation. */
    private static void accountAndPublishing(Map<Integer, Entry> m) {
        m.put(45103, new Entry(Kind.PERMANENT, "微信已停用该接口。" + CALL_DEVELOPER));
        m.put(45166, new Entry(Kind.PERMANENT,
                "正文内容不合法，被微信拒绝。请检查正文中是否有微信不允许的内容（外部图片、脚本、特殊标签等），修改后重新提交。"));
        m.put(48001, new Entry(Kind.PERMANENT,
                "公众号没有该接口的权限。自 2025 年 7 月起，只有完成微信认证的企业订阅号和服务号可以通过接口发布文章："
                        + "请公众号管理员确认公众号已完成微信认证，并在 " + CONSOLE_PERMISSIONS + " 中查看“发布能力”等权限。"));
        m.put(48006, new Entry(Kind.PERMANENT, "本月清零调用次数的机会（10 次）已用完。请等次日调用次数自动恢复。"));
        m.put(50002, new Entry(Kind.PERMANENT, "公众号已被限制（冻结或注销）。请公众号管理员登录 mp.weixin.qq.com 查看账号状态和通知。"));
        m.put(53402, new Entry(Kind.PERMANENT, "封面图裁剪失败。请换一张比例正常、尺寸不太小的 JPG/PNG 封面图后重新提交。"));
        m.put(53404, new Entry(Kind.PERMANENT, "该公众号已被限制带货，草稿中不能包含商品。请删除商品卡片后重新提交。"));
        m.put(53405, new Entry(Kind.PERMANENT, "草稿中的商品信息有误。请检查商品卡片后重新提交。"));
        m.put(53406, new Entry(Kind.PERMANENT, "该公众号没有开通带货能力，草稿中不能包含商品。请删除商品卡片后重新提交。"));
        m.put(53503, new Entry(Kind.PERMANENT,
                "草稿没有通过微信的发布检查（可能含有违规内容或格式问题）。请在 mp.weixin.qq.com → 草稿箱 中打开该草稿查看提示，修改后再发布。"));
        m.put(53504, new Entry(Kind.PERMANENT, "该草稿只能在公众号后台发布，不能通过接口发布。请公众号管理员登录 mp.weixin.qq.com → 草稿箱 手动发布。"));
        m.put(53505, new Entry(Kind.PERMANENT,
                "该草稿需要先在公众号后台手动保存一次：请公众号管理员在 mp.weixin.qq.com → 草稿箱 中打开该草稿并点击保存，然后再发布。"));
        m.put(53600, new Entry(Kind.PERMANENT, "文章编号（article_id）无效，文章可能已被删除。请在公众号后台 → 发表记录 中核对。"));
        m.put(88000, new Entry(Kind.PERMANENT, "该公众号没有留言功能，不能开启留言。请在配置中关闭“开启留言”后重新提交。"));
        m.put(89503, new Entry(Kind.TRANSIENT,
                "本次调用来自新的服务器 IP，需要公众号管理员确认：请管理员在微信中同意“API 调用 IP 确认”的提醒，之后系统会自动重试。"));
        m.put(89506, new Entry(Kind.PERMANENT,
                "公众号管理员拒绝了本服务器 IP 的接口调用，24 小时内不能再申请。请与管理员确认后，24 小时后再试。"));
        m.put(89507, new Entry(Kind.PERMANENT,
                "公众号管理员拒绝了本服务器 IP 的接口调用，1 小时内不能再申请。请与管理员确认后，1 小时后再试。"));
    }

    /** Every errcode with its own message and kind. */
    public static Set<Integer> knownCodes() {
        return CODES.keySet();
    }

    /** What the code means for the caller, before any per-call adjustment; unknown codes are permanent. */
    public static Kind kindOf(int code) {
        Entry e = CODES.get(code);
        return e == null ? Kind.PERMANENT : e.kind();
    }

    /** The Chinese message for staff, followed by WeChat's own errmsg (scrubbed) for the technical staff. */
    public static String staffMessage(int code, String errmsg) {
        String raw = errmsg == null || errmsg.isBlank() ? "" : LogScrubber.scrub(errmsg.strip());
        String text;
        if (code == 40164) {
            text = whitelistMessage(raw);
        } else if (CODES.containsKey(code)) {
            text = CODES.get(code).message();
        } else {
            text = "微信返回了本系统不认识的错误（错误码 " + code + "）。请把本条信息转给技术人员。";
        }
        return raw.isEmpty() ? text : text + "【微信原文：errcode " + code + "，" + raw + "】";
    }

    private static String whitelistMessage(String errmsg) {
        Matcher m = WHITELIST_IP.matcher(errmsg);
        String ip = m.find() ? "（微信看到的是 " + m.group(1) + "）" : "";
        return "服务器 IP" + ip + "不在公众号的 IP 白名单中：请公众号管理员在 " + CONSOLE_BASIC
                + " → IP白名单 中添加该 IP。";
    }

    /**
     * The exception for a WeChat error code, with the kind from the table and, for quota codes, the time the work
     * may run again (next midnight Beijing time for daily quotas, one minute for per-minute limits).
     */
    public static WeChatException toException(String account, String api, int code, String errmsg, Throwable cause,
                                              Clock clock) {
        return toException(account, api, code, kindOf(code), staffMessage(code, errmsg), cause, clock);
    }

    /** As {@link #toException(String, String, int, String, Throwable, Clock)} with the kind and message given. */
    static WeChatException toException(String account, String api, int code, Kind kind, String staffMessage,
                                       Throwable cause, Clock clock) {
        return new WeChatException(account, api, code, kind, staffMessage, retryAfter(code, kind, clock),
                ScrubbedCause.of(cause));
    }

    static Instant retryAfter(int code, Kind kind, Clock clock) {
        if (kind == Kind.QUOTA) {
            return nextBeijingMidnight(clock);
        }
        if (kind == Kind.TRANSIENT && (code == 45011 || code == 45066)) {
            return clock.instant().plus(Duration.ofMinutes(1));
        }
        return null;
    }

    static Instant nextBeijingMidnight(Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), BEIJING);
        return today.plusDays(1).atStartOfDay(BEIJING).toInstant();
    }
}

package cn.gongkai.wechat;

import cn.gongkai.publish.AccountProbe;
import cn.gongkai.publish.AccountProbe.Check;
import cn.gongkai.publish.WeChatException;
import me.chanjar.weixin.mp.config.WxMpHostConfig;

import java.time.Clock;
import java.util.List;

/**
 * Checks an account without creating or sending anything: {@code stable_token}, {@code draft/count},
 * {@code freepublish/batchget} and {@code openapi/quota/get}; also {@code clear_quota}.
 */
final class AccountProbes {

    private static final String PROBE_TOKEN = "access_token";
    private static final String PROBE_IP = "IP 白名单";
    private static final String PROBE_DRAFT = "草稿箱权限";
    private static final String PROBE_FREEPUBLISH = "发布权限";
    private static final String PROBE_MASS = "群发权限";
    private static final String MASS_SENDALL_PATH = "/cgi-bin/message/mass/sendall";
    private static final int IP_REFUSED = 40164;
    private static final int NO_PERMISSION = 48001;

    private final AccountServices services;
    private final CallRunner runner;
    private final Drafts drafts;
    private final FreePublish freePublish;
    private final Clock clock;

    AccountProbes(AccountServices services, CallRunner runner, Drafts drafts, FreePublish freePublish, Clock clock) {
        this.services = services;
        this.runner = runner;
        this.drafts = drafts;
        this.freePublish = freePublish;
        this.clock = clock;
    }

    /** {@code POST /cgi-bin/clear_quota} with the account's appid; retried only when WeChat certainly did nothing. */
    void clearQuota(String account) {
        GuardedOkHttpService wx = services.of(account);
        String appId = wx.getWxMpConfigStorage().getAppId();
        runner.run(account, "clear_quota", CallPolicy.CAUTIOUS, () -> {
            wx.clearQuota(appId);
            return Boolean.TRUE;
        });
    }

    /** The token first; only when it is had are the draft box, publishing and mass-send permission checked. */
    AccountProbe probe(String account) {
        GuardedOkHttpService wx = services.of(account);
        WeChatException tokenFailure = tokenFailure(account, wx);
        if (tokenFailure != null) {
            return withoutToken(account, tokenFailure);
        }
        Check token = Check.ok(PROBE_TOKEN, "已获取（AppID、AppSecret 正确）");
        Check draft = check(PROBE_DRAFT, () -> drafts.count(account), "草稿箱可用");
        Check freepublish = check(PROBE_FREEPUBLISH, () -> freePublish.list(account, 0, 1), "可以通过接口发布");
        Check mass = check(PROBE_MASS, () -> massPermission(account, wx), "可以通过接口群发");
        Check ip = Check.ok(PROBE_IP, "微信接受本服务器的调用");
        for (Check c : List.of(draft, freepublish, mass)) {
            if (c.code() == IP_REFUSED) {
                ip = Check.failed(PROBE_IP, IP_REFUSED, c.message());
            }
        }
        return new AccountProbe(account, token, ip, draft, freepublish, mass);
    }

    private WeChatException tokenFailure(String account, GuardedOkHttpService wx) {
        try {
            runner.run(account, "stable_token", CallPolicy.IDEMPOTENT, () -> wx.getAccessToken());
            return null;
        } catch (WeChatException e) {
            return e;
        }
    }

    private static AccountProbe withoutToken(String account, WeChatException e) {
        if (e.code() == IP_REFUSED) {
            Check token = Check.failed(PROBE_TOKEN, IP_REFUSED,
                    "未能获取：微信拒绝了本服务器的 IP（errcode 40164），修复方法见“" + PROBE_IP + "”一项。");
            String why = "未检查：获取 access_token 失败，请先解决 IP 白名单的问题。";
            return new AccountProbe(account, token, Check.failed(PROBE_IP, IP_REFUSED, e.staffMessage()),
                    Check.skipped(PROBE_DRAFT, why), Check.skipped(PROBE_FREEPUBLISH, why),
                    Check.skipped(PROBE_MASS, why));
        }
        String why = "未检查：获取 access_token 失败，请先解决上面的问题。";
        return new AccountProbe(account, Check.failed(PROBE_TOKEN, e.code(), e.staffMessage()),
                Check.skipped(PROBE_IP, why), Check.skipped(PROBE_DRAFT, why),
                Check.skipped(PROBE_FREEPUBLISH, why), Check.skipped(PROBE_MASS, why));
    }

    private static Check check(String name, Runnable call, String okDetail) {
        try {
            call.run();
            return Check.ok(name, okDetail);
        } catch (WeChatException e) {
            return Check.failed(name, e.code(), e.staffMessage());
        }
    }

    /**
     * Mass-send permission is missing when {@code openapi/quota/get} for {@code message/mass/sendall} answers 48001
     * or a daily limit of 0 (what WeChat answers for an API the account may not call is not documented).
     */
    private void massPermission(String account, GuardedOkHttpService wx) {
        String url = WxMpHostConfig.buildUrl(wx.getWxMpConfigStorage().getHostConfig(),
                WxMpHostConfig.API_DEFAULT_HOST_URL, "/cgi-bin/openapi/quota/get");
        String answer;
        try {
            answer = runner.run(account, "openapi/quota/get", CallPolicy.IDEMPOTENT,
                    () -> CallRunner.require(wx.post(url, "{\"cgi_path\":\"" + MASS_SENDALL_PATH + "\"}"), "answer"));
        } catch (WeChatException e) {
            if (e.code() == NO_PERMISSION) {
                throw noMassPermission(account, "openapi/quota/get 查询 " + MASS_SENDALL_PATH + " 得到 errcode 48001", e);
            }
            throw e;
        }
        if ("0".equals(Args.field(answer, "quota", "daily_limit"))) {
            throw noMassPermission(account, "openapi/quota/get 答复 " + MASS_SENDALL_PATH + " 的每日上限 daily_limit 为 0",
                    null);
        }
    }

    private WeChatException noMassPermission(String account, String evidence, Throwable cause) {
        return WeChatErrors.toException(account, "openapi/quota/get", NO_PERMISSION, WeChatException.Kind.PERMANENT,
                "公众号没有群发接口（高级群发接口 message/mass/sendall）的权限：只有完成微信认证的订阅号和服务号可以通过接口群发。"
                        + "请公众号管理员确认公众号已完成微信认证，并在 mp.weixin.qq.com → 设置与开发 → 接口权限 中查看“群发与通知”权限。"
                        + "【微信答复：" + evidence + "】", cause, clock);
    }
}

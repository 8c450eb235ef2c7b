package cn.gongkai.wechat;

import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/** WxJava's in-memory config, whose Lombok {@code toString()} would print the AppSecret and the token; ours does not. */
final class MaskedWxConfig extends WxMpDefaultConfigImpl {

    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return "WxMpConfig[appId=" + getAppId() + ", secret=******, accessToken=******]";
    }
}

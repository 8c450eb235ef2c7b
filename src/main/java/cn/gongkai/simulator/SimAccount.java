package cn.gongkai.simulator;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An official account registered in the simulator.
 *
 * @param appId    the AppID callers send
 * @param secret   the AppSecret callers must send with it
 * @param type     subscription or service account
 * @param verified whether the account is verified; unverified accounts get 48001 on {@code freepublish/*} and mass send
 */
public record SimAccount(String appId, String secret, AccountType type, boolean verified) {
    public SimAccount {
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException("appId must not be blank");
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("secret must not be blank for appId " + appId);
        }
        Objects.requireNonNull(type, "type");
    }

    /** The account's original id ({@code gh_...}), used as {@code ToUserName} in pushed events. */
    public String originalId() {
        byte[] bytes = appId.getBytes(StandardCharsets.UTF_8);
        int h = java.util.Arrays.hashCode(bytes);
        return "gh_" + HexFormat.of().toHexDigits(h) + "sim";
    }

    @Override
    public String toString() {
        return "SimAccount[appId=" + appId + ", secret=***, type=" + type + ", verified=" + verified + "]";
    }
}

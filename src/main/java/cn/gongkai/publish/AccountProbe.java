package cn.gongkai.publish;

import java.util.List;

/**
 * What {@code gongkai doctor} learns about one account from WeChat without publishing anything.
 *
 * @param token       an access token could be fetched ({@code stable_token}): AppID, AppSecret and IP are accepted
 * @param ipWhitelist the server IP is in the account's whitelist (failed with 40164 and the IP WeChat saw)
 * @param draft       permission for the draft box ({@code draft/count})
 * @param freepublish permission to publish ({@code freepublish/batchget}; 48001 for unverified accounts)
 * @param massSend    permission to mass-send ({@code openapi/quota/get} for {@code /cgi-bin/message/mass/sendall};
 *                    nothing is sent)
 */
public record AccountProbe(String account, Check token, Check ipWhitelist, Check draft, Check freepublish,
                           Check massSend) {

    /** The checks in the order doctor prints them. */
    public List<Check> checks() {
        return List.of(token, ipWhitelist, draft, freepublish, massSend);
    }

    /** True when no check failed. */
    public boolean ok() {
        return checks().stream().noneMatch(c -> c.status() == Status.FAILED);
    }

    /** Outcome of one check. */
    public enum Status { OK, FAILED, SKIPPED }

    /**
     * One check.
     *
     * @param name    what was checked, in Chinese (e.g. "发布权限")
     * @param code    WeChat's errcode when it failed, else 0
     * @param message for FAILED: the staff message with the fix; for OK: a short detail or empty; for SKIPPED: why
     */
    public record Check(String name, Status status, int code, String message) {
        public Check {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("check name must not be blank");
            }
            if (status == null) {
                throw new IllegalArgumentException("check " + name + " has no status");
            }
            message = message == null ? "" : message;
        }

        public static Check ok(String name, String detail) {
            return new Check(name, Status.OK, 0, detail);
        }

        public static Check failed(String name, int code, String message) {
            return new Check(name, Status.FAILED, code, message);
        }

        public static Check skipped(String name, String why) {
            return new Check(name, Status.SKIPPED, 0, why);
        }
    }
}

package cn.gongkai.web;

import java.util.List;

/**
 * What {@code system.ftlh} shows: the accounts with today's WeChat calls, the staff and API tokens, the password rule,
 * the roles to give, the watchdog's warnings, the state of the service, whether the user is an administrator and,
 * after a connection check, its result (null otherwise).
 */
public record SystemView(List<Account> accounts, List<UserRow> users, List<TokenRow> tokens, String passwordRule,
                         List<RoleOption> roles, List<String> warnings, String database, boolean databaseUp,
                         String configSource, String templatesDir, String timezone, List<String> chain,
                         boolean admin, boolean canProbe, Probe probe) {

    /** An account's settings and today's calls of the APIs that matter for publishing. */
    public record Account(String id, String name, String appId, String mode, String slot, boolean sandbox,
                          boolean dryRun, boolean callback, int perDraft, List<Quota> quotas) {
    }

    /**
     * One API's calls today under its plain name ({@code api} is WeChat's name, for the tooltip); {@code allowed}
     * and {@code left} are numbers, or 不限 when no daily limit applies; {@code low} when less than a fifth is left.
     */
    public record Quota(String label, String api, long used, String allowed, String left, String resets, boolean low) {
    }

    /**
     * A staff account; {@code me} for the logged-in user's own; {@code unit} the unit's name (区政府办 for the
     * office's people) for the district office, who sees everyone, else empty.
     */
    public record UserRow(String name, String role, String roleId, String created, boolean disabled, boolean me,
                          String unit) {
    }

    /** An API token (its id, never its secret). */
    public record TokenRow(String id, String user, String created, String lastUsed) {
    }

    /** A role to give a new user. */
    public record RoleOption(String id, String label) {
    }

    /** The outcome of a connection check of one account. */
    public record Probe(String account, boolean ok, List<Check> checks) {
    }

    /** One step of a connection check: {@code ok}, {@code failed} or {@code skipped}, with its label in Chinese. */
    public record Check(String name, String state, String label, String message, int code) {
    }
}

package cn.gongkai.inspect;

/**
 * An account the inspection looks at.
 *
 * @param listed whether its publications appear in WeChat's published list (freepublish); a mass-only account is
 *               inspected from the ledger alone
 */
public record InspectedAccount(String id, String name, boolean listed) {
}

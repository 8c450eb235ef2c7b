package cn.gongkai.review;

import at.favre.lib.crypto.bcrypt.BCrypt;

/** Hashes passwords and checks them against a stored hash. The default is bcrypt; tests may count the checks. */
public interface PasswordHasher {

    /** A new salted hash of the password. */
    String hash(char[] password);

    /** True when the password matches the hash; false (never an exception) for a malformed hash. */
    boolean verify(char[] password, String hash);

    /** bcrypt with 2^{@code cost} rounds. */
    static PasswordHasher bcrypt(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4..31: " + cost);
        }
        return new PasswordHasher() {
            @Override
            public String hash(char[] password) {
                return BCrypt.withDefaults().hashToString(cost, password);
            }

            @Override
            public boolean verify(char[] password, String hash) {
                return BCrypt.verifyer().verify(password, hash.toCharArray()).verified;
            }
        };
    }
}

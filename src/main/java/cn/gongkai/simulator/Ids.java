package cn.gongkai.simulator;

import java.util.Base64;
import java.util.Random;

/** Random identifiers shaped like WeChat's; callers hold the simulator lock, so one {@link Random} suffices. */
final class Ids {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private final Random random;
    private long nextPublishId = 2247503051L;
    private long nextMsgDataId = 100000001L;
    private long nextMsgId = 1000000001L;

    Ids(long seed) {
        this.random = new Random(seed);
    }

    String token() {
        byte[] bytes = new byte[96];
        random.nextBytes(bytes);
        return "90_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String word(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }

    long publishId() {
        return nextPublishId += 1 + random.nextInt(7);
    }

    long msgDataId() {
        return nextMsgDataId += 1 + random.nextInt(3);
    }

    long msgId() {
        return nextMsgId += 1 + random.nextInt(3);
    }
}

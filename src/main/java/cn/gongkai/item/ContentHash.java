package cn.gongkai.item;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers; the content hash covers every published field in a fixed order, and the 重要 mark. */
public final class ContentHash {
    private ContentHash() {
    }

    static String of(ItemContent c) {
        StringBuilder sb = new StringBuilder();
        field(sb, c.account());
        field(sb, c.category());
        field(sb, c.title());
        field(sb, c.author());
        field(sb, c.department());
        field(sb, c.body());
        for (Note n : c.notes()) {
            field(sb, n.term());
            field(sb, n.explanation());
        }
        sb.append('|');
        for (String g : c.glossary()) {
            field(sb, g);
        }
        sb.append('|');
        for (ItemImage i : c.images()) {
            field(sb, i.sha256());
            field(sb, i.fileName());
            field(sb, i.caption());
            field(sb, i.alt());
        }
        field(sb, c.cover() == null ? "" : c.cover().sha256());
        field(sb, c.docNo());
        field(sb, c.sourceUrl());
        if (c.important()) {
            // only when set, so the hash of ordinary items is what it was before the mark existed
            sb.append("important;");
        }
        // Added later: only present values count, so hashes of items stored before stay the same.
        if (!c.digest().isEmpty()) {
            sb.append("digest=");
            field(sb, c.digest());
        }
        if (c.headingNumbers() != null) {
            sb.append("headingNumbers=").append(c.headingNumbers()).append(';');
        }
        if (c.signed()) {
            sb.append("signature=");
            field(sb, c.signature());
            field(sb, c.signedAt() == null ? "" : c.signedAt().toString());
        }
        return sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void field(StringBuilder sb, String value) {
        sb.append(value.length()).append(':').append(value).append(';');
    }

    /** Hex SHA-256 of the bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}

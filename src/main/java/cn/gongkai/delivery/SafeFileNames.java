package cn.gongkai.delivery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File names that every file system of a shared drive accepts: no folder separators, no characters Windows forbids,
 * no control characters, no leading or trailing dot or space, no reserved device name, at most {@value #MAX_BYTES}
 * bytes in UTF-8 (the extension kept), unique within one package (case-insensitively: {@code 图 (2).jpg}).
 */
final class SafeFileNames {
    static final int MAX_BYTES = 200;
    private static final Pattern FORBIDDEN = Pattern.compile("[<>:\"/\\\\|?*\\p{Cntrl}]");
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    private SafeFileNames() {
    }

    /** Safe and unique names for these names, in the same order. */
    static List<String> assign(List<String> names) {
        Set<String> taken = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String safe = safe(name);
            String candidate = safe;
            for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
                candidate = numbered(safe, n);
            }
            out.add(candidate);
        }
        return out;
    }

    /** One name made safe; an empty result becomes {@code 文件}. */
    static String safe(String name) {
        String s = FORBIDDEN.matcher(name == null ? "" : name).replaceAll("_").strip();
        s = s.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (s.isEmpty()) {
            s = "文件";
        }
        if (RESERVED.matcher(s).matches()) {
            s = "_" + s;
        }
        return shorten(s);
    }

    private static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
    }

    /** Cuts the base name (never the extension, never inside a character) to fit {@value #MAX_BYTES} bytes. */
    private static String shorten(String name) {
        if (bytes(name) <= MAX_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String base = ext.isEmpty() ? name : name.substring(0, dot);
        while (bytes(base) + bytes(ext) > MAX_BYTES) {
            base = base.substring(0, base.offsetByCodePoints(base.length(), -1));
        }
        return base + ext;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}

package cn.gongkai.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps the files an item references inside the item's own folder: a reference must be a plain relative path (no
 * {@code ..} segment, no absolute path, drive letter, UNC or URL form), and its real path — every symbolic link
 * followed — must still lie inside the real path of the folder. A reference that breaks either rule is treated
 * exactly as a missing file, so the answer never says whether a file outside the folder exists.
 */
final class FolderPaths {
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final Pattern SCHEME = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*:.*");

    private FolderPaths() {
    }

    /**
     * True when {@code name} is a relative path that stays below the folder it is resolved against: not blank, no
     * {@code ..} segment (with {@code /} or {@code \} as separator), not absolute, no drive letter, no URL scheme,
     * no {@code ~} home reference and no control characters.
     */
    static boolean isPlainRelative(String name) {
        if (name == null || name.isBlank() || name.startsWith("/") || name.startsWith("\\") || name.startsWith("~")
                || DRIVE.matcher(name).matches() || SCHEME.matcher(name).matches()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return false;
            }
        }
        for (String segment : name.split("[/\\\\]", -1)) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The real path of the regular file {@code name} names inside {@code dir}, or empty when the name is not a plain
     * relative path, the file does not exist, is not a regular file, or its real path leaves the real path of
     * {@code dir} (a symbolic link pointing out). The file outside is never opened.
     */
    static Optional<Path> inside(Path dir, String name) {
        if (!isPlainRelative(name)) {
            return Optional.empty();
        }
        try {
            Path realDir = dir.toRealPath();
            Path real = dir.resolve(name).toRealPath();
            if (!real.startsWith(realDir) || real.equals(realDir)
                    || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            return Optional.of(real);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads at most {@code limit} bytes of a file {@link #inside} returned, without following a link that was put in
     * its place since.
     */
    static byte[] read(Path real, long limit) throws IOException {
        try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit));
        }
    }
}

package cn.gongkai.portal;

/**
 * An item's 报送 package cannot be made (a picture is missing or unreadable, the Word file cannot be written). The
 * message is Chinese, names the item and the problem, and says what to do; nothing of the package is sent.
 */
public final class PackageException extends RuntimeException {
    public PackageException(String message) {
        super(message);
    }

    public PackageException(String message, Throwable cause) {
        super(message, cause);
    }
}

package cn.gongkai.render;

/** An item cannot be turned into an article WeChat accepts; the message says why and by how much, in Chinese. */
public final class RenderException extends RuntimeException {
    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}

package cn.gongkai.render;

/**
 * An article ready for {@code draft/add}.
 *
 * @param html WeChat-safe HTML with inline styles only
 */
public record RenderedArticle(String title, String author, String digest, String html, String contentSourceUrl) {
}

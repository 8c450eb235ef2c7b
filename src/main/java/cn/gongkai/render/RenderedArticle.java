package cn.gongkai.render;

import java.util.List;

/**
 * An article ready for {@code draft/add}.
 *
 * @param html     WeChat-safe HTML with inline styles only
 * @param digest   the staff's own digest, or one made of whole sentences of the first paragraph
 * @param warnings what staff may want to fix although the article can be sent (a note never used in the text, a
 *                 digest taken from the title, an image the template pointed at outside WeChat); Chinese
 */
public record RenderedArticle(String title, String author, String digest, String html, String contentSourceUrl,
                              List<String> warnings) {
    public RenderedArticle {
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
    }

    /** An article without warnings. */
    public RenderedArticle(String title, String author, String digest, String html, String contentSourceUrl) {
        this(title, author, digest, html, contentSourceUrl, List.of());
    }
}

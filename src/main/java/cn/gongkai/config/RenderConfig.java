package cn.gongkai.config;

/**
 * How articles are laid out beyond what the templates say.
 *
 * @param headingNumbers 公文-style heading numbers (一、（一）1.（1）) for every item whose front matter does not set
 *                       {@code heading_numbers}
 */
public record RenderConfig(boolean headingNumbers) {
    /** The built-in default: headings as staff wrote them. */
    public static RenderConfig defaults() {
        return new RenderConfig(false);
    }
}

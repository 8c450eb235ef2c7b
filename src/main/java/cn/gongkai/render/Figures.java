package cn.gongkai.render;

import cn.gongkai.item.ItemImage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Each Markdown image becomes a figure: the image at the address WeChat gave it (or a preview address), its alt
 * text kept, its caption underneath. An image standing alone in a paragraph replaces the paragraph; an image
 * inside a line of text goes right after that paragraph. Images are matched to the item's images by file name,
 * else by order of first appearance (the order the import recorded them in).
 */
final class Figures {
    private static final Evaluator IMAGES = QueryParser.parse("img");

    private Figures() {
    }

    /**
     * Places the figures and returns every {@code src} it issued, for the safety pass (any other image is external).
     */
    static Set<String> place(Element body, List<ItemImage> images, Function<ItemImage, String> imageSrc,
                             Theme theme) {
        Map<String, ItemImage> bySrc = new LinkedHashMap<>();
        List<ItemImage> unclaimed = new ArrayList<>(images);
        Map<ItemImage, String> srcs = new LinkedHashMap<>();
        for (Element img : body.select(IMAGES)) {
            String src = img.attr("src");
            ItemImage image = bySrc.computeIfAbsent(src, s -> claim(s, unclaimed));
            if (image == null) {
                img.remove();
                continue;
            }
            String url = srcs.computeIfAbsent(image, imageSrc);
            Element figure = figure(image, url, theme, "figure", "img", "caption");
            Element parent = img.parent();
            boolean alone = parent != null && parent.normalName().equals("p") && parent.childrenSize() == 1
                    && parent.ownText().isBlank();
            if (alone) {
                parent.replaceWith(figure);
            } else if (parent != null && parent.normalName().equals("p")) {
                img.remove();
                parent.after(figure);
            } else {
                img.replaceWith(figure);
            }
        }
        return Set.copyOf(srcs.values());
    }

    static Element figure(ItemImage image, String src, Theme theme, String figureKey, String imgKey,
                          String captionKey) {
        Element figure = new Element("figure").attr("style", theme.style(figureKey));
        figure.appendChild(new Element("img").attr("src", src)
                .attr("alt", image.alt().isEmpty() ? image.caption() : image.alt())
                .attr("style", theme.style(imgKey)));
        if (!image.caption().isEmpty()) {
            figure.appendChild(new Element("figcaption").attr("style", theme.style(captionKey)).text(image.caption()));
        }
        return figure;
    }

    private static ItemImage claim(String src, List<ItemImage> unclaimed) {
        if (unclaimed.isEmpty()) {
            return null;
        }
        String decoded = URLDecoder.decode(src.replace("+", "%2B"), StandardCharsets.UTF_8);
        String name = decoded.substring(decoded.lastIndexOf('/') + 1);
        ItemImage byName = unclaimed.stream().filter(i -> i.fileName().equals(name)).findFirst()
                .orElse(unclaimed.get(0));
        unclaimed.remove(byName);
        return byName;
    }
}

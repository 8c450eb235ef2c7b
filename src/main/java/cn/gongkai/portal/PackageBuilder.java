package cn.gongkai.portal;

import cn.gongkai.config.PortalConfig;
import cn.gongkai.item.ItemContent;
import cn.gongkai.render.MarkdownTree;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes one item's 报送 package for one portal: the article as a Word file in the 信息 format, the body pictures as
 * files ({@code 图1-说明.jpg}), {@code metadata.json}, the subject from the portal's template and the plain-text
 * summary. The same source gives the same texts and files, so a resend carries what the first attempt did. Pure:
 * reads nothing but the source, writes nothing.
 */
public final class PackageBuilder {
    static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String JSON_TYPE = "application/json";

    /**
     * Builds the package.
     *
     * @throws PackageException when a picture is missing or unreadable, or the Word file cannot be written; the
     *                          Chinese message names the picture or the problem
     */
    public PortalPackage build(PackageSource src, PortalConfig portal) {
        ItemContent c = src.content();
        PackagePictures pictures = PackagePictures.of(c.images(), src.imageBytes());
        MarkdownTree tree = MarkdownTree.parse(c.body(), src.headingNumbers());
        String unit = PackageText.unit(portal, c);
        LocalDate date = src.preparedAt().atZone(src.zone()).toLocalDate();
        byte[] docx = DocxArticle.write(src, tree, pictures, unit, date, portal.contact(), portal.phone());

        List<Attachment> files = new ArrayList<>();
        files.add(new Attachment(PackageNames.docx(c.title()), DOCX_TYPE, docx));
        pictures.all().forEach(p -> files.add(p.attachment()));
        String metadata = PackageMetadata.json(src, portal.id(), portal.name(), unit,
                files.stream().map(Attachment::fileName).toList());
        files.add(new Attachment(PackageMetadata.FILE_NAME, JSON_TYPE, metadata.getBytes(StandardCharsets.UTF_8)));

        String subject = PackageText.subject(portal.subject(), unit, c.title());
        String body = PackageText.plainBody(new PackageText.Summary(portal.name(), c.title(), unit, c.category(),
                c.docNo(), date, src.wechatUrl(), tree.body().text(),
                PackageText.contactLine(portal.contact(), portal.phone())), files);
        return new PortalPackage(src.itemId(), portal.id(), c.title(), subject, body, metadata, files);
    }
}

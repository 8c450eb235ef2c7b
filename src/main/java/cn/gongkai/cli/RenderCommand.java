package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.config.AccountConfig;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemContent;
import cn.gongkai.item.ItemImage;
import cn.gongkai.item.WeChatLimits;
import cn.gongkai.publish.PhonePreview;
import cn.gongkai.render.ImagePreparer;
import cn.gongkai.render.PreviewPage;
import cn.gongkai.render.RenderedArticle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gongkai render ID [--out FILE] [--preview-to NAME [--keep-draft]]}: the article HTML as WeChat will get it,
 * a phone-width preview page, and a real preview sent to a reviewer's WeChat.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"输出稿件排版后的文章 HTML（即发给微信的内容），并生成手机宽度的预览页。",
                "文章中的图片地址为占位地址，发布时换成微信图片地址；预览页中图片内嵌显示，并示意封面裁剪和摘要。",
                "--preview-to 把文章发到审核人的手机微信上预览（建临时草稿 → 群发预览 → 删除草稿），不发布、不计数。"})
final class RenderCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "稿件编号")
    long id;

    @Option(names = "--out", paramLabel = "FILE", description = "写入该文件，并在旁边写 FILE 的 -preview.html 预览页")
    Path out;

    @Option(names = "--preview-to", paramLabel = "NAME",
            description = "发到该审核人的手机微信预览；NAME 为配置 accounts[].preview-to 中的名称")
    String previewTo;

    @Option(names = "--keep-draft", description = "预览后把草稿留在公众号后台草稿箱（默认删除）")
    boolean keepDraft;

    @CommandLine.Mixin
    UnitOption unit;

    @Override
    public Integer call() {
        try (Wiring w = Cli.wire(spec)) {
            DisclosureItem item = unit.item(w, id);
            String accountName = w.config().account(item.content().account())
                    .map(a -> a.name()).orElse(item.content().account());
            RenderedArticle a = w.renderer().render(item.content(), accountName, RenderCommand::placeholder);
            PrintWriter stdout = spec.commandLine().getOut();
            if (previewTo != null) {
                sendPreview(w, item, stdout);
                if (out == null) {
                    return ExitCodes.OK;
                }
            }
            if (out == null) {
                stdout.println(a.html());
                warnings(a, spec.commandLine().getErr());
                return ExitCodes.OK;
            }
            Path preview = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.html?$", "")
                    + "-preview.html");
            try {
                if (out.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(out.toAbsolutePath().getParent());
                }
                Files.writeString(out, a.html(), StandardCharsets.UTF_8);
                Files.writeString(preview, previewPage(w, item.content(), a), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserError("无法写入 " + out + "：" + e.getMessage());
            }
            stdout.println("文章：" + out + "（" + a.html().length() + " 字符，微信上限 " + WeChatLimits.CONTENT_CHARS
                    + "）");
            stdout.println("预览：" + preview);
            stdout.println("摘要：" + a.digest());
            if (previewTo == null) {
                warnings(a, stdout);
            }
            return ExitCodes.OK;
        }
    }

    private void sendPreview(Wiring w, DisclosureItem item, PrintWriter stdout) {
        AccountConfig account = w.config().account(item.content().account())
                .orElseThrow(() -> new UserError("稿件 " + id + " 的公众号“" + item.content().account() + "”未配置"));
        String recipient = account.previewTo().get(previewTo);
        if (recipient == null) {
            throw new UserError("公众号“" + account.name() + "”的预览接收人中没有“" + previewTo + "”"
                    + (account.previewTo().isEmpty() ? "（尚未配置，请在配置文件 accounts[].preview-to 中添加“名称: 微信号”）"
                    : "（已配置：" + String.join("、", new TreeSet<>(account.previewTo().keySet())) + "）"));
        }
        PhonePreview.Sent sent = w.phonePreview().send(account, item.content(), recipient, keepDraft);
        stdout.println("已发送预览给 " + previewTo + "（" + (AccountConfig.isOpenId(recipient) ? "openid" : "微信号") + " "
                + recipient + "），请在手机微信中查看。"
                + (sent.draftDeleted() ? "临时草稿已删除。" : "草稿留在草稿箱：media_id " + sent.draftMediaId() + "。"));
        for (String warning : sent.warnings()) {
            stdout.println("提示：" + warning);
        }
    }

    private static void warnings(RenderedArticle a, PrintWriter to) {
        for (String warning : a.warnings()) {
            to.println("提示：" + warning);
        }
    }

    /** Stands in for the uploadimg URL WeChat will issue; about as long, so the size check is realistic. */
    static String placeholder(ItemImage img) {
        return "http://mmbiz.qpic.cn/sz_mmbiz_jpg/preview-" + img.sha256().substring(0, 40) + "/0?wx_fmt=jpeg";
    }

    /**
     * The article as a phone shows it: the feed card (cover cut to 2.35:1 as {@code pic_crop_235_1} says, title,
     * digest), then the article with every image inlined.
     */
    private static String previewPage(Wiring w, ItemContent item, RenderedArticle a) {
        ImagePreparer preparer = new ImagePreparer();
        List<ItemImage> images = new ArrayList<>(item.images());
        w.renderer().qrCode(item.account()).ifPresent(images::add);
        String html = a.html();
        for (ItemImage img : images) {
            html = html.replace(placeholder(img), dataUri(preparer.prepare(img, bytes(w, img))));
        }
        ItemImage cover = item.effectiveCover();
        ImagePreparer.Prepared coverImage = cover == null ? preparer.defaultCover()
                : preparer.prepare(cover, bytes(w, cover));
        String accountName = w.config().account(item.account()).map(AccountConfig::name).orElse(item.account());
        LocalDate today = LocalDate.now(w.clock().withZone(w.config().timezone()));
        return PreviewPage.html(a, html, dataUri(coverImage), accountName, today);
    }

    private static byte[] bytes(Wiring w, ItemImage img) {
        return w.images().get(img.sha256())
                .orElseThrow(() -> new UserError("图片“" + img.fileName() + "”的文件在库中缺失（" + img.sha256() + "）"));
    }

    private static String dataUri(ImagePreparer.Prepared p) {
        return "data:" + p.mimeType() + ";base64," + Base64.getEncoder().encodeToString(p.bytes());
    }
}

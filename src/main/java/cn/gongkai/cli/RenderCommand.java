package cn.gongkai.cli;

import cn.gongkai.Wiring;
import cn.gongkai.item.DisclosureItem;
import cn.gongkai.item.ItemImage;
import cn.gongkai.render.ImagePreparer;
import cn.gongkai.render.RenderedArticle;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gongkai render ID [--out FILE]}: the article HTML as WeChat will get it, and a phone-width preview. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"输出稿件排版后的文章 HTML（即发给微信的内容），并生成手机宽度的预览页。",
                "文章中的图片地址为占位地址，发布时换成微信图片地址；预览页中图片内嵌显示。"})
final class RenderCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "稿件编号")
    long id;

    @Option(names = "--out", paramLabel = "FILE", description = "写入该文件，并在旁边写 FILE 的 -preview.html 预览页")
    Path out;

    @Override
    public Integer call() {
        try (Wiring w = Cli.contextOf(spec).wire(Cli.configOf(spec), ItemCommands.NO_POLLING)) {
            DisclosureItem item = w.database().items().find(id)
                    .orElseThrow(() -> new UserError("稿件 " + id + " 不存在"));
            String accountName = w.config().account(item.content().account())
                    .map(a -> a.name()).orElse(item.content().account());
            ImagePreparer preparer = new ImagePreparer();
            RenderedArticle a = w.renderer().render(item.content(), accountName, RenderCommand::placeholder);
            PrintWriter stdout = spec.commandLine().getOut();
            if (out == null) {
                stdout.println(a.html());
                return ExitCodes.OK;
            }
            Path preview = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.html?$", "")
                    + "-preview.html");
            try {
                if (out.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(out.toAbsolutePath().getParent());
                }
                Files.writeString(out, a.html(), StandardCharsets.UTF_8);
                String previewHtml = a.html();
                for (ItemImage img : item.content().images()) {
                    previewHtml = previewHtml.replace(placeholder(img), dataUri(w, preparer, img));
                }
                Files.writeString(preview, previewPage(a.title(), previewHtml), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserError("无法写入 " + out + "：" + e.getMessage());
            }
            stdout.println("文章：" + out + "（" + a.html().length() + " 字符）");
            stdout.println("预览：" + preview);
            stdout.println("摘要：" + a.digest());
            return ExitCodes.OK;
        }
    }

    /** Stands in for the uploadimg URL WeChat will issue; about as long, so the size check is realistic. */
    private static String placeholder(ItemImage img) {
        return "http://mmbiz.qpic.cn/sz_mmbiz_jpg/preview-" + img.sha256().substring(0, 40) + "/0?wx_fmt=jpeg";
    }

    private static String dataUri(Wiring w, ImagePreparer preparer, ItemImage img) {
        byte[] bytes = w.database().images().get(img.sha256())
                .orElseThrow(() -> new UncheckedIOException(new IOException("image missing: " + img.sha256())));
        ImagePreparer.Prepared p = preparer.prepare(img, bytes);
        return "data:" + p.mimeType() + ";base64," + Base64.getEncoder().encodeToString(p.bytes());
    }

    private static String previewPage(String rawTitle, String html) {
        String title = rawTitle.replace("&", "&amp;").replace("<", "&lt;");
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>" + title + "（预览）</title></head>"
                + "<body style=\"margin:0;background:#ededed;\"><div style=\"max-width:375px;margin:0 auto;"
                + "background:#fff;padding:20px 16px;\"><h1 style=\"font-size:22px;line-height:1.4;margin:0 0 12px;\">"
                + title + "</h1>" + html + "</div></body></html>";
    }
}

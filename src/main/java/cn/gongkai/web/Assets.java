package cn.gongkai.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The console's scripts ({@code GET /assets/NAME.js}), from {@code templates/console/assets/} (staff may edit them
 * beside the pages) or else the jar's copy. The pages carry no inline script, so the Content-Security-Policy can
 * allow scripts from this site only; these files are what runs.
 */
final class Assets {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}\\.js");

    private final Path folder;

    /** @param consoleTemplates the folder of the console's templates ({@code templates/console}) */
    Assets(Path consoleTemplates) {
        this.folder = consoleTemplates.resolve("assets");
    }

    void register(RoutesConfig routes) {
        routes.get("/assets/{name}", this::serve);
    }

    private void serve(Context ctx) {
        String name = ctx.pathParam("name");
        if (!NAME.matcher(name).matches()) {
            throw new NotFound("控制台没有文件“" + name + "”");
        }
        byte[] bytes = read(name);
        if (bytes == null) {
            throw new NotFound("控制台没有文件“" + name + "”");
        }
        ctx.header("Cache-Control", "private, max-age=300");
        ctx.contentType("text/javascript;charset=utf-8").result(bytes);
    }

    private byte[] read(String name) {
        try {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                return Files.readAllBytes(file);
            }
            try (InputStream in = Assets.class.getResourceAsStream("/templates/console/assets/" + name)) {
                return in == null ? null : in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("console asset " + name + " unreadable", e);
        }
    }
}

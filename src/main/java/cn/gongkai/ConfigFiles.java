package cn.gongkai;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.ConfigException;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.item.ItemImage;
import cn.gongkai.render.ImagePreparer;
import cn.gongkai.render.RenderException;
import cn.gongkai.render.RenderSettings;
import cn.gongkai.review.HolidayCalendar;
import cn.gongkai.review.checks.WordList;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link Wiring} reads or makes once at start beside the configuration itself: the files it names (the 错敏字
 * list, the accounts' QR codes), the simulator's account secrets, the callback confirmation thread.
 */
final class ConfigFiles {
    /** How the calendar bundled in the jar is named in messages. */
    static final String BUNDLED_HOLIDAYS = "内置节假日表（程序自带的 config/holidays.yml）";

    private ConfigFiles() {
    }

    /**
     * The 错敏字 list: {@code checks.words-file} when set (it must exist), else {@code checks/words.txt} of the
     * templates folder, else the copy in the jar.
     */
    static WordList wordList(GongkaiConfig cfg) {
        String configured = cfg.review().wordsFile();
        Path file = configured.isEmpty() ? cfg.templatesDir().resolve("checks").resolve("words.txt")
                : Path.of(configured);
        try {
            if (Files.isRegularFile(file)) {
                return WordList.load(file);
            }
            if (!configured.isEmpty()) {
                throw new ConfigException("checks.words-file", configured, "错敏字表文件不存在");
            }
            try (InputStream in = ConfigFiles.class.getResourceAsStream("/templates/checks/words.txt")) {
                return in == null ? WordList.empty()
                        : WordList.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "内置错敏字表");
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException("checks.words-file", file.toString(), "错敏字表格式错误：" + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the word list " + file, e);
        }
    }

    /**
     * The holiday notices' calendar: {@code review.holidays-file} when that file exists, else the copy in the jar
     * (config/holidays.yml as shipped).
     */
    static HolidayCalendar holidays(GongkaiConfig cfg) {
        Path file = Path.of(cfg.review().holidaysFile());
        try {
            if (Files.isRegularFile(file)) {
                return HolidayCalendar.load(file);
            }
            try (InputStream in = ConfigFiles.class.getResourceAsStream("/holidays.yml")) {
                if (in == null) {
                    throw new IllegalStateException("the jar has no holidays.yml");
                }
                return HolidayCalendar.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUNDLED_HOLIDAYS);
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException("review.holidays-file", file.toString(), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the holiday calendar " + file, e);
        }
    }

    /** The configured render choices, with each account's QR code read from the templates folder. */
    static RenderSettings renderSettings(GongkaiConfig cfg, Map<String, byte[]> qrBytes) {
        Map<String, ItemImage> qrCodes = new LinkedHashMap<>();
        ImagePreparer preparer = new ImagePreparer();
        for (AccountConfig a : cfg.accounts()) {
            if (a.qrCode().isEmpty()) {
                continue;
            }
            Path file = cfg.templatesDir().resolve(a.qrCode());
            String key = "accounts[" + a.id() + "].qr-code";
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new ConfigException(key, a.qrCode(), "二维码图片 " + file.toAbsolutePath() + " 不存在或无法读取");
            }
            try {
                ItemImage qr = preparer.describe(file.getFileName().toString(), bytes, "", a.name() + "二维码");
                qrCodes.put(a.id(), qr);
                qrBytes.put(qr.sha256(), bytes);
            } catch (RenderException e) {
                throw new ConfigException(key, a.qrCode(), e.getMessage());
            }
        }
        return new RenderSettings(cfg.render().headingNumbers(), qrCodes);
    }

    /** A fresh secret for a sandbox account registered with the simulator. */
    static String randomSecret() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * One thread that asks WeChat how a job ended after its PUBLISHJOBFINISH event, so the callback answers at once;
     * at most 100 checks wait, more are left to the status job (the batch is due for it anyway).
     */
    static java.util.concurrent.ThreadPoolExecutor confirmationExecutor() {
        java.util.concurrent.ThreadPoolExecutor executor = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0,
                java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(100), r -> {
                    Thread t = new Thread(r, "gongkai-callback-confirm");
                    t.setDaemon(true);
                    return t;
                });
        return executor;
    }
}

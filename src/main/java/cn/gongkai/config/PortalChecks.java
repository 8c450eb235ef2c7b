package cn.gongkai.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the {@code portals:} list against the rest of the configuration: ids unique, categories configured, the
 * settings of the chosen delivery complete (a blank mail host, the sandbox mailbox, only in sandbox mode; a webhook
 * over https, or http to this machine only), a relative folder resolved against the data directory. Without a
 * {@code portals:} key, a sandbox instance keeps the built-in portal and a production instance has none. An internal
 * portal ({@code delivery: internal}) needs only its receiving unit, checked against the units by
 * {@link #checkInternal}.
 */
final class PortalChecks {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final boolean sandbox;
    private final Path dataDir;
    private final List<String> categories;

    PortalChecks(boolean sandbox, Path dataDir, List<String> categories) {
        this.sandbox = sandbox;
        this.dataDir = dataDir;
        this.categories = categories;
    }

    /** The portals to use: checked, with folders resolved; {@code given} says whether the file wrote the key. */
    List<PortalConfig> checked(List<PortalConfig> portals, boolean given) {
        if (portals == null || !given && !sandbox) {
            return List.of();
        }
        List<PortalConfig> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < portals.size(); i++) {
            PortalConfig p = portals.get(i);
            String at = "portals[" + i + "]";
            if (!ids.add(p.id())) {
                throw new ConfigException(at + ".id", p.id(), "门户编号重复，每个接收单位要有自己的编号");
            }
            for (String category : p.categories()) {
                if (!categories.contains(category)) {
                    throw new ConfigException(at + ".categories", category, "不是已配置的分类（可用："
                            + String.join("、", categories) + "）；不写或写 [] 表示所有分类");
                }
            }
            out.add(delivery(p, at));
        }
        return List.copyOf(out);
    }

    private PortalConfig delivery(PortalConfig p, String at) {
        return switch (p.delivery()) {
            case EMAIL -> email(p, at + ".email");
            case WEBHOOK -> webhook(p, at + ".webhook");
            case FOLDER -> folder(p, at + ".folder");
            case INTERNAL -> {
                PortalConfig.Internal internal = required(p.internal(), at + ".internal",
                        "报送方式为 internal 时请写上接收的单位，例如 internal: {unit: qzfb}");
                if (internal.unit().isEmpty()) {
                    throw new ConfigException(at + ".internal.unit", "", "请写上接收报送的单位编号（units: 中的 id），例如 qzfb");
                }
                yield p;
            }
        };
    }

    /**
     * Checks each internal portal against the units, once they are known: the receiving unit
     * ({@code portals[].internal.unit}) exists, is not the unit whose {@code portals:} lists the portal, and has an
     * account (adopting an item makes a draft on its first account).
     */
    static void checkInternal(List<PortalConfig> portals, List<UnitConfig> units) {
        for (PortalConfig p : portals) {
            String at = "portals[" + p.id() + "].internal.unit";
            String to = p.receivingUnit().orElse(null);
            if (to == null) {
                continue;
            }
            UnitConfig receiver = units.stream().filter(u -> u.id().equals(to)).findFirst()
                    .orElseThrow(() -> new ConfigException(at, to, "没有这个单位（已配置："
                            + String.join("、", units.stream().map(UnitConfig::id).toList())
                            + "）；internal 报送只能发给本实例 units: 中的单位"));
            if (receiver.hasPortal(p.id())) {
                throw new ConfigException(at, to, "接收单位就是报送单位本身（units 中 " + to + " 的 portals 列有 " + p.id()
                        + "）；请写区政府办等其他单位的编号");
            }
            if (receiver.accounts().isEmpty()) {
                throw new ConfigException(at, to, "单位 " + to + " 没有公众号：采用报送的稿件要在它的第一个公众号上起草，"
                        + "请在 units 中给它写上 accounts");
            }
        }
    }

    private PortalConfig email(PortalConfig p, String at) {
        PortalConfig.Email e = required(p.email(), at, "报送方式为 email 时请写上邮件设置（host、from、to……）");
        if (e.sandbox() && !sandbox) {
            throw new ConfigException(at + ".host", "", "请写上邮件服务器地址；不写地址（发到内置的沙箱邮箱）只能在沙箱模式下使用");
        }
        if (!e.sandbox() && (e.port() < 1 || e.port() > 65535)) {
            throw new ConfigException(at + ".port", String.valueOf(e.port()), "端口应在 1–65535 之间，例如 587（starttls）或 465（ssl）");
        }
        if (!mailbox(e.from())) {
            throw new ConfigException(at + ".from", e.from(), "请写上发件地址，例如 xxgk@hongqi-swj.gov.cn");
        }
        if (e.to().isEmpty() || !e.to().stream().allMatch(PortalChecks::mailbox)) {
            throw new ConfigException(at + ".to", String.valueOf(e.to()), "请写上区政府办的收件地址（一个或多个），例如 [xxbs@hongqi.gov.cn]");
        }
        if (!e.cc().stream().allMatch(PortalChecks::mailbox)) {
            throw new ConfigException(at + ".cc", String.valueOf(e.cc()), "抄送地址写错了，例如 [bgs@hongqi-swj.gov.cn]，不抄送就写 []");
        }
        return p;
    }

    private static boolean mailbox(String address) {
        return address != null && address.matches("[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+");
    }

    private PortalConfig webhook(PortalConfig p, String at) {
        PortalConfig.Webhook w = required(p.webhook(), at, "报送方式为 webhook 时请写上 url");
        URI uri;
        try {
            uri = URI.create(w.url());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean local = uri != null && uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (uri == null || uri.getHost() == null || !scheme.equals("https") && !(scheme.equals("http") && local)) {
            throw new ConfigException(at + ".url", w.url(), "应为 https:// 开头的地址（http:// 只能用于本机 127.0.0.1 或 localhost 上的中转）");
        }
        if (w.secret().isEmpty()) {
            throw new ConfigException(at + ".secret", w.secret().toString(), "请在环境变量 "
                    + ConfigTree.envName(at.replace("[", ".").replace("]", "") + ".secret") + " 中设置签名密钥");
        }
        return p;
    }

    private PortalConfig folder(PortalConfig p, String at) {
        PortalConfig.Folder f = required(p.folder(), at, "报送方式为 folder 时请写上 dir");
        if (f.dir().toString().isBlank()) {
            throw new ConfigException(at + ".dir", "", "请写上报送文件夹，例如 ${data-dir}/portal-out 或共享盘路径");
        }
        return f.dir().isAbsolute() ? p : p.withFolder(new PortalConfig.Folder(dataDir.resolve(f.dir()).normalize()));
    }

    private static <T> T required(T section, String at, String message) {
        if (section == null) {
            throw new ConfigException(at, message);
        }
        return section;
    }
}

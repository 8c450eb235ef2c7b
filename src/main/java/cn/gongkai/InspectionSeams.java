package cn.gongkai;

import cn.gongkai.config.AccountConfig;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.config.PortalConfig;
import cn.gongkai.config.UnitConfig;
import cn.gongkai.inspect.ArticleFindings;
import cn.gongkai.inspect.InspectedAccount;
import cn.gongkai.inspect.InspectionExport;
import cn.gongkai.inspect.InspectionStore;
import cn.gongkai.inspect.Inspector;
import cn.gongkai.inspect.LinkJudge;
import cn.gongkai.inspect.PublishedPull;
import cn.gongkai.inspect.UnitName;
import cn.gongkai.inspect.WordFindings;
import cn.gongkai.probe.HttpLinkProbe;
import cn.gongkai.publish.WeChatGateway;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the inspection of published articles meets the parts built beside it: the WeChat port, the store, the word
 * list of the pre-publish checks and the HTTP link probe. In the sandbox the probe visits only the simulator (on this
 * machine, allowed by name); every other link is left unchecked (演示模式).
 */
final class InspectionSeams {

    private InspectionSeams() {
    }

    /**
     * The inspector of every configured account; {@code simulator} gives the sandbox simulator's URL, if any — asked
     * only when a link is judged, so that reading the stored findings ({@code inspect report}) starts no simulator.
     */
    static Inspector inspector(GongkaiConfig config, WeChatGateway wechat, InspectionStore store,
                               Supplier<Optional<String>> simulator, Clock clock) {
        var accounts = config.accounts().stream().map(a -> new InspectedAccount(a.id(), a.name(),
                listed(a))).toList();
        Lazy<Optional<String>> simulatorBase = Lazy.of("simulator address", simulator);
        Lazy<HttpLinkProbe> probe = Lazy.of("link probe", () -> probe(simulatorBase.get()));
        LinkJudge links = new LinkJudge(url -> probe.get().probe(url), store,
                url -> simulatorBase.get().isEmpty() || url.startsWith(simulatorBase.get().get() + "/"),
                config.timezone(), clock);
        return new Inspector(accounts, new PublishedPull(wechat, store, clock),
                new ArticleFindings(new WordFindings(ConfigFiles.wordList(config)), links), store, config.timezone(),
                clock);
    }

    /** The export under the unit's name ({@code factsDir}: the annual report facts files). */
    static InspectionExport export(GongkaiConfig config, Path factsDir) {
        if (config.units().size() > 1) {
            // A district: each account under its own unit's name, as the configuration names it.
            return new InspectionExport(account -> config.unitOfAccount(account).map(UnitConfig::name).orElse(""),
                    config.timezone());
        }
        return new InspectionExport(UnitName.of(factsDir, config.portals().stream().map(PortalConfig::unit).toList()),
                config.timezone());
    }

    private static boolean listed(AccountConfig a) {
        return a.mode().contains("freepublish");
    }

    private static HttpLinkProbe probe(Optional<String> simulatorBase) {
        if (simulatorBase.isEmpty()) {
            return HttpLinkProbe.publicOnly();
        }
        URI sim = URI.create(simulatorBase.get());
        return new HttpLinkProbe(uri -> sim.getHost().equalsIgnoreCase(uri.getHost()) && sim.getPort() == uri.getPort()
                && "http".equalsIgnoreCase(uri.getScheme()));
    }
}

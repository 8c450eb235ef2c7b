package cn.gongkai.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The WeChat endpoints the simulator answers, by name ({@code draft/add}), with how each is guarded. */
final class Endpoints {
    /** An endpoint operation; runs under the simulator lock. */
    interface Operation {
        Reply apply(Call call);
    }

    /**
     * @param authenticated  needs a valid {@code access_token}
     * @param publishing     refused with 48001 for unverified accounts
     */
    record Route(String name, boolean authenticated, boolean publishing, Operation operation) {
    }

    private static final String PREFIX = "/cgi-bin/";
    private final Map<String, Route> routes = new LinkedHashMap<>();

    Endpoints(TokenApi token, MaterialApi material, DraftApi draft, PublishApi publish, MassApi mass,
              QuotaApi quota) {
        add(new Route("token", false, false, token::token));
        add(new Route("stable_token", false, false, token::stableToken));
        add(new Route("clear_quota", true, false, token::clearQuota));
        add(new Route("media/uploadimg", true, false, material::uploadImg));
        add(new Route("material/add_material", true, false, material::addMaterial));
        add(new Route("draft/add", true, false, draft::add));
        add(new Route("draft/get", true, false, draft::get));
        add(new Route("draft/update", true, false, draft::update));
        add(new Route("draft/delete", true, false, draft::delete));
        add(new Route("draft/count", true, false, draft::count));
        add(new Route("draft/batchget", true, false, draft::batchGet));
        add(new Route("freepublish/submit", true, true, publish::submit));
        add(new Route("freepublish/get", true, true, publish::get));
        add(new Route("freepublish/batchget", true, true, publish::batchGet));
        add(new Route("freepublish/getarticle", true, true, publish::getArticle));
        add(new Route("freepublish/delete", true, true, publish::delete));
        add(new Route("message/mass/sendall", true, true, mass::sendAll));
        add(new Route("message/mass/preview", true, true, mass::preview));
        add(new Route("openapi/quota/get", true, false, call -> quota.get(call, this)));
    }

    private void add(Route route) {
        routes.put(route.name(), route);
    }

    Optional<Route> route(String path) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return Optional.ofNullable(routes.get(normalise(path)));
    }

    /** {@code /cgi-bin/draft/add}, {@code cgi-bin/draft/add/} and {@code draft/add} all name {@code draft/add}. */
    static String normalise(String endpoint) {
        String e = endpoint.trim();
        while (e.startsWith("/")) {
            e = e.substring(1);
        }
        if (e.startsWith("cgi-bin/")) {
            e = e.substring("cgi-bin/".length());
        }
        while (e.endsWith("/")) {
            e = e.substring(0, e.length() - 1);
        }
        return e.isEmpty() ? "*" : e;
    }
}

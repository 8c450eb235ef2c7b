package cn.gongkai.cluster;

import cn.gongkai.Serve;
import cn.gongkai.Wiring;
import cn.gongkai.config.ConfigLoader;
import cn.gongkai.publish.BoundaryListener;
import cn.gongkai.simulator.WeChatSimulator;
import cn.gongkai.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * One {@code serve} node of the two-node tests: a {@link Wiring} with its {@link Serve} (console, REST API, callback
 * route and the clustered Quartz scheduler) started from its own configuration file ({@link NodeConfig}).
 */
record ClusterNode(String name, Path config, Wiring wiring, Serve serve) implements AutoCloseable {

    /** Starts the node as {@code serve} does, telling {@code boundaries} of each step its publisher takes. */
    static ClusterNode start(String name, Path config, BoundaryListener boundaries) {
        Wiring w = new Wiring(new ConfigLoader(Map.of()).load(config), Clock.systemUTC(), Wiring.servicePolling(),
                boundaries);
        return new ClusterNode(name, config, w, w.serve(Path.of("config/report").toAbsolutePath()));
    }

    /** Starts the node as {@code serve} does. */
    static ClusterNode start(String name, Path config) {
        return start(name, config, BoundaryListener.NONE);
    }

    /**
     * Points WeChat's callbacks of the accounts at the nodes in turn, the first account's at {@code nodes.get(first)}:
     * behind one address, either node receives a publish result.
     */
    static void alternateCallbacks(WeChatSimulator sim, List<ClusterNode> nodes, List<String> accounts, int first) {
        for (int i = 0; i < accounts.size(); i++) {
            ClusterNode to = nodes.get((first + i) % nodes.size());
            sim.setCallback(NodeConfig.appId(accounts.get(i)), to.serve().callbackUrl(accounts.get(i)),
                    NodeConfig.CALLBACK_TOKEN);
        }
    }

    /** Stops the nodes, then the database and the simulator (each may be null when the start failed early). */
    static void stopAll(List<ClusterNode> nodes, Database db, WeChatSimulator sim) {
        nodes.forEach(ClusterNode::close);
        if (db != null) {
            db.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + serve.port() + path;
    }

    @Override
    public void close() {
        serve.close();
        wiring.close();
    }
}

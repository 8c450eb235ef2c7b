package cn.gongkai.cluster;

import cn.gongkai.Serve;
import cn.gongkai.Wiring;
import cn.gongkai.config.ConfigLoader;
import cn.gongkai.publish.BoundaryListener;
import java.nio.file.Path;
import java.time.Clock;
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

    String url(String path) {
        return "http://127.0.0.1:" + serve.port() + path;
    }

    @Override
    public void close() {
        serve.close();
        wiring.close();
    }
}

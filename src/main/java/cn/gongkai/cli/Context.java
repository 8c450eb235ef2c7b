package cn.gongkai.cli;

import cn.gongkai.Prewarm;
import cn.gongkai.Wiring;
import cn.gongkai.config.ConfigLoader;
import cn.gongkai.config.GongkaiConfig;
import cn.gongkai.publish.PollPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** What every command shares: the --config option, the environment, the clock and standard input. */
final class Context {
    private final Map<String, String> env;
    private final Clock clock;
    private final java.io.InputStream stdin;

    Context(Map<String, String> env, Clock clock) {
        this(env, clock, System.in);
    }

    Context(Map<String, String> env, Clock clock, java.io.InputStream stdin) {
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.stdin = stdin;
    }

    /** The environment the command was started with (GONGKAI_* keys override the configuration). */
    Map<String, String> env() {
        return env;
    }

    /** Standard input (passwords are read from it when it is not a terminal). */
    java.io.InputStream stdin() {
        return stdin;
    }

    GongkaiConfig config(Path file) {
        Prewarm.await();
        return Prewarm.config(file, env).orElseGet(() -> new ConfigLoader(env).load(file));
    }

    /** The configuration with some keys overridden as if by environment variables. */
    GongkaiConfig config(Path file, Map<String, String> overrides) {
        Prewarm.await();
        Map<String, String> merged = new java.util.HashMap<>(env);
        merged.putAll(overrides);
        return new ConfigLoader(merged).load(file);
    }

    Wiring wire(Path file, PollPolicy poll) {
        return new Wiring(config(file), clock, poll);
    }

    Wiring wire(GongkaiConfig config, PollPolicy poll) {
        Prewarm.await();
        return new Wiring(config, clock, poll);
    }

    Clock clock() {
        return clock;
    }
}

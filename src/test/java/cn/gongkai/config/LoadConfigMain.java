package cn.gongkai.config;

import java.nio.file.Path;
import java.util.Map;

/** Loads the configuration file named by the argument and prints its web settings (ConfigYamlTest, a fresh JVM). */
final class LoadConfigMain {
    private LoadConfigMain() {
    }

    public static void main(String[] args) {
        System.out.println(new ConfigLoader(Map.of()).load(Path.of(args[0])).web());
    }
}

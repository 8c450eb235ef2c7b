package cn.gongkai.schedule;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Quartz instance id of each scheduler this process starts: host, process id, a counter and the start time, so
 * that two nodes never share one, even two started in the same millisecond or in one JVM (Quartz's own AUTO id is
 * the host and the time only). Quartz's cluster tells a live member from a dead one by this id's check-ins.
 */
final class NodeIds {
    private static final AtomicInteger STARTED = new AtomicInteger();

    private NodeIds() {
    }

    static String next() {
        String id = host() + "-" + ProcessHandle.current().pid() + "-" + STARTED.incrementAndGet() + "-"
                + System.currentTimeMillis();
        return id.length() <= 180 ? id : id.substring(id.length() - 180);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}

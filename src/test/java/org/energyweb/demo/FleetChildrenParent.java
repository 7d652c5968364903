package org.energyweb.demo;

import org.energyweb.peers.AnvilPeer;
import org.energyweb.peers.KafkaBroker;
import org.energyweb.peers.PostgresServer;

import java.nio.file.Path;
import java.util.List;

/**
 * A parent JVM starting the children of {@code energyweb demo --fleet} through the demo's own code (a
 * KRaft broker, PostgreSQL, anvil, js-ipfs when installed, an {@code anchor-service} worker JVM), then
 * waiting to be killed: {@link FleetChildrenTest} SIGKILLs it.
 */
public final class FleetChildrenParent {

    static final String STARTED = "children started";

    private FleetChildrenParent() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path folder = Path.of(args[0]);
        KafkaBroker broker = KafkaBroker.start(folder.resolve("kafka"));
        PostgresServer postgres = PostgresServer.create();
        AnvilPeer.automine();
        DemoIpfs.start(folder);
        EnergywebProcess.start("worker", List.of("anchor-service", "--brokers", broker.bootstrapServers(), "--topic", "readings",
                "--group", "anchors", "--worker-id", "worker", "--jdbc-url", postgres.jdbcUrl(), "--gateway", "gw-1"), folder.resolve("logs"));
        System.out.println(STARTED);
        // killed here; nothing ends by itself
        Thread.sleep(Long.MAX_VALUE);
    }
}

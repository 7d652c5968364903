package org.energyweb.chaos;

import org.energyweb.ledger.LedgerStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running gateway's management port (health and Prometheus metrics, Camel's /observe endpoints)
 * against its real peers, anvil and js-ipfs: what a supervisor and a Prometheus server see.
 */
@Tag("chaos")
class ManagementChaosIT {

    @TempDir
    Path root;

    @Test
    void healthIsNotReadyNamingTheIpfsNodeWhileItIsAwayAndUpAgainWhenItReturns() {
        try (ChaosRig rig = ChaosRig.start(root, 2, Duration.ofMillis(200))) {
            GatewayProcess gateway = rig.startGateway();
            ManagementClient management = new ManagementClient(gateway.managementUrl(Duration.ofSeconds(60)));
            String hostAndPort = java.net.URI.create(rig.ipfs.apiUrl()).getAuthority();
            String ipfsNode = "IPFS node " + hostAndPort;
            String ipfsCheck = "ipfs-node-" + hostAndPort;
            try {
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(management.get("/observe/health/ready"))
                        .hasValueSatisfying(ready -> {
                            assertThat(ready.healthStatus()).as(ready.body()).isEqualTo("UP");
                            assertThat(ready.message(ipfsCheck)).startsWith(ipfsNode + " reachable");
                        }));

                rig.ipfs.stop();
                ManagementClient.Answer away = await().atMost(Duration.ofSeconds(60)).until(
                        () -> management.get("/observe/health/ready").orElse(null),
                        answer -> answer != null && answer.healthStatus().equals("DOWN"));
                assertThat(away.status()).isEqualTo(503);
                assertThat(away.message(ipfsCheck)).isEqualTo(ipfsNode + " unreachable: connection refused");
                ManagementClient.Answer overall = management.get("/observe/health").orElseThrow();
                assertThat(overall.healthStatus()).isEqualTo("DOWN");
                assertThat(overall.message(ipfsCheck)).startsWith(ipfsNode + " unreachable");
                assertThat(management.get("/observe/health/live").orElseThrow().status())
                        .as("readings are still ledgered while IPFS is away: the process is live").isEqualTo(200);

                rig.ipfs.start();
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(management.get("/observe/health/ready"))
                        .hasValueSatisfying(ready -> {
                            assertThat(ready.healthStatus()).as(ready.body()).isEqualTo("UP");
                            assertThat(ready.message(ipfsCheck)).startsWith(ipfsNode + " reachable");
                        }));
            } finally {
                gateway.stop();
            }
        }
    }

    @Test
    void metricsCountAsManyReadingsTransactionsAndPendingReadingsAsTheLedger() {
        try (ChaosRig rig = ChaosRig.start(root, 3, Duration.ofMillis(100))) {
            GatewayProcess gateway = rig.startGateway();
            gateway.awaitReady(() -> rig.confirmed() >= 30, Duration.ofSeconds(90));
            gateway.stop();
            // Without meters the ledger changes only while the hops catch up; once drained it is quiet.
            GatewayProcess drain = rig.launchDrainGateway();
            try {
                drain.awaitReady(rig::drained, Duration.ofMinutes(2));
                ManagementClient management = new ManagementClient(drain.managementUrl(Duration.ofSeconds(60)));
                LedgerStatus status = rig.status().orElseThrow();
                Map<String, Double> expected = new HashMap<>();
                status.meters().forEach((meter, counts) -> expected.put("energyweb_readings_total{meter=\"" + meter + "\"}", (double) counts.readings()));
                status.total().hops().get("chain").forEach((state, count) -> {
                    if (!state.equals(LedgerStatus.PENDING)) {
                        expected.put("energyweb_chain_transactions_total{state=\"" + state + "\"}", (double) count);
                    }
                });
                expected.put("energyweb_hop_backlog{hop=\"chain\"}", 0.0);
                expected.put("energyweb_hop_backlog{hop=\"ipfs\"}", 0.0);
                expected.put("energyweb_chain_in_flight", 0.0);
                expected.put("energyweb_dead_letters", (double) status.deadLetters());
                assertThat(expected).containsKey("energyweb_chain_transactions_total{state=\"confirmed\"}");

                Map<String, Double> scraped = await().atMost(Duration.ofSeconds(30)).until(management::metrics,
                        samples -> samples.entrySet().containsAll(expected.entrySet()));
                assertThat(scraped).containsAllEntriesOf(expected).containsKey("energyweb_ledger_append_seconds_count");
            } finally {
                drain.stop();
            }
        }
    }
}

package org.energyweb.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's fleet demo, small: a KRaft broker, PostgreSQL, anvil and js-ipfs, two gateway processes of two
 * meters each and two anchoring workers, a few seconds of readings, then the audit. Slow: it starts seven processes.
 */
@Tag("slow")
class FleetDemoTest {

    @TempDir
    Path data;

    @Test
    void theFleetDemoAnchorsEveryReadingOfEveryGatewayExactlyOnceAndItsAuditPasses() {
        CliTestSupport.Result result = CliTestSupport.run("demo", "--fleet", "--gateways", "2", "--meters", "2", "--duration", "4s",
                "--period", "500ms", "--data", data.toString());
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("Kafka: KRaft broker at", "PostgreSQL:", "ReadingAnchor contract", "IPFS: js-ipfs node",
                "anchoring workers: worker-1, worker-2", "gw-1: ledger verified", "gw-2: ledger verified", "fetched from IPFS by the CID on chain",
                "AUDIT PASSED: every reading of every gateway anchored exactly once");
        assertThat(result.out()).doesNotContain("FAIL ");
    }
}

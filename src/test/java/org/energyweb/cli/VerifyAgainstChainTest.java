package org.energyweb.cli;

import org.energyweb.ledger.Ledger;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** verify --rpc compares the ledger with the registry on a real anvil, the chain the demo anchored on. */
class VerifyAgainstChainTest {

    @TempDir
    Path data;

    private String producing;

    @BeforeEach
    void aDemoRunAnchoredEveryReading() {
        CliTestSupport.Result demo = CliTestSupport.run("demo", "--meters", "2", "--duration", "2s", "--data", data.toString());
        assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
        try (Ledger ledger = Ledger.open(data)) {
            producing = ledger.settings().get("demo.producing").orElseThrow();
        }
    }

    @Test
    void aLedgerWhoseAnchoredReadingsAndHeadsMatchTheChainVerifies() {
        try (AnvilPeer chain = AnvilPeer.persistent(null, data.resolve("chain/anvil-state.json"))) {
            CliTestSupport.Result result = CliTestSupport.run("verify", "--data", data.toString(), "--rpc", chain.url(),
                    "--producing", producing);
            assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
            assertThat(result.out()).contains("OK: the chain holds exactly the ledger's anchored readings");
        }
    }

    @Test
    void aHeadNotYetOnChainIsReportedWithItsMeterAndSeq() {
        long seq;
        try (Ledger ledger = Ledger.open(data)) {
            seq = ledger.appendAndWait(Measurement.of("demo-1", Instant.now(), ledger.head("demo-1").orElseThrow().energyWh() + 5, "test")).seq();
        }
        try (AnvilPeer chain = AnvilPeer.persistent(null, data.resolve("chain/anvil-state.json"))) {
            CliTestSupport.Result result = CliTestSupport.run("verify", "--data", data.toString(), "--rpc", chain.url(),
                    "--producing", producing, "--json");
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.out()).contains("\"meter\":\"demo-1\",\"seq\":" + seq, "is not asset", "last file hash on chain");
        }
    }

    @Test
    void verifyWithRpcButNoRegistryIsAUsageError() {
        CliTestSupport.Result result = CliTestSupport.run("verify", "--data", data.toString(), "--rpc", "http://127.0.0.1:1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--rpc needs --producing and/or --consuming");
    }
}

package org.energyweb.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's demo, against the real peers it starts: js-ipfs and anvil. */
class DemoTest {

    @TempDir
    Path data;

    @Test
    void theDemoStoresAnchorsAndVerifiesEveryReadingAndContinuesTheSameLedger() {
        CliTestSupport.Result first = CliTestSupport.run("demo", "--meters", "2", "--duration", "3s", "--data", data.toString());
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("IPFS: js-ipfs node", "chain: anvil at", "last file hash = head", "Ledger verified");
        assertThat(first.out()).doesNotContain("DIFFERS");

        CliTestSupport.Result second = CliTestSupport.run("demo", "--meters", "2", "--duration", "2s", "--data", data.toString());
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).containsPattern("ledger in .* \\((?!0 )\\d+ readings already\\)");
        assertThat(second.out()).contains("last file hash = head", "Ledger verified");
    }

    @Test
    void theMerkleDemoAnchorsBatchesAndProvesAReadingAgainstTheChain() {
        CliTestSupport.Result result = CliTestSupport.run("demo", "--mode", "merkle", "--meters", "2", "--duration", "3s",
                "--data", data.toString());
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("one Merkle root per batch", "valid, its batch root is anchored on chain", "Ledger verified");
    }
}

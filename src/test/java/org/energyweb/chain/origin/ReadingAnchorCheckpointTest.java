package org.energyweb.chain.origin;

import org.energyweb.chain.DevChain;
import org.energyweb.chain.rpc.RevertException;
import org.energyweb.chain.rpc.Receipt;
import org.energyweb.peers.AnvilPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The anchor contract keeps, per gateway transparency log, its latest checkpoint, on a real anvil. */
class ReadingAnchorCheckpointTest {

    private static AnvilPeer anvil;
    private static DevChain chain;

    @BeforeAll
    static void startChain() {
        anvil = AnvilPeer.automine();
        chain = new DevChain(anvil);
    }

    @AfterAll
    static void stopChain() {
        anvil.close();
    }

    @Test
    void aCheckpointIsRecordedWithItsSizeRootAndCidAndAnnouncedByAnEvent() {
        Receipt receipt = anchor(chain.admin, "gateway.example/a", 10, root(10), "bafy-checkpoint-10");

        ReadingAnchorContract.LogHead head = ReadingAnchorContract.logHead(chain.eth, chain.contracts.anchor(), chain.admin.address(),
                "gateway.example/a");
        Map<String, Object> event = receipt.logs().stream().filter(ReadingAnchorContract.LOG_CHECKPOINT_ANCHORED::matches).findFirst()
                .map(ReadingAnchorContract.LOG_CHECKPOINT_ANCHORED::decode).orElseThrow();

        assertThat(head.size()).isEqualTo(10);
        assertThat(head.root()).isEqualTo(root(10));
        assertThat(head.checkpointCid()).isEqualTo("bafy-checkpoint-10");
        assertThat(head.blockNumber()).isEqualTo(receipt.blockNumber());
        assertThat(event).containsEntry("origin", "gateway.example/a").containsEntry("checkpointCid", "bafy-checkpoint-10");
        assertThat(event.get("submitter").toString()).isEqualToIgnoringCase(chain.admin.address());
    }

    @Test
    void aSizeThatDoesNotGrowIsRefusedAndTheLastCheckpointStays() {
        anchor(chain.admin, "gateway.example/b", 20, root(20), "cid-20");

        assertThatThrownBy(() -> anchor(chain.admin, "gateway.example/b", 19, root(19), "cid-19")).isInstanceOf(RevertException.class)
                .hasMessageContaining("log size does not grow");
        assertThatThrownBy(() -> anchor(chain.admin, "gateway.example/b", 20, root(99), "cid-forged")).isInstanceOf(RevertException.class)
                .hasMessageContaining("log size does not grow");
        ReadingAnchorContract.LogHead head = ReadingAnchorContract.logHead(chain.eth, chain.contracts.anchor(), chain.admin.address(),
                "gateway.example/b");
        assertThat(head.size()).isEqualTo(20);
        assertThat(head.root()).isEqualTo(root(20));
    }

    @Test
    void anotherSubmitterUnderTheSameOriginIsAnotherLogAndCannotBlockIt() {
        OriginAdmin other = DevChain.admin(chain.eth, AnvilPeer.ACCOUNT_1);
        anchor(other, "gateway.example/c", 1000, root(1000), "cid-other");

        anchor(chain.admin, "gateway.example/c", 5, root(5), "cid-5");

        assertThat(ReadingAnchorContract.logHead(chain.eth, chain.contracts.anchor(), chain.admin.address(), "gateway.example/c").size())
                .isEqualTo(5);
        assertThat(ReadingAnchorContract.logHead(chain.eth, chain.contracts.anchor(), other.address(), "gateway.example/c").size())
                .isEqualTo(1000);
        assertThat(ReadingAnchorContract.logHead(chain.eth, chain.contracts.anchor(), other.address(), "gateway.example/none").size())
                .isZero();
    }

    private static Receipt anchor(OriginAdmin submitter, String origin, long size, byte[] root, String cid) {
        return submitter.transactor().execute(chain.contracts.anchor(),
                FunctionEncoder.encode(ReadingAnchorContract.anchorCheckpoint(origin, size, root, cid)));
    }

    private static byte[] root(long size) {
        byte[] root = new byte[32];
        Arrays.fill(root, (byte) size);
        root[0] = 1;
        return root;
    }
}

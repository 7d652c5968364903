package org.energyweb.chain.events;

import org.energyweb.chain.DevChain;
import org.energyweb.chain.origin.OriginAdmin;
import org.energyweb.chain.origin.Registry;
import org.energyweb.ledger.Ledger;
import org.energyweb.peers.AnvilPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The event listener against a real anvil: checkpoints, confirmation depth, reorganisations. */
class EventListenerTest {

    @TempDir
    Path data;

    private AnvilPeer anvil;
    private DevChain chain;
    private OriginAdmin meter;
    private BigInteger asset;
    private Ledger ledger;
    private final List<String> delivered = new ArrayList<>();

    @BeforeEach
    void start() {
        anvil = AnvilPeer.automine();
        chain = new DevChain(anvil);
        asset = chain.onboard(Registry.PRODUCING, AnvilPeer.ACCOUNT_1);
        meter = DevChain.admin(chain.eth, AnvilPeer.ACCOUNT_1);
        ledger = Ledger.open(data);
    }

    @AfterEach
    void stop() {
        ledger.close();
        anvil.close();
    }

    private static byte[] hash(int n) {
        byte[] hash = new byte[32];
        hash[31] = (byte) n;
        hash[0] = 1;
        return hash;
    }

    private void read(int n) {
        meter.transactor().execute(chain.contracts.producing(),
                Registry.encode(Registry.PRODUCING.saveSmartMeterRead(asset, 1_000 + n, false, hash(n))));
    }

    private EventListener listener(int confirmations) {
        return new EventListener(chain.eth, chain.contracts.producing(), Registry.PRODUCING.newMeterReadEvent(), ledger.settings(),
                "test", new EventListener.Options(confirmations, 0, 3, 8));
    }

    private int poll(EventListener listener) throws Exception {
        return listener.poll(event -> delivered.add((String) event.values().get("fileHash")));
    }

    @Test
    void eachEventIsDeliveredOnceAcrossPollsAndRestarts() throws Exception {
        read(1);
        read(2);
        assertThat(poll(listener(1))).isEqualTo(2);
        read(3);
        // A new listener with the same name carries on from the checkpoint in the ledger.
        assertThat(poll(listener(1))).isEqualTo(1);
        assertThat(poll(listener(1))).isZero();
        assertThat(delivered).containsExactly(Numeric.toHexString(hash(1)), Numeric.toHexString(hash(2)), Numeric.toHexString(hash(3)));
    }

    @Test
    void anEventWaitsUntilItsBlockHasTheConfirmationDepth() throws Exception {
        EventListener listener = listener(3);
        read(1);
        assertThat(poll(listener)).isZero();
        chain.eth.rpc().callAndWait("anvil_mine", "0x2");
        assertThat(poll(listener)).isEqualTo(1);
    }

    @Test
    void aReorganisationBehindTheCheckpointDeliversTheNewChainsEvents() throws Exception {
        read(1);
        String snapshot = chain.eth.rpc().callAndWait("evm_snapshot").asText();
        read(2);
        EventListener listener = listener(1);
        assertThat(poll(listener)).isEqualTo(2);

        // The block holding read 2 is replaced by one holding read 3 (and one more block on top).
        chain.eth.rpc().callAndWait("evm_revert", snapshot);
        chain.eth.rpc().callAndWait("anvil_mine", "0x1");
        read(3);

        poll(listener);
        assertThat(delivered).endsWith(Numeric.toHexString(hash(3)));
        assertThat(delivered).containsOnlyOnce(Numeric.toHexString(hash(3)));
    }
}

package org.energyweb.chain;

import org.energyweb.peers.AnvilPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests that share one automining anvil per test class, with Energyweb's contracts deployed. */
public abstract class OnDevChain {

    protected static AnvilPeer anvil;
    protected static DevChain chain;

    @BeforeAll
    static void startChain() {
        anvil = AnvilPeer.automine();
        chain = new DevChain(anvil);
    }

    @AfterAll
    static void stopChain() {
        anvil.close();
    }
}

package org.energyweb.chain;

import org.energyweb.chain.origin.OriginAdmin;
import org.energyweb.chain.origin.Registry;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.JsonRpcClient;
import org.energyweb.chain.tx.DirectTransactor;
import org.energyweb.chain.tx.GasPolicy;
import org.energyweb.chain.tx.Signer;
import org.energyweb.peers.AnvilPeer;
import org.web3j.crypto.Credentials;

import java.math.BigInteger;
import java.time.Duration;

/** A test's view of an anvil chain with Energyweb's contracts deployed by account 0. */
public final class DevChain {

    public final AnvilPeer anvil;
    public final Eth eth;
    public final OriginAdmin admin;
    public final OriginAdmin.Deployment contracts;

    public DevChain(AnvilPeer anvil) {
        this.anvil = anvil;
        this.eth = eth(anvil);
        this.admin = admin(eth, AnvilPeer.ACCOUNT_0);
        this.contracts = admin.deploy();
    }

    public static Eth eth(AnvilPeer anvil) {
        return new Eth(JsonRpcClient.connect(anvil.url(), false, Duration.ofSeconds(10)));
    }

    public static OriginAdmin admin(Eth eth, Credentials credentials) {
        DirectTransactor transactor = new DirectTransactor(eth, new Signer(credentials, eth.chainId()), GasPolicy.DEFAULT,
                Duration.ofMillis(20), Duration.ofSeconds(30));
        return new OriginAdmin(eth, transactor, credentials.getAddress());
    }

    public String registryAddress(Registry registry) {
        return registry == Registry.PRODUCING ? contracts.producing() : contracts.consuming();
    }

    /** An active asset whose smart meter is {@code smartMeter}, owned by the admin. */
    public BigInteger onboard(Registry registry, Credentials smartMeter) {
        return admin.onboard(registry, registryAddress(registry), smartMeter.getAddress(), AnvilPeer.ACCOUNT_0.getAddress());
    }
}

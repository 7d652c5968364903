package org.energyweb.demo;

import org.energyweb.chain.keys.Keystore;
import org.energyweb.chain.origin.OriginAdmin;
import org.energyweb.chain.origin.Registry;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.JsonRpcClient;
import org.energyweb.chain.tx.DirectTransactor;
import org.energyweb.chain.tx.GasPolicy;
import org.energyweb.chain.tx.Signer;
import org.energyweb.ledger.Ledger;
import org.energyweb.peers.AnvilPeer;
import org.energyweb.peers.PeerProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's local chain: an anvil node whose state lives in the data folder (so a continued demo
 * finds its contracts and assets again), the gateway's own encrypted key (its password in a file
 * beside it, readable by the owner only), our contracts deployed once and one asset per meter.
 */
final class DemoChain implements AutoCloseable {

    private final AnvilPeer anvil;
    private final Eth eth;
    private final Path keystore;
    private final Path passwordFile;
    private final String producing;
    private final String anchor;
    private final Map<String, Long> assets = new LinkedHashMap<>();
    private final OriginAdmin admin;

    private DemoChain(AnvilPeer anvil, Eth eth, OriginAdmin admin, Path keystore, Path passwordFile, String producing, String anchor) {
        this.anvil = anvil;
        this.admin = admin;
        this.eth = eth;
        this.keystore = keystore;
        this.passwordFile = passwordFile;
        this.producing = producing;
        this.anchor = anchor;
    }

    static boolean isInstalled() {
        return Files.isExecutable(PeerProcess.peersDir().resolve("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"));
    }

    /** Starts anvil on the data folder's chain state and makes sure contracts, key and assets exist. */
    static DemoChain start(Path dataDir, Ledger ledger, List<String> meters) {
        Path folder = createFolder(dataDir.resolve("chain"));
        AnvilPeer anvil = AnvilPeer.persistent(null, folder.resolve("anvil-state.json"));
        try {
            Eth eth = new Eth(JsonRpcClient.connect(anvil.url(), false, Duration.ofSeconds(30)));
            Path passwordFile = folder.resolve("gateway-key.password");
            Path keystore = folder.resolve("gateway-key.json");
            if (!Files.exists(keystore)) {
                Keystore.create(keystore, newPassword(passwordFile), Keystore.Strength.LIGHT);
            }
            String gateway = Keystore.address(keystore);
            // A development chain: the well-known first account deploys and onboards, and pays the gateway's gas.
            eth.rpc().callAndWait("anvil_setBalance", gateway, "0x3635C9ADC5DEA00000");
            OriginAdmin admin = admin(eth);
            String producing = ledger.settings().get("demo.producing").filter(address -> hasCode(eth, address)).orElse(null);
            String anchor = ledger.settings().get("demo.anchor").filter(address -> hasCode(eth, address)).orElse(null);
            boolean freshContracts = producing == null || anchor == null;
            if (freshContracts) {
                OriginAdmin.Deployment deployment = admin.deploy();
                producing = deployment.producing();
                anchor = deployment.anchor();
                ledger.settings().put("demo.producing", producing).join();
                ledger.settings().put("demo.anchor", anchor).join();
            }
            DemoChain chain = new DemoChain(anvil, eth, admin, keystore, passwordFile, producing, anchor);
            // Fresh contracts (a new chain, e.g. after anvil was killed before writing its state) hold no asset yet,
            // whatever the settings say: their addresses are the same on every new anvil chain.
            chain.onboard(ledger, meters, gateway, freshContracts);
            return chain;
        } catch (RuntimeException e) {
            anvil.close();
            throw e;
        }
    }

    private void onboard(Ledger ledger, List<String> meters, String gateway, boolean freshContracts) {
        for (String meter : meters) {
            String setting = "demo.asset." + meter + "@" + producing;
            long asset = ledger.settings().get(setting).filter(known -> !freshContracts).map(Long::parseLong).orElseGet(() -> {
                BigInteger id = admin.onboard(Registry.PRODUCING, producing, gateway, AnvilPeer.ACCOUNT_0.getAddress());
                ledger.settings().put(setting, id.toString()).join();
                return id.longValue();
            });
            assets.put(meter, asset);
        }
    }

    /** The dev chain's administrator: the well-known first account deploys the contracts and onboards. */
    static OriginAdmin admin(Eth eth) {
        return new OriginAdmin(eth, new DirectTransactor(eth, new Signer(AnvilPeer.ACCOUNT_0, eth.chainId()),
                GasPolicy.DEFAULT, Duration.ofMillis(100), Duration.ofMinutes(2)), AnvilPeer.ACCOUNT_0.getAddress());
    }

    private static boolean hasCode(Eth eth, String address) {
        String code = eth.rpc().callAndWait("eth_getCode", address, "latest").asText();
        return code.length() > 2;
    }

    /** A random password for a demo key, written to {@code passwordFile} readable by the owner only. */
    static char[] newPassword(Path passwordFile) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        try {
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + passwordFile, e);
        }
        return password.toCharArray();
    }

    private static Path createFolder(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
    }

    String rpcUrl() {
        return anvil.url();
    }

    Eth eth() {
        return eth;
    }

    String producing() {
        return producing;
    }

    String anchor() {
        return anchor;
    }

    Path keystore() {
        return keystore;
    }

    Path passwordFile() {
        return passwordFile;
    }

    long assetOf(String meter) {
        return assets.get(meter);
    }

    /** The file hash the producing registry holds as the meter's last read. */
    byte[] lastFileHash(String meter) {
        return admin.lastFileHash(producing, BigInteger.valueOf(assetOf(meter)));
    }

    /** SIGTERM: anvil writes its state file, so the next demo run continues this chain. */
    @Override
    public void close() {
        anvil.stop();
    }
}

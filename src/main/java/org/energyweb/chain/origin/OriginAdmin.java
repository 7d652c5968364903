package org.energyweb.chain.origin;

import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.Log;
import org.energyweb.chain.rpc.Receipt;
import org.energyweb.chain.tx.DirectTransactor;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an asset admin does, one mined transaction after another: deploy the contracts, onboard
 * an asset (create, initialise with its smart-meter account, active), switch it on or off.
 */
public final class OriginAdmin {

    /** The addresses of one deployment. */
    public record Deployment(String producing, String consuming, String anchor) {
    }

    private final Eth eth;
    private final DirectTransactor transactor;
    private final String admin;

    public OriginAdmin(Eth eth, DirectTransactor transactor, String admin) {
        this.eth = eth;
        this.transactor = transactor;
        this.admin = admin;
    }

    /** The admin's account. */
    public String address() {
        return admin;
    }

    /** The transactor these admin calls go through, for other one-off calls from the same account. */
    public DirectTransactor transactor() {
        return transactor;
    }

    public Deployment deploy() {
        return new Deployment(deploy(ContractArtifact.PRODUCING), deploy(ContractArtifact.CONSUMING), deploy(ContractArtifact.ANCHOR));
    }

    private String deploy(ContractArtifact artifact) {
        Receipt receipt = transactor.execute(null, artifact.bytecode());
        return receipt.contractAddress();
    }

    /**
     * Creates an asset and initialises it, active, with {@code smartMeter} as the only account
     * allowed to write its reads and {@code owner} (an AssetManager) as owner.
     *
     * @return the new asset's id
     */
    public BigInteger onboard(Registry registry, String contract, String smartMeter, String owner) {
        Receipt created = transactor.execute(contract, Registry.encode(Registry.createAsset()));
        BigInteger assetId = null;
        for (Log log : created.logs()) {
            if (Registry.LOG_ASSET_CREATED.matches(log)) {
                Map<String, Object> values = Registry.LOG_ASSET_CREATED.decode(log);
                assetId = (BigInteger) values.get("assetId");
            }
        }
        if (assetId == null) {
            throw new IllegalStateException("createAsset on " + contract + " emitted no LogAssetCreated: is it a "
                    + registry.artifact().name() + "?");
        }
        transactor.execute(contract, Registry.encode(registry.initGeneral(assetId, smartMeter, owner,
                Instant.now().getEpochSecond(), true)));
        return assetId;
    }

    public void setActive(String contract, BigInteger assetId, boolean active) {
        transactor.execute(contract, Registry.encode(Registry.setActive(assetId, active)));
    }

    /** The file hash of the asset's last read, as the contract holds it. */
    public byte[] lastFileHash(String contract, BigInteger assetId) {
        return Registry.PRODUCING.lastFileHash(eth, contract, assetId);
    }
}

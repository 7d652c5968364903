package org.energyweb.chain.camel;

import org.apache.camel.spi.Metadata;

/** Message headers of the {@code origin} and {@code origin-events} endpoints. */
public final class OriginConstants {

    @Metadata(description = "Overrides the endpoint's asset id for this message", javaType = "Long")
    public static final String ASSET_ID = "EnergywebOriginAssetId";
    @Metadata(description = "Hash of the mined transaction that anchored the reading", javaType = "String")
    public static final String TRANSACTION_HASH = "EnergywebOriginTransactionHash";
    @Metadata(description = "Number of the block holding the transaction or event", javaType = "Long")
    public static final String BLOCK_NUMBER = "EnergywebOriginBlockNumber";
    @Metadata(description = "Hash of the block holding the transaction or event", javaType = "String")
    public static final String BLOCK_HASH = "EnergywebOriginBlockHash";
    @Metadata(description = "Nonce of the anchoring transaction", javaType = "Long")
    public static final String NONCE = "EnergywebOriginNonce";
    @Metadata(description = "Index of the event log in its block", javaType = "Long")
    public static final String LOG_INDEX = "EnergywebOriginLogIndex";
    @Metadata(description = "Address of the contract that emitted the event", javaType = "String")
    public static final String CONTRACT = "EnergywebOriginContract";
    @Metadata(description = "Name of the event", javaType = "String")
    public static final String EVENT = "EnergywebOriginEvent";

    private OriginConstants() {
    }
}

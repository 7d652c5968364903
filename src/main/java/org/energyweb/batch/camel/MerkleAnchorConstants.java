package org.energyweb.batch.camel;

import org.apache.camel.spi.Metadata;

/** Message headers of the {@code merkle-anchor} endpoint. */
public final class MerkleAnchorConstants {

    @Metadata(description = "Readings in the ledger not yet in a Merkle batch, after this message was handed over", javaType = "Long")
    public static final String UNBATCHED = "EnergywebMerkleUnbatched";

    private MerkleAnchorConstants() {
    }
}

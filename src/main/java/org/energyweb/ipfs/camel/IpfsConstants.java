package org.energyweb.ipfs.camel;

import org.apache.camel.spi.Metadata;

/** Message headers of the ipfs component. */
public final class IpfsConstants {

    @Metadata(description = "The CID of the document: set by add (computed locally, confirmed by the node); read by cat, pin,"
            + " unpin and stat when the body is not a CID", javaType = "String")
    public static final String CID = "EnergywebIpfsCid";

    @Metadata(label = "producer", description = "The CID the document must have (for example the one recorded in the ledger)."
            + " add refuses a document whose locally computed CID differs, before anything is uploaded", javaType = "String")
    public static final String EXPECTED_CID = "EnergywebIpfsExpectedCid";

    @Metadata(label = "producer", description = "true when add could not reach the node and kept the document in pendingDir"
            + " for a later sync; the CID header is the one it will have", javaType = "Boolean")
    public static final String PENDING = "EnergywebIpfsPending";

    @Metadata(label = "producer", description = "The document's size in bytes (add, cat, stat)", javaType = "Long")
    public static final String SIZE = "EnergywebIpfsSize";

    private IpfsConstants() {
    }
}

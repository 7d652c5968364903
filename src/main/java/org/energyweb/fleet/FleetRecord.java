package org.energyweb.fleet;

/**
 * How a ledgered reading travels from a gateway to the anchor service as a Kafka record: the value is
 * the reading document byte for byte, the key is the meter (so one meter's chain stays in one
 * partition, in order), and these headers (UTF-8 text, readable by any client) say who sent what.
 * The service trusts none of them: it recomputes the digest and re-reads meter and seq from the document.
 */
public final class FleetRecord {

    /** The id of the gateway whose ledger holds the reading. */
    public static final String GATEWAY = "energyweb-gateway";
    /** The reading's meter id (also the record key). */
    public static final String METER = "energyweb-meter";
    /** The reading's sequence number in its meter's chain, decimal. */
    public static final String SEQ = "energyweb-seq";
    /** Lowercase hex SHA-256 of the document, as the gateway computed it. */
    public static final String SHA256 = "energyweb-sha256";
    /**
     * On the service's results only: the CID of the manifest of the batch that anchored the reading
     * (the one on chain with the batch's root), where every reading of the batch is listed in leaf order.
     */
    public static final String MANIFEST = "energyweb-manifest";

    private FleetRecord() {
    }
}

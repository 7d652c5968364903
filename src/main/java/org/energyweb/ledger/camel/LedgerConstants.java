package org.energyweb.ledger.camel;

import org.apache.camel.spi.Metadata;

/** Headers the ledger component sets on the exchange once a reading is committed. */
public final class LedgerConstants {

    @Metadata(description = "The meter id of the reading", javaType = "String")
    public static final String METER = "EnergywebMeter";
    @Metadata(description = "The reading's sequence number in its meter's chain", javaType = "Long")
    public static final String SEQ = "EnergywebSeq";
    @Metadata(description = "The reading's ledger position (global append order); origin: reads it when the body is neither a ledger entry nor a reading document", javaType = "Long")
    public static final String POSITION = "EnergywebLedgerPosition";
    @Metadata(description = "Lowercase hex SHA-256 of the reading document: its id, chain link and on-chain file hash", javaType = "String")
    public static final String SHA256 = "EnergywebSha256";
    @Metadata(description = "True when the reading records a meter that was down", javaType = "Boolean")
    public static final String METER_DOWN = "EnergywebMeterDown";
    @Metadata(description = "The id of the dead letter recorded for a fault", javaType = "Long")
    public static final String DEAD_LETTER_ID = "EnergywebDeadLetterId";

    @Metadata(label = "consumer", description = "Set by the route: the state the outbox records for the reading on its hop once the exchange succeeded (default: the first final state)", javaType = "String")
    public static final String HOP_STATE = "EnergywebHopState";
    @Metadata(label = "consumer", description = "Set by the route: what the hop recorded, e.g. the CID or the transaction", javaType = "String")
    public static final String HOP_DETAIL = "EnergywebHopDetail";

    private LedgerConstants() {
    }
}

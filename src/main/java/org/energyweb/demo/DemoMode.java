package org.energyweb.demo;

/** How the demo anchors readings on its chain. */
public enum DemoMode {
    /** One Origin release A saveSmartMeterRead per reading. */
    ORIGIN,
    /** One RFC 9162 Merkle root per batch of readings, with inclusion proofs. */
    MERKLE
}

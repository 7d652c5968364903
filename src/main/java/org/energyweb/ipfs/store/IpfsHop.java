package org.energyweb.ipfs.store;

/**
 * How the IPFS hop records itself in the ledger's outbox: hop {@code ipfs}, state {@code stored}
 * with the CID as detail once the node holds (and pins) the document.
 */
public final class IpfsHop {

    public static final String NAME = "ipfs";
    public static final String STORED = "stored";

    private IpfsHop() {
    }
}

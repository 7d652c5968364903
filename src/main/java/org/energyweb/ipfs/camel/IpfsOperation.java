package org.energyweb.ipfs.camel;

/** What an {@code ipfs:} endpoint does with the exchange. */
public enum IpfsOperation {
    /** Store the body; the CID is computed locally first and the node's answer must equal it. */
    add,
    /** Read the document named by the CID header (or a CID body) into the body. */
    cat,
    /** Pin the CID named by the header or body. */
    pin,
    /** Remove the pin of the CID named by the header or body. */
    unpin,
    /** Put the node's file statistics of the CID into the body. */
    stat,
    /** Push the documents waiting in pendingDir to the node, oldest first. */
    sync
}

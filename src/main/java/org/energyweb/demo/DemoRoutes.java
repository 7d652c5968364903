package org.energyweb.demo;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.energyweb.chain.camel.OriginConstants;
import org.energyweb.chain.tx.ChainHop;
import org.energyweb.ipfs.camel.IpfsConstants;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.store.IpfsHop;
import org.energyweb.ipfs.store.LocalBlockStore;
import org.energyweb.ledger.camel.LedgerConstants;
import org.energyweb.reading.Sha256;

import java.time.Duration;

/**
 * The demo's pipeline as routes: simulated meters into the ledger, and each later hop fed by the
 * ledger's outbox, so readings never wait for IPFS or the chain and nothing is lost if they fail.
 */
final class DemoRoutes extends RouteBuilder {

    private final int meters;
    private final Duration period;
    private final DemoIpfs ipfs;
    private final DemoChain chain;
    private final DemoMode mode;

    DemoRoutes(int meters, Duration period, DemoIpfs ipfs, DemoChain chain, DemoMode mode) {
        this.meters = meters;
        this.period = period;
        this.ipfs = ipfs;
        this.chain = chain;
        this.mode = mode;
    }

    @Override
    public void configure() {
        from("simulator:demo?meterCount=" + meters + "&meterPrefix=demo-&initialDelay=0&delay=" + period.toMillis())
                .routeId("demo-meters")
                .to("ledger:append");

        String ipfsOutbox = "ledger:outbox?hop=" + IpfsHop.NAME + "&finalStates=" + IpfsHop.STORED + "," + KEPT_LOCALLY
                + "&delay=100&batchSize=200";
        if (ipfs.apiUrl() != null) {
            from(ipfsOutbox).routeId("demo-ipfs")
                    .to("ipfs:add?apiUrl=" + ipfs.apiUrl() + "&cidVersion=1&pin=true&timeout=10000")
                    .setHeader(LedgerConstants.HOP_STATE, constant(IpfsHop.STORED))
                    .setHeader(LedgerConstants.HOP_DETAIL, header(IpfsConstants.CID));
        } else {
            LocalBlockStore store = new LocalBlockStore(ipfs.blockStore());
            from(ipfsOutbox).routeId("demo-ipfs").process(exchange -> keepLocally(store, exchange));
        }

        String key = chain == null ? "" : "&keystore=" + chain.keystore() + "&passwordFile=" + chain.passwordFile();
        if (chain != null && mode == DemoMode.MERKLE) {
            // The anchorer works from the ledger; the timer only wakes it to close batches by size or age.
            from("timer:demo-anchor?period=500").routeId("demo-merkle")
                    .to("merkle-anchor:" + chain.anchor() + "?rpcUrl=" + chain.rpcUrl() + key + "&batchSize=1000&batchInterval=2000"
                            + (ipfs.apiUrl() != null ? "&ipfsApiUrl=" + ipfs.apiUrl() : ""));
        }
        if (chain != null && mode == DemoMode.ORIGIN) {
            from("ledger:outbox?hop=" + ChainHop.HOP + "&recordState=false&maxInFlight=256&delay=50&batchSize=500&finalStates="
                    + String.join(",", ChainHop.IN_FLIGHT) + "," + String.join(",", ChainHop.FINAL))
                    .routeId("demo-origin")
                    .process(exchange -> exchange.getMessage().setHeader(OriginConstants.ASSET_ID,
                            chain.assetOf(exchange.getMessage().getHeader(LedgerConstants.METER, String.class))))
                    .to("origin:producing?rpcUrl=" + chain.rpcUrl() + "&contract=" + chain.producing() + key + "&confirmations=1");
        }
    }

    /** Without a node, a document goes to the local block store under the CID the node will give it. */
    static final String KEPT_LOCALLY = "kept-locally";

    private static void keepLocally(LocalBlockStore store, Exchange exchange) {
        byte[] document = exchange.getMessage().getBody(byte[].class);
        Cid cid = Cid.ofRawSha256(Sha256.digest(document));
        store.put(document, cid);
        exchange.getMessage().setHeader(LedgerConstants.HOP_STATE, KEPT_LOCALLY);
        exchange.getMessage().setHeader(LedgerConstants.HOP_DETAIL, cid.toString());
    }
}

package org.energyweb.ipfs.camel;

import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.NoSuchHeaderException;
import org.apache.camel.support.DefaultProducer;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.cid.UnixFs;
import org.energyweb.ipfs.cid.UnixFsOptions;
import org.energyweb.ipfs.rpc.IpfsClient;
import org.energyweb.ipfs.rpc.IpfsException;
import org.energyweb.ipfs.rpc.IpfsStat;
import org.energyweb.ipfs.store.IpfsSync;
import org.energyweb.ipfs.store.LocalBlockStore;
import org.energyweb.ipfs.store.StoreResult;

/** Carries out one {@link IpfsOperation} per exchange. */
public class IpfsProducer extends DefaultProducer {

    private final IpfsConfiguration configuration;
    private IpfsClient client;
    private UnixFsOptions options;
    private IpfsSync sync;

    public IpfsProducer(IpfsEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    public IpfsEndpoint getEndpoint() {
        return (IpfsEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // an unsafe URL or a CID version other than 0 and 1 fails the route's start, not the first reading
        client = new IpfsClient(configuration.toClientConfig(), configuration.breakerSettings(getEndpoint().getCamelContext()));
        options = configuration.toUnixFsOptions();
        if (configuration.getPendingDir() != null) {
            if (!configuration.isPin()) {
                throw new IllegalArgumentException("pendingDir keeps documents until they are pinned: it needs pin=true");
            }
            sync = new IpfsSync(new LocalBlockStore(Path.of(configuration.getPendingDir())), client);
        } else if (getEndpoint().getOperation() == IpfsOperation.sync) {
            throw new IllegalArgumentException("ipfs:sync needs pendingDir, the folder of the documents to push");
        }
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        switch (getEndpoint().getOperation()) {
            case add -> add(exchange, message);
            case cat -> {
                byte[] document = client.cat(cidOf(message));
                message.setBody(document);
                message.setHeader(IpfsConstants.SIZE, (long) document.length);
            }
            case pin -> client.pin(cidOf(message));
            case unpin -> client.unpin(cidOf(message));
            case stat -> {
                IpfsStat stat = client.stat(cidOf(message));
                message.setBody(stat);
                message.setHeader(IpfsConstants.SIZE, stat.size());
            }
            case sync -> message.setBody(sync.syncPending());
        }
    }

    private void add(Exchange exchange, Message message) throws Exception {
        byte[] document = message.getMandatoryBody(byte[].class);
        Cid local = UnixFs.cidOf(document, options);
        Cid expected = expectedCid(exchange, message);
        if (expected != null && !expected.equals(local)) {
            throw new IpfsException(IpfsException.Reason.CID_MISMATCH, "the document gives " + local + " where " + expected
                    + " was expected (cidVersion=" + configuration.getCidVersion() + ")");
        }
        boolean pending = false;
        if (sync != null) {
            StoreResult result = sync.storeOrKeep(document, local);
            if (result instanceof StoreResult.Failed failed) {
                throw failed.error();
            }
            pending = result instanceof StoreResult.Pending;
        } else {
            client.add(document, local, configuration.isPin());
        }
        message.setHeader(IpfsConstants.CID, local.toString());
        message.setHeader(IpfsConstants.SIZE, (long) document.length);
        message.setHeader(IpfsConstants.PENDING, pending);
    }

    private Cid expectedCid(Exchange exchange, Message message) throws NoSuchHeaderException {
        Object header = message.getHeader(IpfsConstants.EXPECTED_CID);
        if (header == null) {
            if (configuration.isRequireExpectedCid()) {
                throw new NoSuchHeaderException("requireExpectedCid is set", exchange, IpfsConstants.EXPECTED_CID);
            }
            return null;
        }
        return header instanceof Cid cid ? cid : Cid.parse(header.toString().trim());
    }

    /** The CID header, or a body that is a CID (for a route that carries only the CID). */
    private static Cid cidOf(Message message) {
        Object header = message.getHeader(IpfsConstants.CID);
        Object value = header != null ? header : message.getBody();
        if (value instanceof Cid cid) {
            return cid;
        }
        if (value == null) {
            throw new IllegalArgumentException("no CID: set the " + IpfsConstants.CID + " header or put the CID in the body");
        }
        return Cid.parse(message.getExchange().getContext().getTypeConverter().convertTo(String.class, value).trim());
    }
}

package org.energyweb.chain.tx;

import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.RpcCall;
import org.energyweb.chain.rpc.RpcReply;
import org.energyweb.chain.rpc.RpcUnreachableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/** The pipeline's node: requests batched below the node's batch limit, and an outage logged once, not at every retry. */
final class NodeLink {

    private static final Logger LOG = LoggerFactory.getLogger(NodeLink.class);
    private static final int RPC_BATCH = 500;

    final Eth eth;
    private volatile boolean down;

    NodeLink(Eth eth) {
        this.eth = eth;
    }

    List<RpcReply> batchAndWait(List<RpcCall> calls) {
        List<RpcReply> replies = new ArrayList<>(calls.size());
        for (int from = 0; from < calls.size(); from += RPC_BATCH) {
            replies.addAll(eth.rpc().batchAndWait(calls.subList(from, Math.min(calls.size(), from + RPC_BATCH))));
        }
        return replies;
    }

    void down(RpcUnreachableException e) {
        if (!down) {
            down = true;
            LOG.warn("{}; transactions are kept and retried", e.getMessage());
        }
    }

    void up() {
        if (down) {
            down = false;
            LOG.info("RPC node {} reachable again", eth.rpc().uri());
        }
    }
}

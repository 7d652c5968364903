package org.energyweb.chain.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.energyweb.chain.events.EventListener;
import org.energyweb.chain.rpc.RpcUnreachableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each poll delivers the events of newly confirmed blocks, one exchange each, in chain order. A
 * failed exchange ends the poll before the checkpoint passes its block, so it is delivered again.
 */
public class OriginEventsConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(OriginEventsConsumer.class);

    private final EventListener listener;
    private boolean nodeDown;

    OriginEventsConsumer(OriginEventsEndpoint endpoint, Processor processor, EventListener listener) {
        super(endpoint, processor);
        this.listener = listener;
    }

    @Override
    protected int poll() throws Exception {
        try {
            int delivered = listener.poll(this::deliver);
            if (nodeDown) {
                nodeDown = false;
                LOG.info("{}: node reachable again", getEndpoint().getEndpointUri());
            }
            return delivered;
        } catch (RpcUnreachableException e) {
            // The node is away (restart, network): the next poll tries again from the checkpoint.
            if (!nodeDown) {
                nodeDown = true;
                LOG.warn("{}: {}", getEndpoint().getEndpointUri(), e.getMessage());
            }
            return 0;
        }
    }

    private void deliver(EventListener.ContractEvent event) throws Exception {
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getMessage();
            message.setBody(event.values());
            message.setHeader(OriginConstants.EVENT, event.event().name());
            message.setHeader(OriginConstants.CONTRACT, event.log().address());
            message.setHeader(OriginConstants.BLOCK_NUMBER, event.log().blockNumber());
            message.setHeader(OriginConstants.BLOCK_HASH, event.log().blockHash());
            message.setHeader(OriginConstants.TRANSACTION_HASH, event.log().transactionHash());
            message.setHeader(OriginConstants.LOG_INDEX, event.log().logIndex());
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }
}

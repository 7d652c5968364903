package org.energyweb.ledger.camel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.energyweb.ledger.DeadLetter;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.reading.ChainHead;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeasurementJson;
import org.energyweb.reading.MeterFault;
import org.energyweb.reading.MeterFaultException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Appends the body to the ledger and returns only once it is committed; the body becomes the
 * reading document's canonical bytes. A fault (a {@link MeterFault} body or a caught
 * {@link MeterFaultException}) and anything that cannot become a reading go to the dead-letter
 * store with their reason; a faulty meter with history is then recorded as down, carrying its
 * last good value, never 0 Wh.
 */
public class LedgerProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerProducer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    public LedgerProducer(LedgerEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public LedgerEndpoint getEndpoint() {
        return (LedgerEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        Ledger ledger = getEndpoint().getComponent().ledger(getEndpoint().getDataDir());
        Measurement measurement;
        MeterFault fault = faultOf(exchange);
        if (fault != null) {
            exchange.setException(null);
            exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
            deadLetter(exchange, ledger, fault.meter(), fault.source(), fault.reason(), fault.payload());
            Optional<ChainHead> head = fault.meter() == null ? Optional.empty() : ledger.head(fault.meter());
            if (head.isEmpty()) {
                exchange.setRouteStop(true);
                return;
            }
            measurement = Measurement.down(fault.meter(), fault.time() != null ? fault.time() : downTime(head.get()), fault.source());
        } else {
            long size = InputBody.size(exchange.getMessage());
            if (size > getEndpoint().getMaxInputBytes()) {
                deadLetter(exchange, ledger, null, getEndpoint().getEndpointUri(), "input of " + size + " bytes is larger than maxInputBytes ("
                        + getEndpoint().getMaxInputBytes() + "); refused without reading it" + InputBody.setAside(exchange.getMessage()), null);
                exchange.setRouteStop(true);
                return;
            }
            try {
                InputBody.readFile(exchange.getMessage());
                measurement = measurementOf(exchange.getMessage());
            } catch (IllegalArgumentException e) {
                deadLetter(exchange, ledger, null, getEndpoint().getEndpointUri(), e.getMessage(), InputBody.bytes(exchange.getMessage()));
                exchange.setRouteStop(true);
                return;
            }
        }
        LedgerEntry entry;
        try {
            entry = ledger.appendAndWait(measurement);
        } catch (IllegalArgumentException e) {
            // Refused input that arrived as JSON is kept as it came, so it can be inspected and replayed.
            byte[] payload = exchange.getMessage().getBody() instanceof Measurement ? null : InputBody.bytes(exchange.getMessage());
            deadLetter(exchange, ledger, measurement.meter(), measurement.source(), e.getMessage(), payload);
            exchange.setRouteStop(true);
            return;
        }
        LedgerMessages.describe(exchange.getMessage(), entry);
    }

    private static MeterFault faultOf(Exchange exchange) {
        if (exchange.getMessage().getBody() instanceof MeterFault fault) {
            return fault;
        }
        MeterFaultException thrown = exchange.getException(MeterFaultException.class);
        if (thrown == null) {
            Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            if (caught instanceof MeterFaultException meterFault) {
                thrown = meterFault;
            }
        }
        return thrown == null ? null : thrown.fault();
    }

    /**
     * When a meter that told no time of its own was found down: now by this machine's clock, or just
     * after the meter's newest good reading when the meter's clock runs ahead of ours (the down
     * reading would otherwise be refused as out of order, and the meter never marked down).
     */
    private static Instant downTime(ChainHead head) {
        Instant now = Instant.now();
        Instant justAfter = head.goodTime().plusMillis(1);
        return now.isAfter(justAfter) ? now : justAfter;
    }

    private static Measurement measurementOf(Message message) {
        Object body = message.getBody();
        if (body instanceof Measurement measurement) {
            return measurement;
        }
        if (body instanceof Map<?, ?> map) {
            return MeasurementJson.parse(JSON.valueToTree(map));
        }
        if (body instanceof JsonNode node) {
            return MeasurementJson.parse(node);
        }
        if (body instanceof byte[] || body instanceof String) {
            return MeasurementJson.parse(InputBody.bytes(message));
        }
        throw new IllegalArgumentException("cannot append a " + (body == null ? "missing body" : body.getClass().getName())
                + ": expected a Measurement, a MeterFault or measurement JSON");
    }

    /** Records a dead letter; input that came from a file is named in the reason, so the operator can find it. */
    private static void deadLetter(Exchange exchange, Ledger ledger, String meter, String source, String reason, byte[] payload) {
        DeadLetter letter = ledger.deadLetters().record(meter, source, InputBody.fileOf(exchange) + reason, payload);
        LOG.warn("dead letter {}: {}({}): {}", letter.id(), meter == null ? "" : "meter " + meter + " ", source, letter.reason());
        exchange.getMessage().setHeader(LedgerConstants.DEAD_LETTER_ID, letter.id());
    }
}

package org.energyweb.meter.modbus.camel;

import org.apache.camel.Processor;
import org.energyweb.meter.PolledMeter;
import org.energyweb.meter.camel.PollingMeterConsumer;
import org.energyweb.meter.modbus.ModbusMeterPoller;

import java.time.Clock;

/**
 * Polls one Modbus TCP meter.
 *
 * <p>Why not camel-plc4x: its endpoints read a tag list fixed in the URI, and its consumer reports a
 * lost connection as an empty map without a reason. SunSpec discovery has to read addresses it only
 * learns while walking the model chain, and every failure must carry its reason; so this consumer
 * drives the PLC4X API (the modbus driver camel-plc4x brings) directly.
 */
public final class ModbusMeterConsumer extends PollingMeterConsumer {

    private final ModbusMeterEndpoint endpoint;

    ModbusMeterConsumer(ModbusMeterEndpoint endpoint, Processor processor) {
        super(endpoint, processor, endpoint.getPolling().getPeriod());
        this.endpoint = endpoint;
    }

    @Override
    protected PolledMeter open() {
        return new ModbusMeterPoller(endpoint.settings(), Clock.systemUTC());
    }
}

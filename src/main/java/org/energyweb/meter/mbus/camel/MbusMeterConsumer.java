package org.energyweb.meter.mbus.camel;

import org.apache.camel.Processor;
import org.energyweb.meter.PolledMeter;
import org.energyweb.meter.camel.PollingMeterConsumer;
import org.energyweb.meter.mbus.MbusSettings;
import org.energyweb.meter.mbus.MbusSource;

import java.time.Clock;

/** Polls one M-Bus meter (M-Bus is request and answer). */
public final class MbusMeterConsumer extends PollingMeterConsumer {

    private final MbusSettings settings;

    MbusMeterConsumer(MbusMeterEndpoint endpoint, Processor processor, MbusSettings settings) {
        super(endpoint, processor, endpoint.getPolling().getPeriod());
        this.settings = settings;
    }

    @Override
    protected PolledMeter open() {
        return new MbusSource(settings, Clock.systemUTC());
    }
}

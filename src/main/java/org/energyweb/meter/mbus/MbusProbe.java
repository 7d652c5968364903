package org.energyweb.meter.mbus;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads one M-Bus meter once and tells what it says: for {@code meter probe --mbus}. */
public final class MbusProbe {

    private MbusProbe() {
    }

    /**
     * @throws MbusFormatException when the answer cannot be trusted (checksum, decoding, missing record, unit)
     * @throws IOException         when the gateway, the serial device or the meter does not answer
     */
    public static Map<String, Object> probe(MbusSettings settings) throws IOException, MbusFormatException {
        try (MbusMeter meter = new MbusMeter(settings)) {
            MbusSample sample = meter.read();
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("source", settings.source());
            report.put("secondaryAddress", sample.secondaryAddress());
            report.put("storageNumber", settings.storageNumber());
            report.put("tariff", settings.tariff());
            report.put("energyWh", sample.energyWh());
            report.put("powerW", sample.powerW());
            return report;
        }
    }
}

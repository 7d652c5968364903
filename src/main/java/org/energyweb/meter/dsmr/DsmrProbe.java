package org.energyweb.meter.dsmr;

import org.energyweb.meter.link.LinkConnection;
import org.energyweb.meter.link.MeterLink;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads one whole telegram from a P1 bridge or serial device and tells what it says: for {@code meter probe --dsmr}. */
public final class DsmrProbe {

    private DsmrProbe() {
    }

    /**
     * @throws DsmrFormatException when the telegram cannot be trusted (CRC, missing register)
     * @throws IOException         when the bridge or device cannot be reached or sends nothing within {@code wait}
     */
    public static Map<String, Object> probe(MeterLink link, Duration wait) throws IOException, DsmrFormatException {
        try (LinkConnection connection = link.open(wait)) {
            DsmrTelegram telegram = DsmrTelegramParser.parse(new TelegramFramer(new BufferedInputStream(connection.input())).next());
            DsmrSample sample = DsmrSampleReader.read(telegram);
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("source", "dsmr:" + link.address());
            report.put("identification", telegram.identification());
            report.put("version", telegram.first("1-3:0.2.8").or(() -> telegram.first("0-0:96.1.4")).orElse(null));
            report.put("equipmentId", sample.equipmentId());
            report.put("time", sample.time().toString());
            report.put("energyImportWh", sample.importWh());
            report.put("energyExportWh", sample.exportWh());
            report.put("powerW", sample.powerW());
            sample.gas().ifPresent(gas -> {
                report.put("gasM3", gas.cubicMetres().toPlainString());
                report.put("gasTime", gas.time().toString());
            });
            return report;
        }
    }
}

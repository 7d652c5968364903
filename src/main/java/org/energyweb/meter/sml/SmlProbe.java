package org.energyweb.meter.sml;

import org.energyweb.meter.link.LinkConnection;
import org.energyweb.meter.link.MeterLink;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads one whole SML file from a reading head's TCP bridge or serial device and tells what it says: for {@code meter probe --sml}. */
public final class SmlProbe {

    private SmlProbe() {
    }

    /**
     * @throws SmlFormatException when the file cannot be trusted (CRC, escape sequence, missing register, unit)
     * @throws IOException        when the bridge or device cannot be reached or sends no file within {@code wait}
     */
    public static Map<String, Object> probe(MeterLink link, Duration wait) throws IOException, SmlFormatException {
        try (LinkConnection connection = link.open(wait)) {
            SmlSample sample = SmlFileReader.read(new SmlFileStream(new BufferedInputStream(connection.input()), wait).next());
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("source", new SmlSettings("probe", link, wait).source());
            report.put("serverId", sample.serverId());
            report.put("energyImportWh", sample.importWh());
            report.put("energyExportWh", sample.exportWh());
            report.put("powerW", sample.powerW());
            return report;
        }
    }
}

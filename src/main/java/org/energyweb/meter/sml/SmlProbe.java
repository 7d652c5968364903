package org.energyweb.meter.sml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads one whole SML file from a reading head's TCP bridge and tells what it says: for {@code meter probe --sml}. */
public final class SmlProbe {

    private SmlProbe() {
    }

    /**
     * @throws SmlFormatException when the file cannot be trusted (CRC, escape sequence, missing register, unit)
     * @throws IOException        when the bridge cannot be reached or sends no file within {@code wait}
     */
    public static Map<String, Object> probe(String host, int port, Duration wait) throws IOException, SmlFormatException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(wait.toMillis()));
            SmlSample sample = SmlFileReader.read(new SmlFileStream(new BufferedInputStream(socket.getInputStream()), wait).next());
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("source", new SmlSettings("probe", host, port, wait).source());
            report.put("serverId", sample.serverId());
            report.put("energyImportWh", sample.importWh());
            report.put("energyExportWh", sample.exportWh());
            report.put("powerW", sample.powerW());
            return report;
        }
    }
}

package org.energyweb.meter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.energyweb.meter.dsmr.DsmrFormatException;
import org.energyweb.meter.dsmr.DsmrProbe;
import org.energyweb.meter.dsmr.DsmrSettings;
import org.energyweb.meter.link.CharFormat;
import org.energyweb.meter.link.MeterLink;
import org.energyweb.meter.link.SerialLine;
import org.energyweb.meter.link.SerialLink;
import org.energyweb.meter.link.TcpLink;
import org.energyweb.meter.modbus.DeviceDescription;
import org.energyweb.meter.modbus.EnergyCounter;
import org.energyweb.meter.modbus.ModbusAddress;
import org.energyweb.meter.modbus.ModbusMeter;
import org.energyweb.meter.modbus.ModbusMeterSettings;
import org.energyweb.meter.modbus.ModbusReadException;
import org.energyweb.meter.modbus.MeterValues;
import org.energyweb.meter.modbus.RegisterMap;
import org.energyweb.meter.modbus.RegisterMapException;
import org.energyweb.meter.mbus.MbusFormatException;
import org.energyweb.meter.mbus.MbusProbe;
import org.energyweb.meter.mbus.MbusSettings;
import org.energyweb.meter.sml.SmlFormatException;
import org.energyweb.meter.sml.SmlProbe;
import org.energyweb.meter.sml.SmlSettings;
import org.energyweb.reading.EnergyUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.energyweb.reading.MeterFaultException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * {@code meter probe --modbus HOST:PORT} (or {@code --dsmr}, {@code --sml}, {@code --mbus}, {@code --mqtt}): connects once, discovers the device and prints what it is
 * and what it reads now. DSMR, SML and M-Bus meters are named {@code HOST:PORT} (a TCP bridge or gateway) or
 * {@code serial:DEVICE} (a serial device of this machine, read at the protocol's usual line settings unless
 * {@code --baud} and {@code --char-format} say otherwise). Exit 0 when read, 1 when the device cannot be read or interpreted, 2 for
 * usage errors (picocli's own code, also used for an unusable register map).
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Connect once to a meter, print the device (manufacturer, model, serial, SunSpec models) and its current energy and power.")
public class ProbeCommand implements Callable<Integer> {

    static final int UNREADABLE = 1;
    /** How a DSMR, SML or M-Bus meter on a serial device is named: {@code serial:/dev/ttyUSB0}. */
    private static final String SERIAL = "serial:";

    @Spec
    CommandSpec spec;

    @Option(names = "--modbus", paramLabel = "HOST:PORT", description = "Modbus TCP address of the meter (port 502 if omitted).")
    String modbus;

    @Option(names = "--dsmr", paramLabel = "HOST:PORT|serial:DEVICE",
            description = "TCP bridge (ser2net, P1 dongle) or serial device (P1 cable, default 115200 8N1) of a DSMR P1 port: reads one telegram.")
    String dsmr;

    @Option(names = "--sml", paramLabel = "HOST:PORT|serial:DEVICE",
            description = "TCP bridge or serial device (USB reading head, default 9600 8N1) of an SML meter's optical reading head: reads one SML file.")
    String sml;

    @Option(names = "--mbus", paramLabel = "HOST:PORT|serial:DEVICE",
            description = "M-Bus-to-TCP gateway or serial M-Bus level converter (default 2400 8E1): reads the meter at --address (or --secondary-address) once.")
    String mbus;

    @Option(names = "--baud", paramLabel = "N",
            description = "With serial:DEVICE: baud rate instead of the protocol's usual one (9600 for DSMR 2.2 and 3.0 ports).")
    Integer baud;

    @Option(names = "--char-format", paramLabel = "8N1",
            description = "With serial:DEVICE: data bits, parity (N, E, O, M, S) and stop bits (1, 1.5, 2) instead of the protocol's"
                    + " usual ones, e.g. 7E1 for DSMR 2.2 to 4.x ports.")
    String charFormat;

    @Option(names = "--address", paramLabel = "N", defaultValue = "0", description = "With --mbus: the meter's primary address (default: ${DEFAULT-VALUE}).")
    int mbusAddress;

    @Option(names = "--secondary-address", paramLabel = "HEX", description = "With --mbus: the meter's secondary address (16 hex digits of its long header).")
    String mbusSecondary;

    @Option(names = "--storage", paramLabel = "N", defaultValue = "0", description = "With --mbus: storage number of the energy record (default: ${DEFAULT-VALUE}).")
    long mbusStorage;

    @Option(names = "--tariff", paramLabel = "N", defaultValue = "0", description = "With --mbus: tariff of the energy record (default: ${DEFAULT-VALUE}).")
    int mbusTariff;

    @Option(names = "--wait", paramLabel = "MS", defaultValue = "15000",
            description = "With --dsmr, --sml or --mqtt: milliseconds to wait for a telegram, file or message (DSMR 4 sends every 10 s; default: ${DEFAULT-VALUE}).")
    long waitMillis;

    @Option(names = "--mqtt", paramLabel = "URL", description = "MQTT broker (tcp://HOST:PORT, ssl://HOST:PORT): reads the first message of --topic that carries a register.")
    String mqtt;

    @Mixin
    MqttProbeOptions mqttOptions;

    @Option(names = "--unit-id", paramLabel = "N", defaultValue = "1", description = "Modbus unit id (default: ${DEFAULT-VALUE}).")
    int unitId;

    @Option(names = "--map", paramLabel = "FILE", description = "YAML register map of a non-SunSpec meter; without it the meter is discovered as SunSpec.")
    Path map;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "2000", description = "Milliseconds per Modbus or M-Bus request (default: ${DEFAULT-VALUE}).")
    long timeoutMillis;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        if (Stream.of(modbus, dsmr, sml, mbus, mqtt).filter(Objects::nonNull).count() != 1) {
            throw new ParameterException(spec.commandLine(),
                    "name one meter: --modbus HOST:PORT, --dsmr HOST:PORT|serial:DEVICE, --sml HOST:PORT|serial:DEVICE,"
                            + " --mbus HOST:PORT|serial:DEVICE --address N or --mqtt URL --topic T");
        }
        if (mbus != null) {
            return probeMbus();
        }
        if (dsmr != null) {
            return probeDsmr();
        }
        if (sml != null) {
            return probeSml();
        }
        if (mqtt != null) {
            return probeMqtt();
        }
        ModbusMeterSettings settings = settings();
        try (ModbusMeter meter = new ModbusMeter(settings)) {
            DeviceDescription device = meter.layout().description();
            MeterValues values = meter.read();
            if (!values.imported().present()) {
                throw new ModbusReadException(values.imported().absentReason());
            }
            return print(report(settings, device, values));
        } catch (ModbusReadException e) {
            return unreadable(settings.address().source(), e.getMessage());
        }
    }

    private int print(Map<String, Object> report) throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) : text(report));
        out.flush();
        return 0;
    }

    private int probeDsmr() throws JsonProcessingException {
        MeterLink link = link("--dsmr", dsmr, DsmrSettings.SERIAL_BAUD, DsmrSettings.SERIAL_FORMAT);
        try {
            return print(DsmrProbe.probe(link, Duration.ofMillis(waitMillis)));
        } catch (IOException | DsmrFormatException e) {
            return unreadable("dsmr:" + link.address(), e.getMessage());
        }
    }

    private int probeSml() throws JsonProcessingException {
        MeterLink link = link("--sml", sml, SmlSettings.SERIAL_BAUD, SmlSettings.SERIAL_FORMAT);
        try {
            return print(SmlProbe.probe(link, Duration.ofMillis(waitMillis)));
        } catch (IOException | SmlFormatException e) {
            return unreadable("sml:" + link.address(), e.getMessage());
        }
    }

    private int probeMbus() throws JsonProcessingException {
        MeterLink link = link("--mbus", mbus, MbusSettings.SERIAL_BAUD, MbusSettings.SERIAL_FORMAT);
        MbusSettings settings;
        try {
            settings = new MbusSettings("probe", link, mbusAddress, mbusSecondary, mbusStorage, mbusTariff, Duration.ofMillis(timeoutMillis));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        try {
            return print(MbusProbe.probe(settings));
        } catch (IOException | MbusFormatException e) {
            return unreadable(settings.source(), e.getMessage());
        }
    }

    /** {@code serial:DEVICE} at the protocol's usual line settings unless --baud/--char-format say otherwise, or {@code HOST:PORT}. */
    private MeterLink link(String option, String value, int serialBaud, CharFormat serialFormat) {
        try {
            if (value.startsWith(SERIAL)) {
                return new SerialLink(new SerialLine(value.substring(SERIAL.length()), baud == null ? serialBaud : baud,
                        charFormat == null ? serialFormat : CharFormat.parse(charFormat)));
            }
            int colon = value.lastIndexOf(':');
            if (colon <= 0 || !value.substring(colon + 1).matches("\\d{1,5}")) {
                throw new IllegalArgumentException(option + " needs HOST:PORT or serial:DEVICE, was " + value);
            }
            return new TcpLink(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private int probeMqtt() throws JsonProcessingException {
        try {
            return print(mqttOptions.probe(spec, mqtt, Duration.ofMillis(waitMillis)));
        } catch (MeterFaultException e) {
            return unreadable("mqtt:" + mqttOptions.topic, e.fault().reason());
        } catch (TimeoutException e) {
            return unreadable("mqtt:" + mqttOptions.topic, "no message carrying a register within " + waitMillis + " ms");
        } catch (MqttException e) {
            return unreadable(mqtt, "broker unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreadable(mqtt, "interrupted");
        }
    }

    private int unreadable(String source, String reason) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("cannot probe " + source + ": " + reason);
        err.flush();
        return UNREADABLE;
    }

    private ModbusMeterSettings settings() {
        try {
            ModbusAddress address = ModbusAddress.parse(modbus, unitId, Duration.ofMillis(timeoutMillis));
            return new ModbusMeterSettings("probe", address, map == null ? null : RegisterMap.load(map), false, null);
        } catch (IllegalArgumentException | RegisterMapException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static Map<String, Object> report(ModbusMeterSettings settings, DeviceDescription device, MeterValues values) {
        Map<String, Object> deviceReport = new LinkedHashMap<>();
        deviceReport.put("manufacturer", device.manufacturer());
        deviceReport.put("model", device.model());
        deviceReport.put("serial", device.serial());
        deviceReport.put("sunSpecModels", device.sunSpecModels());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("source", settings.address().source());
        report.put("device", deviceReport);
        report.put("energyImportWh", wattHours(values.imported()));
        report.put("energyExportWh", wattHours(values.exported()));
        report.put("powerW", values.roundedPowerW());
        return report;
    }

    private static Long wattHours(EnergyCounter counter) {
        return counter.present() ? EnergyUnit.roundToWattHours(counter.wattHours()) : null;
    }

    private static String text(Map<String, Object> report) {
        StringBuilder text = new StringBuilder();
        report.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                nested.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
            } else {
                text.append(key).append(": ").append(value).append('\n');
            }
        });
        return text.toString().stripTrailing();
    }
}

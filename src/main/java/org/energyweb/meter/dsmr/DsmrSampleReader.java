package org.energyweb.meter.dsmr;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Takes the registers a gateway needs out of a checked telegram; a missing one is a fault. */
public final class DsmrSampleReader {

    static final String TIME = "0-0:1.0.0";
    static final String EQUIPMENT_ID = "0-0:96.1.1";
    static final String IMPORT_T1 = "1-0:1.8.1";
    static final String IMPORT_T2 = "1-0:1.8.2";
    static final String EXPORT_T1 = "1-0:2.8.1";
    static final String EXPORT_T2 = "1-0:2.8.2";
    static final String POWER_IMPORT = "1-0:1.7.0";
    static final String POWER_EXPORT = "1-0:2.7.0";
    /** Device type 3 on an M-Bus channel is a gas meter. */
    private static final String GAS_DEVICE_TYPE = "3";

    private DsmrSampleReader() {
    }

    public static DsmrSample read(DsmrTelegram telegram) throws DsmrFormatException {
        Instant time = DsmrValues.timestamp(TIME, required(telegram, TIME));
        long importWh = DsmrValues.wattHours(IMPORT_T1, required(telegram, IMPORT_T1))
                + DsmrValues.wattHours(IMPORT_T2, required(telegram, IMPORT_T2));
        long exportWh = DsmrValues.wattHours(EXPORT_T1, required(telegram, EXPORT_T1))
                + DsmrValues.wattHours(EXPORT_T2, required(telegram, EXPORT_T2));
        long powerW = DsmrValues.watts(POWER_IMPORT, required(telegram, POWER_IMPORT))
                - DsmrValues.watts(POWER_EXPORT, required(telegram, POWER_EXPORT));
        String equipment = telegram.first(EQUIPMENT_ID).map(DsmrSampleReader::decodeHex).orElse("");
        return new DsmrSample(time, equipment, importWh, exportWh, powerW, gas(telegram));
    }

    private static String required(DsmrTelegram telegram, String obis) throws DsmrFormatException {
        return telegram.first(obis).orElseThrow(() -> new DsmrFormatException("telegram has no " + obis));
    }

    /**
     * The gas meter on whichever M-Bus channel (0-1 to 0-4) says it is one; its value is
     * 0-n:24.2.1 in the Dutch DSMR and 0-n:24.2.3 in the Belgian e-MUCS.
     */
    private static Optional<DsmrSample.Gas> gas(DsmrTelegram telegram) throws DsmrFormatException {
        for (int channel = 1; channel <= 4; channel++) {
            String prefix = "0-" + channel + ":";
            if (!telegram.first(prefix + "24.1.0").map(DsmrSampleReader::isGasDevice).orElse(false)) {
                continue;
            }
            for (String obis : List.of(prefix + "24.2.1", prefix + "24.2.3")) {
                List<String> values = telegram.values(obis);
                if (values.size() == 2) {
                    Instant time = DsmrValues.timestamp(obis, values.get(0));
                    BigDecimal volume = DsmrValues.cubicMetres(obis, values.get(1));
                    return Optional.of(new DsmrSample.Gas(time, volume));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isGasDevice(String deviceType) {
        // DSMR 3 sent "03", later versions "003".
        return deviceType.replaceFirst("^0+", "").equals(GAS_DEVICE_TYPE);
    }

    /** Equipment ids are sent as the hex of their ASCII characters; anything else is kept as sent. */
    private static String decodeHex(String value) {
        if (value.isEmpty() || value.length() % 2 != 0 || !value.matches("[0-9A-Fa-f]+")) {
            return value;
        }
        String decoded = new String(HexFormat.of().parseHex(value), StandardCharsets.US_ASCII);
        return decoded.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? decoded : value;
    }
}

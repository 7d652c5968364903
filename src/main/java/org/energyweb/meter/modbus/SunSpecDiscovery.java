package org.energyweb.meter.modbus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a device's SunSpec models: the "SunS" marker at 40000 (or 0, or 50000), then the chain of
 * {@code [ID, L, data...]} blocks up to ID 0xFFFF or an address the device does not serve.
 */
public final class SunSpecDiscovery {

    static final int[] MARKER_ADDRESSES = {40000, 0, 50000};
    private static final int SUNS_HIGH = 0x5375;
    private static final int SUNS_LOW = 0x6E53;
    private static final int END_OF_CHAIN = 0xFFFF;
    private static final int COMMON_MODEL = 1;
    /** A chain longer than this is a device answering garbage, not a real model list. */
    private static final int MAX_MODELS = 100;

    private SunSpecDiscovery() {
    }

    public static SunSpecLayout discover(RegisterReader reader) throws ModbusReadException {
        int base = findMarker(reader);
        List<SunSpecModel> models = walkChain(reader, base + 2);
        if (models.isEmpty() || models.get(0).id() != COMMON_MODEL) {
            throw new ModbusReadException("SunSpec chain at " + base + " does not start with the common model 1 but with "
                    + (models.isEmpty() ? "nothing" : "model " + models.get(0).id()));
        }
        DeviceDescription description = SunSpecCommonModel.read(reader, models.get(0), modelIds(models));
        Optional<SunSpecModel> meter = models.stream().filter(m -> m.isIntegerMeter() || m.isFloatMeter()).findFirst();
        if (meter.isEmpty()) {
            throw new ModbusReadException("SunSpec device has no meter model 201-204 or 211-214 (models " + modelIds(models) + ")");
        }
        return new SunSpecLayout(description, meter.get());
    }

    private static int findMarker(RegisterReader reader) throws ModbusReadException {
        for (int address : MARKER_ADDRESSES) {
            try {
                int[] marker = reader.read(RegisterTable.HOLDING, address, 2);
                if (marker[0] == SUNS_HIGH && marker[1] == SUNS_LOW) {
                    return address;
                }
            } catch (ModbusReadException e) {
                if (!e.illegalAddress()) {
                    throw e;
                }
            }
        }
        throw new ModbusReadException("no SunSpec marker 'SunS' at register 40000, 0 or 50000: not a SunSpec device (use a register map)");
    }

    private static List<SunSpecModel> walkChain(RegisterReader reader, int first) throws ModbusReadException {
        List<SunSpecModel> models = new ArrayList<>();
        int address = first;
        while (address + 1 <= 65535 && models.size() < MAX_MODELS) {
            int[] header;
            try {
                header = reader.read(RegisterTable.HOLDING, address, 2);
            } catch (ModbusReadException e) {
                if (e.illegalAddress()) {
                    break;
                }
                throw e;
            }
            if (header[0] == END_OF_CHAIN) {
                break;
            }
            models.add(new SunSpecModel(header[0], address, header[1]));
            address += 2 + header[1];
        }
        return models;
    }

    private static List<Integer> modelIds(List<SunSpecModel> models) {
        return models.stream().map(SunSpecModel::id).toList();
    }
}

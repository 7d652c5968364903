package org.energyweb.meter.modbus;

/** A discovered SunSpec device: its description and the first meter model in its chain. */
public final class SunSpecLayout implements MeterLayout {

    private final DeviceDescription description;
    private final SunSpecModel meter;

    SunSpecLayout(DeviceDescription description, SunSpecModel meter) {
        this.description = description;
        this.meter = meter;
    }

    @Override
    public DeviceDescription description() {
        return description;
    }

    public SunSpecModel meterModel() {
        return meter;
    }

    @Override
    public MeterValues read(RegisterReader reader) throws ModbusReadException {
        return meter.isIntegerMeter() ? SunSpecIntegerMeter.read(reader, meter) : SunSpecFloatMeter.read(reader, meter);
    }

    /** Reads the model's registers from its ID up to {@code span}, refusing a model too short to hold them. */
    static int[] registers(RegisterReader reader, SunSpecModel model, int span) throws ModbusReadException {
        if (model.length() + 2 < span) {
            throw new ModbusReadException("SunSpec model " + model.id() + " at " + model.start() + " is too short (L "
                    + model.length() + ") to hold its energy registers");
        }
        return reader.read(RegisterTable.HOLDING, model.start(), span);
    }
}

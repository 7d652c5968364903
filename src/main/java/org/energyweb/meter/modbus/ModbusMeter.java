package org.energyweb.meter.modbus;

/**
 * One Modbus device with its own connection: finds its layout on first use (SunSpec discovery or the
 * register map) and reads its current values, inverted if the meter is installed the other way round.
 */
public final class ModbusMeter implements AutoCloseable {

    private final ModbusMeterSettings settings;
    private final Plc4xRegisterReader reader;
    private MeterLayout layout;

    public ModbusMeter(ModbusMeterSettings settings) {
        this.settings = settings;
        this.reader = new Plc4xRegisterReader(settings.address());
    }

    public ModbusMeterSettings settings() {
        return settings;
    }

    public MeterLayout layout() throws ModbusReadException {
        if (layout == null) {
            layout = settings.map() != null ? new MappedLayout(settings.map()) : SunSpecDiscovery.discover(reader);
        }
        return layout;
    }

    public MeterValues read() throws ModbusReadException {
        try {
            MeterValues values = layout().read(reader);
            return settings.invert() ? values.inverted() : values;
        } catch (ModbusReadException e) {
            // A device that failed may have restarted with other firmware: discover its layout again.
            layout = null;
            throw e;
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}

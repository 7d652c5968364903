package org.energyweb.meter.modbus;

import java.math.BigDecimal;
import java.util.List;

/** A meter read through a {@link RegisterMap}: the map declares what SunSpec would have discovered. */
public final class MappedLayout implements MeterLayout {

    private final RegisterMap map;
    private final int first;
    private final int span;

    public MappedLayout(RegisterMap map) {
        this.map = map;
        this.first = map.points().stream().mapToInt(p -> p.scaleFactorAddress() == null ? p.address() : Math.min(p.address(), p.scaleFactorAddress())).min().orElseThrow();
        this.span = map.points().stream().mapToInt(MapPoint::lastAddress).max().orElseThrow() - first + 1;
    }

    @Override
    public DeviceDescription description() {
        return new DeviceDescription(map.manufacturer(), map.model(), null, List.of());
    }

    @Override
    public MeterValues read(RegisterReader reader) throws ModbusReadException {
        Registers registers = fetch(reader);
        MapPoint exported = map.point(RegisterMap.ENERGY_EXPORT);
        MapPoint power = map.point(RegisterMap.POWER);
        return new MeterValues(
                counter(registers, map.point(RegisterMap.ENERGY_IMPORT)),
                exported == null ? EnergyCounter.absent(RegisterMap.ENERGY_EXPORT, "the map " + map.file() + " has no " + RegisterMap.ENERGY_EXPORT)
                        : counter(registers, exported),
                power == null ? null : power(registers, power));
    }

    /** One request when the points lie close together (the usual case), otherwise one per point. */
    private Registers fetch(RegisterReader reader) throws ModbusReadException {
        if (span <= Plc4xRegisterReader.MAX_REGISTERS_PER_REQUEST) {
            return new Registers(first, reader.read(map.table(), first, span));
        }
        Registers registers = new Registers(first, new int[span]);
        for (MapPoint point : map.points()) {
            registers.copy(point.address(), reader.read(map.table(), point.address(), point.type().registers()));
            if (point.scaleFactorAddress() != null) {
                registers.copy(point.scaleFactorAddress(), reader.read(map.table(), point.scaleFactorAddress(), 1));
            }
        }
        return registers;
    }

    private EnergyCounter counter(Registers registers, MapPoint point) throws ModbusReadException {
        BigDecimal count = raw(registers, point);
        if (count == null) {
            return EnergyCounter.absent(point.name(), point.name() + " at " + point.address()
                    + " holds the 'not implemented' value of a " + point.type().name().toLowerCase());
        }
        return EnergyCounter.of(point.name(), count, scale(registers, point).multiply(point.unitFactor()), point.type() == RegisterType.ACC32);
    }

    private BigDecimal power(Registers registers, MapPoint point) throws ModbusReadException {
        BigDecimal raw = raw(registers, point);
        return raw == null ? null : raw.multiply(scale(registers, point)).multiply(point.unitFactor());
    }

    private static BigDecimal raw(Registers registers, MapPoint point) {
        long bits = RegisterDecoder.bits(registers.words, point.address() - registers.first, point.type().registers(),
                point.wordOrder(), point.byteOrder());
        return point.type().decode(bits);
    }

    private BigDecimal scale(Registers registers, MapPoint point) throws ModbusReadException {
        if (point.scaleFactorAddress() == null) {
            return point.scale();
        }
        String where = point.name() + " scale factor at " + point.scaleFactorAddress();
        BigDecimal multiplier;
        try {
            multiplier = ScaleFactor.multiplier(registers.words[point.scaleFactorAddress() - registers.first]);
        } catch (ModbusReadException e) {
            throw new ModbusReadException(where + ": " + e.getMessage(), registers.words);
        }
        if (multiplier == null) {
            throw new ModbusReadException(where + " holds the 'not implemented' value 0x8000", registers.words);
        }
        return multiplier;
    }

    /** Registers from {@code first} on, as read. */
    private static final class Registers {
        private final int first;
        private final int[] words;

        Registers(int first, int[] words) {
            this.first = first;
            this.words = words;
        }

        void copy(int address, int[] read) {
            System.arraycopy(read, 0, words, address - first, read.length);
        }
    }
}

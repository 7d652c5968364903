package org.energyweb.meter.mbus;

import org.energyweb.reading.EnergyUnit;
import org.openmuc.jmbus.Bcd;
import org.openmuc.jmbus.DataRecord;
import org.openmuc.jmbus.DlmsUnit;
import org.openmuc.jmbus.VariableDataStructure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Reads the register out of an M-Bus variable data structure jMBus decoded: the energy record (an instantaneous
 * value of the chosen storage number and tariff, subunit 0) converted to Wh from its VIF's unit and exponent. The
 * VIFs of EN 13757-3 give energy as Wh times 10^(n-3) (Wh, kWh forms), as MWh (VIFE FB 00/01) or as J times 10^n
 * and GJ (VIFE FB 08/09); jMBus reduces each to Wh or J with a decimal exponent, and 1 J = 1/3600 Wh. Energy is
 * rounded down to whole Wh (a register never claims energy not yet delivered); the power record (storage 0,
 * tariff 0) to the nearest W. Exact decimal arithmetic throughout: the raw integer or BCD value, never jMBus's
 * scaled double.
 */
public final class MbusRecords {

    private MbusRecords() {
    }

    public static MbusSample read(VariableDataStructure data, long storageNumber, int tariff) throws MbusFormatException {
        List<DataRecord> records = data.getDataRecords();
        DataRecord energy = records.stream()
                .filter(r -> r.getDescription() == DataRecord.Description.ENERGY && r.getFunctionField() == DataRecord.FunctionField.INST_VAL
                        && r.getStorageNumber() == storageNumber && r.getTariff() == tariff && r.getSubunit() == 0)
                .findFirst()
                .orElseThrow(() -> new MbusFormatException("the meter's answer has no energy record of storage number " + storageNumber
                        + " and tariff " + tariff));
        DataRecord power = records.stream()
                .filter(r -> r.getDescription() == DataRecord.Description.POWER && r.getFunctionField() == DataRecord.FunctionField.INST_VAL
                        && r.getStorageNumber() == 0 && r.getTariff() == 0 && r.getSubunit() == 0 && r.getUnit() == DlmsUnit.WATT)
                .findFirst().orElse(null);
        BigDecimal wattHours = switch (energy.getUnit()) {
            case WATT_HOUR -> value(energy);
            case JOULE -> EnergyUnit.JOULE.toWattHours(value(energy));
            default -> throw new MbusFormatException("the energy record is in " + energy.getUnit() + ", neither Wh nor J");
        };
        if (wattHours.signum() < 0) {
            throw new MbusFormatException("the energy record is negative (" + wattHours.toPlainString() + " Wh): a cumulative register never is");
        }
        return new MbusSample(data.getSecondaryAddress() == null ? null : data.getSecondaryAddress().toString(),
                wattHours.setScale(0, RoundingMode.FLOOR).longValueExact(),
                power == null ? null : value(power).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
    }

    private static BigDecimal value(DataRecord record) throws MbusFormatException {
        Object raw = record.getDataValue();
        BigDecimal value;
        if (raw instanceof Long number) {
            value = BigDecimal.valueOf(number);
        } else if (raw instanceof Bcd bcd) {
            value = BigDecimal.valueOf(bcd.longValue());
        } else if (raw instanceof Number number) {
            value = new BigDecimal(number.toString());
        } else {
            throw new MbusFormatException("the " + record.getDescription() + " record holds " + record.getDataValueType() + ", not a number");
        }
        return value.scaleByPowerOfTen(record.getMultiplierExponent());
    }
}

package org.energyweb.meter.sml;

import org.openmuc.jsml.structures.ASNObject;
import org.openmuc.jsml.structures.EMessageBody;
import org.openmuc.jsml.structures.Integer16;
import org.openmuc.jsml.structures.Integer32;
import org.openmuc.jsml.structures.Integer64;
import org.openmuc.jsml.structures.Integer8;
import org.openmuc.jsml.structures.OctetString;
import org.openmuc.jsml.structures.SmlFile;
import org.openmuc.jsml.structures.SmlListEntry;
import org.openmuc.jsml.structures.SmlMessage;
import org.openmuc.jsml.structures.Unsigned16;
import org.openmuc.jsml.structures.Unsigned32;
import org.openmuc.jsml.structures.Unsigned64;
import org.openmuc.jsml.structures.Unsigned8;
import org.openmuc.jsml.structures.responses.SmlGetListRes;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Reads the registers out of an SML file jSML decoded: the GetList response's entries 1-0:1.8.0 (import), 2.8.0
 * (export) and 16.7.0 (power), each {@code value * 10^scaler} in its unit. The units are the DLMS ones the SML
 * specification (BSI TR-03109-1, SML 1.04) uses: 30 = Wh, 27 = W; a register in any other unit is a fault, not a
 * guess. Energy is rounded down to whole Wh (a register never claims energy not yet delivered), power to the
 * nearest W.
 */
public final class SmlFileReader {

    static final byte[] IMPORT = {1, 0, 1, 8, 0, (byte) 0xFF};
    static final byte[] EXPORT = {1, 0, 2, 8, 0, (byte) 0xFF};
    static final byte[] POWER = {1, 0, 16, 7, 0, (byte) 0xFF};
    private static final int WATT_HOUR = 30;
    private static final int WATT = 27;

    private SmlFileReader() {
    }

    public static SmlSample read(SmlFile file) throws SmlFormatException {
        for (SmlMessage message : file.getMessages()) {
            if (message.getMessageBody().getTag() == EMessageBody.GET_LIST_RESPONSE) {
                return read((SmlGetListRes) message.getMessageBody().getChoice());
            }
        }
        throw new SmlFormatException("SML file has no GetList response");
    }

    private static SmlSample read(SmlGetListRes list) throws SmlFormatException {
        SmlListEntry imported = null;
        SmlListEntry exported = null;
        SmlListEntry power = null;
        for (SmlListEntry entry : list.getValList().getValListEntry()) {
            byte[] obis = entry.getObjName().getValue();
            if (Arrays.equals(obis, IMPORT)) {
                imported = entry;
            } else if (Arrays.equals(obis, EXPORT)) {
                exported = entry;
            } else if (Arrays.equals(obis, POWER)) {
                power = entry;
            }
        }
        if (imported == null) {
            throw new SmlFormatException("SML file has no register 1-0:1.8.0");
        }
        OctetString server = list.getServerId();
        return new SmlSample(!present(server) ? null : HexFormat.of().formatHex(server.getValue()),
                wattHours(imported, "1-0:1.8.0"),
                exported == null ? null : wattHours(exported, "1-0:2.8.0"),
                power == null ? null : scaled(power, "1-0:16.7.0", WATT, "W").setScale(0, RoundingMode.HALF_EVEN).longValueExact());
    }

    private static long wattHours(SmlListEntry entry, String obis) throws SmlFormatException {
        BigDecimal value = scaled(entry, obis, WATT_HOUR, "Wh");
        if (value.signum() < 0) {
            throw new SmlFormatException(obis + " is negative (" + value.toPlainString() + " Wh): a cumulative register never is");
        }
        return value.setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    private static BigDecimal scaled(SmlListEntry entry, String obis, int unit, String unitName) throws SmlFormatException {
        if (!present(entry.getUnit()) || entry.getUnit().getVal() != unit) {
            throw new SmlFormatException(obis + " is in unit " + (!present(entry.getUnit()) ? "(none)" : entry.getUnit().getVal())
                    + ", not " + unitName + " (" + unit + ")");
        }
        int scaler = present(entry.getScaler()) ? entry.getScaler().getIntVal() : 0;
        return new BigDecimal(integer(entry.getValue().getChoice(), obis)).scaleByPowerOfTen(scaler);
    }

    /** jSML keeps an optional field the file left out as an object that is not selected. */
    private static boolean present(ASNObject field) {
        return field != null && field.isSelected();
    }

    private static BigInteger integer(ASNObject value, String obis) throws SmlFormatException {
        if (value instanceof Integer8 v) {
            return BigInteger.valueOf(v.getVal());
        } else if (value instanceof Integer16 v) {
            return BigInteger.valueOf(v.getVal());
        } else if (value instanceof Integer32 v) {
            return BigInteger.valueOf(v.getVal());
        } else if (value instanceof Integer64 v) {
            return BigInteger.valueOf(v.getVal());
        } else if (value instanceof Unsigned8 v) {
            return BigInteger.valueOf(v.getVal());
        } else if (value instanceof Unsigned16 v) {
            return BigInteger.valueOf(v.getVal());
        } else if (value instanceof Unsigned32 v) {
            return BigInteger.valueOf(v.getLongValue());
        } else if (value instanceof Unsigned64 v) {
            return new BigInteger(Long.toUnsignedString(v.getVal()));
        }
        throw new SmlFormatException(obis + " holds " + (value == null ? "no value" : value.getClass().getSimpleName()) + ", not an integer");
    }
}

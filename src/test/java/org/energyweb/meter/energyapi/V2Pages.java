package org.energyweb.meter.energyapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;

/** Builds Energy API v1/v2 response pages the way the API writes them. */
final class V2Pages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode measured = root.putArray("measuredEnergy");

    private V2Pages(int count, String unit, boolean accumulated) {
        root.put("count", count);
        root.putNull("previous");
        root.putNull("next");
        ObjectNode device = root.putObject("device");
        device.put("manufacturer", "Slock.it");
        device.put("model", "Virtual Energy Meter");
        device.put("serial_number", "0001000");
        device.put("latitude", "1.4");
        device.put("longitude", "-3.5");
        device.put("energy_unit", unit);
        device.put("is_accumulated", accumulated);
    }

    static V2Pages page(int count, String unit, boolean accumulated) {
        return new V2Pages(count, unit, accumulated);
    }

    V2Pages next(String link) {
        root.put("next", link);
        return this;
    }

    V2Pages entry(String energy, Instant time) {
        return entry(energy, time.toString().replace("Z", "+00:00"));
    }

    V2Pages entry(String energy, String time) {
        ObjectNode item = measured.addObject();
        item.put("energy", new BigDecimal(energy));
        item.put("measurement_time", time);
        return this;
    }

    /** Entries one minute apart from {@code first}. */
    V2Pages entries(Instant first, String... energies) {
        for (int i = 0; i < energies.length; i++) {
            entry(energies[i], first.plusSeconds(60L * i));
        }
        return this;
    }

    ObjectNode json() {
        return root;
    }

    @Override
    public String toString() {
        return root.toString();
    }
}

package org.energyweb.meter.dsmr;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A P1 telegram whose CRC matched: the identification line after '/', and each COSEM object's OBIS
 * reference (e.g. {@code 1-0:1.8.1}) with the values between its parentheses, in order.
 *
 * @param raw the telegram's bytes as received, from '/' to the CRC
 */
public record DsmrTelegram(String identification, Map<String, List<String>> objects, byte[] raw) {

    public DsmrTelegram {
        objects = Map.copyOf(objects);
    }

    /** The values of {@code obis}, empty when the telegram does not carry it. */
    public List<String> values(String obis) {
        return objects.getOrDefault(obis, List.of());
    }

    /** The first value of {@code obis}. */
    public Optional<String> first(String obis) {
        List<String> values = values(obis);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}

package org.energyweb.meter.energyapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.energyweb.meter.http.FaultReporter;
import org.energyweb.meter.http.HttpSourceSettings;
import org.energyweb.meter.http.MeterHttpClient;
import org.energyweb.reading.EnergyUnit;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Energy API v1/v2 (one format): {@code GET {base}/{produced|consumed}/{deviceId}?start=&end=&limit=}
 * with HTTP Basic auth, answered by pages {@code {count, previous, next, device{..., energy_unit,
 * is_accumulated}, measuredEnergy[{energy, measurement_time}]}} that are followed through {@code next}.
 * Whether values are register readings or per-period energy comes from the API's own
 * {@code device.is_accumulated} (the original hard-coded it and double counted).
 */
public final class EnergyApiV2Client implements EnergyApi {

    public static final int DEFAULT_PAGE_SIZE = 100;
    /** A window needing more pages than this is refused rather than fetched forever. */
    public static final int DEFAULT_MAX_PAGES = 1000;

    private final MeterHttpClient http;
    private final Direction direction;
    private final String deviceId;
    private final int pageSize;
    private final int maxPages;

    public EnergyApiV2Client(HttpSourceSettings settings, Direction direction, String deviceId, int pageSize, int maxPages, String meter, Clock clock) {
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("the Energy API needs a device id");
        }
        if (pageSize < 1 || maxPages < 1) {
            throw new IllegalArgumentException("page size and maximum page count must be positive");
        }
        this.direction = direction;
        this.deviceId = deviceId;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
        URI device = settings.resolve(direction.pathSegment() + "/" + QueryString.pathSegment(deviceId));
        this.http = new MeterHttpClient(settings, new FaultReporter(meter, "energy-api-v2:" + device, clock));
    }

    @Override
    public FaultReporter faults() {
        return http.faults();
    }

    @Override
    public EnergyWindow fetch(Instant after, Instant until) {
        URI page = http.settings().resolve(direction.pathSegment() + "/" + QueryString.pathSegment(deviceId)
                + new QueryString().add("start", after).add("end", until).add("limit", pageSize));
        Set<URI> visited = new HashSet<>();
        List<EnergyEntry> entries = new ArrayList<>();
        Device device = null;
        long count = -1;
        byte[] body = null;
        while (page != null) {
            if (!visited.add(page)) {
                throw http.faults().fault("paging loops: 'next' leads back to " + page, body);
            }
            if (visited.size() > maxPages) {
                throw http.faults().fault("more than " + maxPages + " pages for one window; refusing to page on", body);
            }
            body = http.get(page, "application/json");
            EnergyApiJson json = EnergyApiJson.of(http.faults(), body);
            JsonNode root = json.root();
            if (!root.isObject()) {
                throw json.fault("the response must be a JSON object");
            }
            Device pageDevice = Device.of(json, json.required(root, "device", "the response"));
            if (device != null && !device.equals(pageDevice)) {
                throw json.fault("pages disagree about the device: " + device + " then " + pageDevice);
            }
            device = pageDevice;
            count = count(json, root);
            readEntries(json, root, entries);
            page = nextPage(json, root, page);
        }
        // DRF-style paging: count is the total of all pages; a mismatch means entries were skipped or repeated.
        if (count != entries.size()) {
            throw http.faults().fault("the API counted " + count + " measurements but its pages held " + entries.size(), body);
        }
        return new EnergyWindow(device.unit(), device.accumulated(), entries, until, body);
    }

    private static void readEntries(EnergyApiJson json, JsonNode root, List<EnergyEntry> into) {
        JsonNode measured = json.required(root, "measuredEnergy", "the response");
        if (!measured.isArray()) {
            throw json.fault("'measuredEnergy' must be an array");
        }
        for (JsonNode item : measured) {
            String where = "measuredEnergy[" + into.size() + "]";
            into.add(new EnergyEntry(json.energy(item, "energy", where), json.time(item, "measurement_time", where)));
        }
    }

    private static long count(EnergyApiJson json, JsonNode root) {
        JsonNode count = json.required(root, "count", "the response");
        if (!count.isIntegralNumber() || count.longValue() < 0) {
            throw json.fault("'count' must be a non-negative integer, not " + count);
        }
        return count.longValue();
    }

    private static URI nextPage(EnergyApiJson json, JsonNode root, URI current) {
        JsonNode next = root.get("next");
        if (next == null || next.isNull() || next.isTextual() && next.textValue().isBlank()) {
            return null;
        }
        if (!next.isTextual()) {
            throw json.fault("'next' must be a link or null, not " + next);
        }
        try {
            return current.resolve(next.textValue());
        } catch (IllegalArgumentException e) {
            throw json.fault("'next' is not a valid link: " + next.textValue());
        }
    }

    /** The fields of {@code device} that decide how values are read. */
    private record Device(EnergyUnit unit, boolean accumulated) {

        static Device of(EnergyApiJson json, JsonNode device) {
            return new Device(json.unit(device, "energy_unit", "device"), json.bool(device, "is_accumulated", "device"));
        }
    }
}

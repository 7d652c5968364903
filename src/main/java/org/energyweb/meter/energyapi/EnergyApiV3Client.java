package org.energyweb.meter.energyapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.energyweb.meter.http.FaultReporter;
import org.energyweb.meter.http.HttpSourceSettings;
import org.energyweb.meter.http.MeterHttpClient;
import org.energyweb.reading.EnergyUnit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Energy API v3 (OpenAPI 3, query parameters): the asset {@code GET /asset/{id}} tells the
 * {@code energyUnit} and {@code isAccumulated}; {@code GET /asset/{id}/energy?timeStart=&timeEnd=&accumulated=&limit=}
 * returns {@code [{energy, measurementTime}]}. Auth is Basic or an {@code X-API-Key} header.
 *
 * <p>For an accumulated asset one entry suffices: {@code accumulated=true} returns the latest register
 * value of the window. For a per-period asset every entry is needed, and v3 has no paging: when an
 * answer is full ({@code limit} entries) the window counts as complete only up to the entries before
 * the last instant, and the next poll continues from there, so nothing is skipped or counted twice.
 */
public final class EnergyApiV3Client implements EnergyApi {

    public static final int DEFAULT_LIMIT = 100;

    private final MeterHttpClient http;
    private final String assetPath;
    private final int limit;

    public EnergyApiV3Client(HttpSourceSettings settings, String assetId, int limit, String meter, Clock clock) {
        if (assetId == null || assetId.isBlank()) {
            throw new IllegalArgumentException("the Energy API v3 needs an asset id");
        }
        if (limit < 2) {
            // With one entry per answer a per-period window could never be known complete.
            throw new IllegalArgumentException("the v3 limit must be at least 2, not " + limit);
        }
        this.assetPath = "asset/" + QueryString.pathSegment(assetId);
        this.limit = limit;
        this.http = new MeterHttpClient(settings, new FaultReporter(meter, "energy-api-v3:" + settings.resolve(assetPath), clock));
    }

    @Override
    public FaultReporter faults() {
        return http.faults();
    }

    @Override
    public EnergyWindow fetch(Instant after, Instant until) {
        Asset asset = asset();
        byte[] body = http.get(http.settings().resolve(assetPath + "/energy" + new QueryString()
                .add("timeStart", after).add("timeEnd", until).add("accumulated", asset.accumulated()).add("limit", limit)), "application/json");
        EnergyApiJson json = EnergyApiJson.of(http.faults(), body);
        List<EnergyEntry> entries = entries(json, json.root());
        Instant coveredUntil = asset.accumulated() || entries.size() < limit ? until : completeUntil(json, entries);
        return new EnergyWindow(asset.unit(), asset.accumulated(), entries, coveredUntil, body);
    }

    private Asset asset() {
        byte[] body = http.get(http.settings().resolve(assetPath), "application/json");
        EnergyApiJson json = EnergyApiJson.of(http.faults(), body);
        JsonNode root = json.root();
        if (!root.isObject()) {
            throw json.fault("the asset must be a JSON object");
        }
        return new Asset(json.unit(root, "energyUnit", "the asset"), json.bool(root, "isAccumulated", "the asset"));
    }

    /** An array of entries, or with {@code accumulated=true} one entry object ({@code {}} when the window is empty). */
    private static List<EnergyEntry> entries(EnergyApiJson json, JsonNode root) {
        List<EnergyEntry> entries = new ArrayList<>();
        if (root.isObject()) {
            if (!root.isEmpty()) {
                entries.add(entry(json, root, "the energy entry"));
            }
        } else if (root.isArray()) {
            for (JsonNode item : root) {
                entries.add(entry(json, item, "energy[" + entries.size() + "]"));
            }
        } else {
            throw json.fault("the energy answer must be a JSON array or object");
        }
        return entries;
    }

    private static EnergyEntry entry(EnergyApiJson json, JsonNode item, String where) {
        return new EnergyEntry(json.energy(item, "energy", where), json.time(item, "measurementTime", where));
    }

    /**
     * A full answer may have cut entries at its last instant: it is complete up to the instant
     * before it. A server that does not answer in time order cannot be paged this way.
     */
    private static Instant completeUntil(EnergyApiJson json, List<EnergyEntry> entries) {
        List<Instant> times = entries.stream().map(EnergyEntry::time).toList();
        if (!times.equals(times.stream().sorted().toList())) {
            throw json.fault("a full answer (limit reached) is not in time order, so the rest of the window cannot be fetched without gaps");
        }
        Instant last = times.get(times.size() - 1);
        return times.stream().filter(t -> t.isBefore(last)).max(Comparator.naturalOrder())
                .orElseThrow(() -> json.fault("all " + entries.size() + " entries of a full answer share the instant " + last
                        + "; raise the limit to read this window"));
    }

    private record Asset(EnergyUnit unit, boolean accumulated) {
    }
}

package org.energyweb.meter.http.camel;

import org.energyweb.meter.energyapi.Direction;
import org.energyweb.meter.energyapi.EnergyApi;
import org.energyweb.meter.energyapi.EnergyApiSource;
import org.energyweb.meter.energyapi.EnergyApiV2Client;
import org.energyweb.meter.energyapi.EnergyApiV3Client;
import org.energyweb.meter.http.Credentials;
import org.energyweb.meter.http.HttpSourceSettings;
import org.energyweb.reading.Measurement;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The bean of the {@code energy-api-source} kamelet: one Energy API device (v1, v2 or v3) as one meter. */
public class EnergyApiPoller extends HttpMeterPoller {

    private String apiVersion = "v2";
    private String direction = "produced";
    private String deviceId;
    private String apiKey = "";
    private int pageSize = EnergyApiV2Client.DEFAULT_PAGE_SIZE;
    private int maxPages = EnergyApiV2Client.DEFAULT_MAX_PAGES;
    private String since = "";
    private long settleDelay;

    @Override
    protected Credentials credentials() {
        return Credentials.fromSettings(getUser(), getPassword(), apiKey);
    }

    @Override
    protected MeterPoll createSource(HttpSourceSettings settings, String meter, Optional<Measurement> resume, Clock clock) {
        String device = required(deviceId, "deviceId");
        EnergyApi api = switch (apiVersion.trim().toLowerCase(Locale.ROOT)) {
            case "v1", "v2", "1", "2" -> new EnergyApiV2Client(settings, Direction.parse(direction), device, pageSize, maxPages, meter, clock);
            case "v3", "3" -> new EnergyApiV3Client(settings, device, pageSize, meter, clock);
            default -> throw new IllegalArgumentException("apiVersion must be v1, v2 or v3, not '" + apiVersion + "'");
        };
        EnergyApiSource source = new EnergyApiSource(api, meter, clock, instantOr(since, clock.instant()), Duration.ofMillis(settleDelay));
        resume.ifPresent(last -> source.resumeFrom(last.energyWh(), last.time()));
        return source::poll;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
    }

    public void setSince(String since) {
        this.since = since;
    }

    public void setSettleDelay(long millis) {
        this.settleDelay = millis;
    }
}

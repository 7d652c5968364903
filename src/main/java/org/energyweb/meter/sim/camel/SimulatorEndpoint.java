package org.energyweb.meter.sim.camel;

import org.energyweb.camel.CamelCatalog;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.energyweb.meter.sim.PowerProfile;
import org.energyweb.meter.sim.SimulatedMeter;
import org.energyweb.reading.MeterId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Emits one {@code Measurement} per simulated meter on every poll. */
@UriEndpoint(firstVersion = CamelCatalog.FIRST_VERSION, scheme = "simulator", title = "Simulated meter", syntax = "simulator:name",
        consumerOnly = true, category = {Category.IOT}, headersClass = SimulatorConstants.class)
public class SimulatorEndpoint extends ScheduledPollEndpoint {

    @UriPath(description = "A name for this group of simulated meters")
    @Metadata(required = true)
    private String name;
    @UriParam(defaultValue = "1", description = "How many meters to simulate; their ids are meterPrefix followed by 1..meterCount")
    private int meterCount = 1;
    @UriParam(defaultValue = "sim-", description = "Prefix of the generated meter ids")
    private String meterPrefix = "sim-";
    @UriParam(description = "Explicit comma-separated meter ids; overrides meterCount and meterPrefix")
    private String meterIds;
    @UriParam(defaultValue = "household", enums = "constant,household,solar", description = "The power profile the meters follow")
    private String profile = "household";
    @UriParam(defaultValue = "5000", description = "Peak power of each meter in W")
    private double peakPowerW = 5000;

    private List<SimulatedMeter> meters;

    public SimulatorEndpoint(String uri, SimulatorComponent component, String name) {
        super(uri, component);
        this.name = name;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("the simulator endpoint " + getEndpointUri() + " only produces readings (use it in from:)");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        SimulatorConsumer consumer = new SimulatorConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        PowerProfile powerProfile = PowerProfile.parse(profile);
        List<String> ids = new ArrayList<>();
        if (meterIds != null && !meterIds.isBlank()) {
            Arrays.stream(meterIds.split(",")).map(String::trim).forEach(ids::add);
        } else {
            if (meterCount < 1) {
                throw new IllegalArgumentException("meterCount must be at least 1: " + meterCount);
            }
            for (int i = 1; i <= meterCount; i++) {
                ids.add(meterPrefix + i);
            }
        }
        meters = ids.stream().map(MeterId::require).map(id -> new SimulatedMeter(id, powerProfile, peakPowerW)).toList();
    }

    List<SimulatedMeter> meters() {
        return meters;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getMeterCount() {
        return meterCount;
    }

    public void setMeterCount(int meterCount) {
        this.meterCount = meterCount;
    }

    public String getMeterPrefix() {
        return meterPrefix;
    }

    public void setMeterPrefix(String meterPrefix) {
        this.meterPrefix = meterPrefix;
    }

    public String getMeterIds() {
        return meterIds;
    }

    public void setMeterIds(String meterIds) {
        this.meterIds = meterIds;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public double getPeakPowerW() {
        return peakPowerW;
    }

    public void setPeakPowerW(double peakPowerW) {
        this.peakPowerW = peakPowerW;
    }
}

package org.energyweb.meter.sim.camel;

import org.apache.camel.spi.Metadata;

/** Headers the simulator sets on each exchange. */
public final class SimulatorConstants {

    @Metadata(description = "The id of the simulated meter", javaType = "String")
    public static final String METER = "EnergywebMeter";

    private SimulatorConstants() {
    }
}

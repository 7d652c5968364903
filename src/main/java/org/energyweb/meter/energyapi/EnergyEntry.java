package org.energyweb.meter.energyapi;

import java.math.BigDecimal;
import java.time.Instant;

/** One value an Energy API reported, exact and still in the API's unit. */
public record EnergyEntry(BigDecimal energy, Instant time) {
}

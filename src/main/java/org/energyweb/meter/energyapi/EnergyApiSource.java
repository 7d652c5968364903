package org.energyweb.meter.energyapi;

import org.energyweb.meter.Plausibility;
import org.energyweb.reading.EnergyUnit;
import org.energyweb.reading.Measurement;
import org.energyweb.reading.MeterFaultException;
import org.energyweb.reading.MeterId;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns an Energy API into the cumulative import register of one meter, one poll at a time.
 *
 * <p><b>Windows.</b> Each poll asks for the entries measured after the last counted instant and up
 * to now (less an optional settle delay for APIs that receive data late). Servers treat the bounds
 * inclusively or not; this class counts an entry only when {@code countedUntil < time <= coveredUntil},
 * so consecutive windows neither overlap nor leave gaps. A failed poll advances nothing: the next
 * poll asks for the same window again.
 *
 * <p><b>Accumulated devices</b> report the register itself: the reading is the latest value, which
 * must not go backwards, neither inside a window nor against the last accepted reading.
 *
 * <p><b>Per-period devices</b> report the energy of each period, so the register is a running total
 * kept here: the sum of all counted entries in exact decimals, rounded to integer Wh only when a
 * reading is emitted. Without history it starts at 0 Wh at {@code since}; after a restart it is
 * seeded with {@link #resumeFrom} from the ledger's last reading of the meter (whose time is the
 * latest entry counted, so counting resumes exactly after it; the sub-Wh remainder of the old total
 * is lost, at most half a Wh per restart).
 */
public final class EnergyApiSource {

    private final EnergyApi api;
    private final String meter;
    private final Clock clock;
    private final Duration settleDelay;
    private final Plausibility plausibility;
    private Instant countedUntil;
    private BigDecimal totalWh = BigDecimal.ZERO;

    /**
     * @param since       entries measured at or before this instant are not counted
     * @param settleDelay how far behind now a window ends, for APIs whose entries arrive late
     */
    public EnergyApiSource(EnergyApi api, String meter, Clock clock, Instant since, Duration settleDelay) {
        this.api = Objects.requireNonNull(api, "api");
        this.meter = MeterId.require(meter);
        this.clock = clock;
        this.countedUntil = Objects.requireNonNull(since, "since");
        this.settleDelay = settleDelay == null ? Duration.ZERO : settleDelay;
        this.plausibility = new Plausibility(clock);
    }

    /** Continues the register of the ledger's last reading of this meter: {@code energyWh} measured at {@code time}. */
    public synchronized EnergyApiSource resumeFrom(long energyWh, Instant time) {
        countedUntil = time;
        totalWh = BigDecimal.valueOf(energyWh);
        plausibility.accepted(Measurement.of(meter, time, energyWh, source()));
        return this;
    }

    public String source() {
        return api.faults().source();
    }

    /**
     * Reads the next window.
     *
     * @return the meter's reading, or empty when the window held no new entry
     * @throws org.energyweb.reading.MeterFaultException when the API failed or its answer cannot be trusted
     */
    public synchronized Optional<Measurement> poll() {
        Instant now = clock.instant();
        Instant until = now.minus(settleDelay);
        EnergyWindow window = api.fetch(countedUntil, until);
        List<EnergyEntry> fresh = freshEntries(window, now);
        if (fresh.isEmpty()) {
            if (window.coveredUntil().isBefore(until) && !window.coveredUntil().isAfter(countedUntil)) {
                // A truncated answer that holds nothing new would be asked for again and again.
                throw api.faults().fault("the API's answer is cut short before any new entry after " + countedUntil
                        + "; raise the limit", window.payload());
            }
            countedUntil = later(countedUntil, window.coveredUntil());
            return Optional.empty();
        }
        EnergyEntry last = fresh.get(fresh.size() - 1);
        BigDecimal registerWh = window.accumulated() ? registerOf(window, fresh) : totalWh.add(window.unit().toWattHours(sum(fresh)));
        Measurement measurement = Measurement.of(meter, last.time(), roundToWattHours(window, registerWh), source());
        try {
            plausibility.check(measurement);
        } catch (MeterFaultException implausible) {
            throw api.faults().fault(implausible.fault().reason(), window.payload());
        }
        countedUntil = later(last.time(), window.coveredUntil());
        totalWh = registerWh;
        return Optional.of(measurement);
    }

    /** The entries of this window not counted before, in time order; an entry from the future is a fault. */
    private List<EnergyEntry> freshEntries(EnergyWindow window, Instant now) {
        Instant latestPossible = now.plus(Plausibility.CLOCK_TOLERANCE);
        for (EnergyEntry entry : window.entries()) {
            if (entry.time().isAfter(latestPossible)) {
                throw api.faults().fault("timestamp " + entry.time() + " is in the future (gateway time " + now + ")", window.payload());
            }
        }
        return window.entries().stream()
                .filter(entry -> entry.time().isAfter(countedUntil) && !entry.time().isAfter(window.coveredUntil()))
                .sorted(Comparator.comparing(EnergyEntry::time))
                .toList();
    }

    private BigDecimal registerOf(EnergyWindow window, List<EnergyEntry> fresh) {
        for (int i = 1; i < fresh.size(); i++) {
            EnergyEntry before = fresh.get(i - 1);
            EnergyEntry after = fresh.get(i);
            if (after.energy().compareTo(before.energy()) < 0) {
                throw api.faults().fault("counter went backwards from " + before.energy().toPlainString() + " " + window.unit() + " at " + before.time()
                        + " to " + after.energy().toPlainString() + " " + window.unit() + " at " + after.time(), window.payload());
            }
        }
        return window.unit().toWattHours(fresh.get(fresh.size() - 1).energy());
    }

    private static BigDecimal sum(List<EnergyEntry> entries) {
        return entries.stream().map(EnergyEntry::energy).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private long roundToWattHours(EnergyWindow window, BigDecimal wattHours) {
        try {
            return EnergyUnit.roundToWattHours(wattHours);
        } catch (IllegalArgumentException e) {
            throw api.faults().fault(e.getMessage(), window.payload());
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

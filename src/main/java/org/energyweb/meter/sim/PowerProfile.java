package org.energyweb.meter.sim;

import java.util.Locale;

/**
 * How much power a simulated meter sees over time, in closed form: cumulative energy is the exact
 * integral of power, so a simulated counter is the same function of time in every run and never
 * goes backwards across a restart.
 */
public enum PowerProfile {
    /** A flat load at the peak power. */
    CONSTANT {
        @Override
        double powerFraction(double t, double phase) {
            return 1;
        }

        @Override
        double energyFractionSeconds(double t, double phase) {
            return t;
        }
    },
    /**
     * A household: a daily swing plus two faster appliance cycles, never below 5% of peak. Three
     * sines summed with amplitudes 0.25, 0.1, 0.05 around a base of 0.45 of peak.
     */
    HOUSEHOLD {
        @Override
        double powerFraction(double t, double phase) {
            return 0.45 + 0.25 * Math.sin(w(DAY) * t + phase) + 0.10 * Math.sin(w(23 * 60) * t + 2 * phase)
                    + 0.05 * Math.sin(w(7 * 60) * t + 3 * phase);
        }

        @Override
        double energyFractionSeconds(double t, double phase) {
            return 0.45 * t + sineIntegral(0.25, DAY, phase, t) + sineIntegral(0.10, 23 * 60, 2 * phase, t)
                    + sineIntegral(0.05, 7 * 60, 3 * phase, t);
        }
    },
    /** Photovoltaics: a half-sine from 06:00 to 18:00 solar time, nothing at night. */
    SOLAR {
        @Override
        double powerFraction(double t, double phase) {
            double hour = hourOfDay(t, phase);
            return hour < 6 || hour > 18 ? 0 : Math.sin(Math.PI * (hour - 6) / 12);
        }

        @Override
        double energyFractionSeconds(double t, double phase) {
            double shifted = t + phase / (2 * Math.PI) * DAY;
            double days = Math.floor(shifted / DAY);
            double hour = hourOfDay(t, phase);
            double dayEnergy = 12 * 3600 * 2 / Math.PI;
            double today = hour < 6 ? 0 : hour > 18 ? dayEnergy : 12 * 3600 / Math.PI * (1 - Math.cos(Math.PI * (hour - 6) / 12));
            return days * dayEnergy + today;
        }
    };

    static final double DAY = 86_400;

    /** Power as a fraction of peak at {@code t} seconds since commissioning. */
    abstract double powerFraction(double t, double phase);

    /** The integral of {@link #powerFraction} from 0 to {@code t}, in seconds (fraction of peak x seconds). */
    abstract double energyFractionSeconds(double t, double phase);

    public static PowerProfile parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown power profile '" + name + "' (expected constant, household or solar)");
        }
    }

    private static double w(double periodSeconds) {
        return 2 * Math.PI / periodSeconds;
    }

    /** The integral from 0 to t of a * sin(w t + phase). */
    private static double sineIntegral(double amplitude, double periodSeconds, double phase, double t) {
        double omega = w(periodSeconds);
        return amplitude / omega * (Math.cos(phase) - Math.cos(omega * t + phase));
    }

    private static double hourOfDay(double t, double phase) {
        double shifted = t + phase / (2 * Math.PI) * DAY;
        return (shifted - Math.floor(shifted / DAY) * DAY) / 3600;
    }
}

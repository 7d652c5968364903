package org.energyweb.app;

import java.time.Duration;

/** The task intervals of the original energyweb framework, in seconds. */
public enum LifeCycle {
    FIVE_SECONDS(5),
    SEVEN_SECONDS(7),
    TWENTY_SECONDS(20),
    FORTY_SECONDS(40),
    ONE_MINUTE(60),
    TEN_MINUTES(600),
    HALF_HOUR(1800),
    ONE_HOUR(3600),
    SIX_HOURS(21600),
    TWELVE_HOURS(43200),
    ONE_DAY(86400);

    private final int seconds;

    LifeCycle(int seconds) {
        this.seconds = seconds;
    }

    public int seconds() {
        return seconds;
    }

    public Duration duration() {
        return Duration.ofSeconds(seconds);
    }
}

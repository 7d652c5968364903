package org.energyweb.reading;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MeterFaultExceptionTest {

    @Test
    void aFaultOfInputNamingNoMeterSaysUnknownMeterNotNull() {
        MeterFault fault = new MeterFault(null, Instant.EPOCH, "inbox", "no meter in the file", null);

        assertThat(new MeterFaultException(fault)).hasMessage("unknown meter (inbox): no meter in the file");
    }
}

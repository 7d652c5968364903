package org.energyweb.migrate;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BondFileHashTest {

    @Test
    void theOriginalsFirstProducerFileHashesToThePublishedVector() {
        byte[] file = "{\"value\": 1000, \"is_meter_down\": false, \"previous_hash\": \"0x0\", \"co2_saved\": 0, \"is_co2_down\": true}"
                .getBytes(StandardCharsets.US_ASCII);

        assertThat(BondFileHash.of(file)).isEqualTo("QmYSoy8q86yyfM8MbA62jdj45uB2Q");
    }
}

package org.energyweb.fleet.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FencedExceptionTest {

    private static PartitionClaim claim(long epoch) {
        return new PartitionClaim("readings", 2, "c", epoch, 0);
    }

    @Test
    void aWriteRefusedUnderAnOlderEpochSaysNothingAboutTheWorkersNewerClaim() {
        assertThat(new FencedException("readings", 2, 2, 3).predates(claim(3))).isTrue();
    }

    @Test
    void aWriteRefusedWithoutAClaimSaysNothingAboutAClaimMadeSince() {
        assertThat(new FencedException("readings", 2).predates(claim(1))).isTrue();
    }

    @Test
    void aWriteRefusedUnderTheWorkersCurrentClaimMeansTheClaimIsLost() {
        assertThat(new FencedException("readings", 2, 3, 4).predates(claim(3))).isFalse();
    }
}
